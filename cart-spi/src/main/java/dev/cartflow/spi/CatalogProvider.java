package dev.cartflow.spi;

import dev.cartflow.model.Product;
import dev.cartflow.model.Sku;
import java.util.Map;
import java.util.Set;

/** The host's catalog. Called once per operation with every sku the operation needs. */
@FunctionalInterface
public interface CatalogProvider {
    /**
     * The products for the given skus; a sku missing from the result is unknown.
     *
     * @param skus the skus, never empty
     * @return the known products by sku
     */
    Map<Sku, Product> products(Set<Sku> skus);
}
