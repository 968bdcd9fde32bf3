package dev.cartflow.spi;

import dev.cartflow.model.Product;
import dev.cartflow.model.Sku;
import java.util.Map;
import java.util.Set;

/**
 * The host's catalog. Called at most once per attempt of an operation with every sku it needs;
 * the answer holds only skus asked for, and a sku it does not know is absent.
 *
 * <p>Thread-safe: the engine calls it from any number of threads at once. A failure is reported as
 * a {@code CartException} (a plain exception becomes {@code PROVIDER_UNAVAILABLE} in the engine);
 * a null answer is a failure too.
 * Checked by {@code CatalogProviderContract} in {@code cart-tck}.
 */
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
