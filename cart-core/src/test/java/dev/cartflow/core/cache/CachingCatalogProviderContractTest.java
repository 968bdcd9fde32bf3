package dev.cartflow.core.cache;

import dev.cartflow.core.memory.InMemoryCatalog;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Product;
import dev.cartflow.spi.CatalogProvider;
import dev.cartflow.tck.CatalogProviderContract;
import java.util.List;
import java.util.Optional;

/** The cart-tck catalog contract on {@link CachingCatalogProvider} over an in-memory catalog. */
class CachingCatalogProviderContractTest extends CatalogProviderContract {
    @Override
    protected CatalogProvider newProvider(List<Product> products) {
        InMemoryCatalog host = new InMemoryCatalog();
        products.forEach(host::put);
        return CachingCatalogProvider.builder(host).build();
    }

    @Override
    protected Optional<CatalogProvider> failingProvider() {
        return Optional.of(CachingCatalogProvider.builder(skus -> {
            throw CartException.providerUnavailable("catalog down", null);
        }).build());
    }
}
