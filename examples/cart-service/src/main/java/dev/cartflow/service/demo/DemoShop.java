package dev.cartflow.service.demo;

import dev.cartflow.core.memory.InMemoryCatalog;
import dev.cartflow.core.memory.InMemoryPricing;
import dev.cartflow.core.memory.InMemoryPromotions;
import dev.cartflow.core.memory.InMemoryShipping;
import dev.cartflow.model.Money;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.Product;
import dev.cartflow.model.Promotion;
import dev.cartflow.model.Rate;
import dev.cartflow.model.ShippingMethod;
import dev.cartflow.model.Sku;
import dev.cartflow.service.http.PromotionDescriptions;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The demo shop's catalog, prices, promotions and shipping, in memory (a placeholder being grown).
 * Off with {@code cartservice.demo.enabled=false}, for a host that brings its own providers.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "cartservice.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoShop {
    private static final Currency EUR = Currency.getInstance("EUR");

    @Bean
    InMemoryCatalog demoCatalog() {
        return new InMemoryCatalog()
                .put(Product.builder(Sku.of("MUG")).category("kitchen").brand("Acme").weightGrams(350)
                        .maxQuantity(10).build())
                .put(Product.builder(Sku.of("TEA")).category("food").brand("Leafy").weightGrams(100)
                        .maxQuantity(50).build());
    }

    @Bean
    InMemoryPricing demoPricing() {
        return new InMemoryPricing()
                .put(PriceQuote.of(Sku.of("MUG"), Money.parse("12.50", EUR), Rate.parse("0.19")))
                .put(PriceQuote.of(Sku.of("TEA"), Money.parse("4.20", EUR), Rate.parse("0.07")));
    }

    @Bean
    InMemoryPromotions demoPromotions() {
        return new InMemoryPromotions()
                .put(Promotion.builder("WELCOME10").code("WELCOME10").scope(Promotion.Scope.ORDER)
                        .percentOff("10").build());
    }

    @Bean
    InMemoryShipping demoShipping() {
        return new InMemoryShipping()
                .put(new ShippingMethod("STANDARD", Money.parse("4.90", EUR), Money.parse("50.00", EUR),
                        List.of(Rate.parse("0.19")), 30_000, Set.of("DE", "AT")));
    }

    @Bean
    PromotionDescriptions demoPromotionDescriptions() {
        Map<String, String> texts = Map.of("WELCOME10", "10 % off your first order");
        return texts::get;
    }
}
