package dev.cartflow.tck;

import dev.cartflow.model.Product;
import dev.cartflow.model.Sku;
import dev.cartflow.spi.CatalogProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What any correct {@link CatalogProvider} satisfies, a host's own or a decorator around one. Extend
 * it beside the implementation: {@link #newProvider} returns a provider whose catalog holds exactly
 * the given products, and {@link #failingProvider} (optional) one whose source is down.
 *
 * <p>An implementation answers a batch with the products of the asked skus it knows, keyed by their
 * sku, and nothing else: unknown skus are absent, never a null value; the same question gets the same
 * answer; a failing source is a {@code CartException} with {@code PROVIDER_UNAVAILABLE}. It must be
 * thread-safe: the engine asks from any number of threads at once. The checks are those of
 * {@link SkuKeyedProviderContract}.
 */
public abstract class CatalogProviderContract extends SkuKeyedProviderContract<CatalogProvider, Product> {

    /** Subclasses are the implementation-specific tests. */
    protected CatalogProviderContract() {
    }

    @Override
    final List<Product> sample(int count) {
        List<Product> products = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            products.add(new Product(new Sku("SKU-" + i), i % 2 == 0 ? "shoes" : null, i % 3 == 0 ? "acme" : null,
                    100L * i, i % 4 == 0 ? Set.of("DE", "AT") : Set.of(), 1, 1_000 + i, 1 + i % 3));
        }
        return products;
    }

    @Override
    final Sku skuOf(Product product) {
        return product.sku();
    }

    @Override
    final Map<Sku, Product> ask(CatalogProvider provider, Set<Sku> skus) {
        return provider.products(skus);
    }

    @Override
    final String method() {
        return "products";
    }
}
