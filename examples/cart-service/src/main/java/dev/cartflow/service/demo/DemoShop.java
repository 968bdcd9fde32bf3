package dev.cartflow.service.demo;

import dev.cartflow.core.memory.InMemoryCatalog;
import dev.cartflow.core.memory.InMemoryInventory;
import dev.cartflow.core.memory.InMemoryTax;
import dev.cartflow.service.PromotionDescriptions;
import dev.cartflow.spi.InventoryProvider;
import dev.cartflow.spi.PricingProvider;
import dev.cartflow.spi.PromotionProvider;
import dev.cartflow.spi.ShippingProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The demo shop as the engine's providers: catalog, prices in EUR and USD, tax by country and US
 * state, stock in two warehouses, promotions and shipping. The data lives in one class per concern
 * ({@link DemoCatalog}, {@link DemoMarkets}, {@link DemoStock}, {@link DemoPromotions},
 * {@link DemoShipping}); docs/service.md, "The demo shop", lists it. Off with
 * {@code cartservice.demo.enabled=false}, for a host that brings its own providers.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "cartservice.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoShop {
    /** The id of the free-shipping hint, which the descriptions cover too. */
    private static final String SHIPPING_HINT = "shipping";

    @Bean
    InMemoryCatalog demoCatalog() {
        InMemoryCatalog catalog = new InMemoryCatalog();
        DemoCatalog.ITEMS.forEach(item -> catalog.put(item.product()));
        return catalog;
    }

    @Bean
    PricingProvider demoPricing() {
        return new DemoPricing();
    }

    @Bean
    InMemoryTax demoTax() {
        return DemoMarkets.tax();
    }

    /** The stock levels and their reservations, in this process only (the default, in-memory profile). */
    @Bean
    @Profile("!postgres")
    InMemoryInventory demoInventory() {
        return DemoStock.inventory();
    }

    /**
     * The same stock levels only, in the {@code postgres} profile: static data, the same in every
     * instance, while the reservations are cart-jdbi's, in PostgreSQL and shared by every instance (the
     * adapter's {@code JdbiStockReservations} over this bean). A bean that also reserved would keep them
     * in this process.
     */
    @Bean
    @Profile("postgres")
    InventoryProvider demoStockLevels() {
        return DemoStock.inventory()::available;
    }

    @Bean
    PromotionProvider demoPromotions() {
        return new DemoPromotions();
    }

    @Bean
    ShippingProvider demoShipping(InMemoryTax demoTax) {
        return new DemoShipping(demoTax);
    }

    @Bean
    PromotionDescriptions demoPromotionDescriptions() {
        return promotionId -> SHIPPING_HINT.equals(promotionId) ? "free shipping" : DemoPromotions.describe(promotionId);
    }
}
