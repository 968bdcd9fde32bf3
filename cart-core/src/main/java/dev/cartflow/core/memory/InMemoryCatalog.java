package dev.cartflow.core.memory;

import dev.cartflow.model.Product;
import dev.cartflow.model.Sku;
import dev.cartflow.error.CartException;
import dev.cartflow.spi.CatalogProvider;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A thread-safe catalog in memory. */
public final class InMemoryCatalog implements CatalogProvider {
    private final Map<Sku, Product> products = new ConcurrentHashMap<>();

    /** An empty catalog. */
    public InMemoryCatalog() {
    }

    /**
     * Adds or replaces a product.
     *
     * @param product the product, keyed by its sku; not null ({@code INVALID_INPUT})
     * @return this catalog
     */
    public InMemoryCatalog put(Product product) {
        if (product == null) {
            throw CartException.invalidInput("product must not be null");
        }
        products.put(product.sku(), product);
        return this;
    }

    /**
     * Removes a product.
     *
     * @param sku the product's sku; an unknown one changes nothing
     */
    public void remove(Sku sku) {
        products.remove(CartException.requireNonNull(sku, "sku"));
    }

    @Override
    public Map<Sku, Product> products(Set<Sku> skus) {
        Map<Sku, Product> result = new HashMap<>();
        for (Sku sku : skus) {
            Product p = products.get(sku);
            if (p != null) {
                result.put(sku, p);
            }
        }
        return result;
    }
}
