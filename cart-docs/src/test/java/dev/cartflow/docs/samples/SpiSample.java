package dev.cartflow.docs.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartflow.core.CartEngine;
import dev.cartflow.core.CreatedCart;
import dev.cartflow.core.NewCart;
import dev.cartflow.core.memory.InMemoryCartRepository;
import dev.cartflow.core.memory.InMemoryPricing;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Money;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.Product;
import dev.cartflow.model.Rate;
import dev.cartflow.model.Sku;
import dev.cartflow.spi.CatalogProvider;
import dev.cartflow.tck.CatalogProviderContract;
import java.io.IOException;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The sample of docs/spi.md: a host's catalog over its own product source, held by cart-tck's
 * {@link CatalogProviderContract} (the nested class runs every check of the contract on it).
 */
class SpiSample {
    private static final Currency EUR = Currency.getInstance("EUR");

    /** Stands in for the host's product service: it holds products and can be down. */
    static final class ProductSource {
        private final Map<Sku, Product> products = new ConcurrentHashMap<>();
        private volatile boolean down;

        ProductSource(Collection<Product> products) {
            products.forEach(p -> this.products.put(p.sku(), p));
        }

        Map<Sku, Product> fetch(Set<Sku> skus) throws IOException {
            if (down) {
                throw new IOException("product service unreachable");
            }
            Map<Sku, Product> found = new HashMap<>();
            skus.forEach(sku -> Optional.ofNullable(products.get(sku)).ifPresent(p -> found.put(sku, p)));
            return found;
        }
    }

    // tag::catalog[]
    /** The shop's catalog for the engine: one call to the product service per batch of skus. */
    static final class ShopCatalog implements CatalogProvider {
        private final ProductSource source;

        ShopCatalog(ProductSource source) {
            this.source = source;
        }

        @Override
        public Map<Sku, Product> products(Set<Sku> skus) {
            try {
                return source.fetch(skus);            // unknown skus are simply absent
            } catch (IOException e) {
                throw CartException.providerUnavailable("product service unreachable", e);
            }
        }
    }
    // end::catalog[]

    // tag::contract[]
    @Nested
    class ShopCatalogContract extends CatalogProviderContract {
        @Override
        protected CatalogProvider newProvider(List<Product> products) {
            return new ShopCatalog(new ProductSource(products));
        }

        @Override
        protected Optional<CatalogProvider> failingProvider() {
            ProductSource down = new ProductSource(List.of());
            down.down = true;
            return Optional.of(new ShopCatalog(down));
        }
    }
    // end::contract[]

    @Test
    void engine_productServiceDown_addItemFailsProviderUnavailableAndWorksAgainAfter() {
        ProductSource source = new ProductSource(List.of(Product.builder(Sku.of("MUG")).build()));
        CartEngine engine = CartEngine.builder()
                .repository(new InMemoryCartRepository())
                .catalog(new ShopCatalog(source))
                .pricing(new InMemoryPricing().put(PriceQuote.of(Sku.of("MUG"), Money.parse("12.50", EUR),
                        Rate.parse("0.19"))))
                .build();
        CreatedCart created = engine.createGuestCart(NewCart.of("EUR", "DE"));

        source.down = true;
        assertThatThrownBy(() -> engine.addItem(created.actor(), created.cart().id(), Sku.of("MUG"), 1))
                .isInstanceOfSatisfying(CartException.class,
                        e -> assertThat(e.code()).isEqualTo(CartErrorCode.PROVIDER_UNAVAILABLE));
        source.down = false;

        assertThat(engine.addItem(created.actor(), created.cart().id(), Sku.of("MUG"), 1).lines()).hasSize(1);
        assertThatThrownBy(() -> engine.addItem(created.actor(), created.cart().id(), Sku.of("CUP"), 1))
                .isInstanceOfSatisfying(CartException.class,
                        e -> assertThat(e.code()).isEqualTo(CartErrorCode.PRODUCT_NOT_FOUND));
    }
}
