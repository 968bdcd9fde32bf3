package dev.cartflow.core.resilience;

import dev.cartflow.core.memory.InMemoryCartRepository;
import dev.cartflow.core.memory.InMemoryCatalog;
import dev.cartflow.core.memory.InMemoryInventory;
import dev.cartflow.core.memory.InMemoryPricing;
import dev.cartflow.core.memory.InMemoryPromotionUsageStore;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.Product;
import dev.cartflow.spi.CartRepository;
import dev.cartflow.spi.CatalogProvider;
import dev.cartflow.spi.InventoryProvider;
import dev.cartflow.spi.PricingProvider;
import dev.cartflow.spi.PromotionUsageStore;
import dev.cartflow.spi.StockKey;
import dev.cartflow.spi.StockReservations;
import dev.cartflow.tck.CartRepositoryContract;
import dev.cartflow.tck.CatalogProviderContract;
import dev.cartflow.tck.InventoryContract;
import dev.cartflow.tck.PricingProviderContract;
import dev.cartflow.tck.PromotionUsageStoreContract;
import dev.cartflow.tck.StockReservationsContract;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;

/**
 * The cart-tck contracts on the resilience decorators over the in-memory implementations: a guarded
 * provider is still a correct provider (with its fallback kept on, so that remembering answers is
 * checked too).
 */
class ResilientContractsTest {
    static ProviderPolicy policy() {
        return ProviderPolicy.builder().timeout(Duration.ofSeconds(5)).lastKnownGood(1_000, Duration.ofHours(1))
                .build();
    }

    @Nested
    class Repository extends CartRepositoryContract {
        @Override
        protected CartRepository newRepository() {
            return Resilience.repository(new InMemoryCartRepository(), ProviderPolicy.builder()
                    .timeout(Duration.ofSeconds(5)).build());
        }
    }

    @Nested
    class Catalog extends CatalogProviderContract {
        @Override
        protected CatalogProvider newProvider(List<Product> products) {
            InMemoryCatalog host = new InMemoryCatalog();
            products.forEach(host::put);
            return Resilience.catalog(host, policy());
        }

        @Override
        protected Optional<CatalogProvider> failingProvider() {
            return Optional.of(Resilience.catalog(skus -> {
                throw new IllegalStateException("catalog down");
            }, ProviderPolicy.builder().retries(0).build()));
        }
    }

    @Nested
    class Pricing extends PricingProviderContract {
        @Override
        protected PricingProvider newProvider(List<PriceQuote> quotes) {
            InMemoryPricing host = new InMemoryPricing();
            quotes.forEach(host::put);
            return Resilience.pricing(host, policy());
        }

        @Override
        protected Optional<PricingProvider> failingProvider() {
            return Optional.of(Resilience.pricing(request -> {
                throw new IllegalStateException("pricing down");
            }, ProviderPolicy.builder().retries(0).build()));
        }
    }

    @Nested
    class Inventory extends InventoryContract {
        @Override
        protected InventoryProvider newInventory(Map<StockKey, Long> levels) {
            return Resilience.inventory(stock(levels), policy());
        }

        @Override
        protected Optional<InventoryProvider> failingInventory() {
            return Optional.of(Resilience.inventory(keys -> {
                throw new IllegalStateException("inventory down");
            }, ProviderPolicy.builder().retries(0).build()));
        }
    }

    @Nested
    class Reservations extends StockReservationsContract {
        @Override
        protected StockReservations newReservations(Map<StockKey, Long> levels) {
            return (StockReservations) Resilience.inventory(stock(levels), policy());
        }
    }

    @Nested
    class Usage extends PromotionUsageStoreContract {
        @Override
        protected PromotionUsageStore newStore() {
            return Resilience.promotionUsage(new InMemoryPromotionUsageStore(), policy());
        }
    }

    static InMemoryInventory stock(Map<StockKey, Long> levels) {
        InMemoryInventory inventory = new InMemoryInventory();
        levels.forEach((key, units) -> inventory.setStock(key.sku(), key.warehouse(), units));
        return inventory;
    }
}
