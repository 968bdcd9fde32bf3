package dev.cartflow.core.memory;

import dev.cartflow.model.Product;
import dev.cartflow.spi.CatalogProvider;
import dev.cartflow.tck.CatalogProviderContract;
import java.util.List;

/** The cart-tck catalog contract on {@link InMemoryCatalog}. */
class InMemoryCatalogContractTest extends CatalogProviderContract {
    @Override
    protected CatalogProvider newProvider(List<Product> products) {
        InMemoryCatalog catalog = new InMemoryCatalog();
        products.forEach(catalog::put);
        return catalog;
    }
}
