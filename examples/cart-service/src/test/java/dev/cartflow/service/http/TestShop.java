package dev.cartflow.service.http;

import dev.cartflow.service.PromotionDescriptions;
import dev.cartflow.core.memory.InMemoryCatalog;
import dev.cartflow.core.memory.InMemoryInventory;
import dev.cartflow.core.memory.InMemoryPricing;
import dev.cartflow.core.memory.InMemoryPromotions;
import dev.cartflow.core.memory.InMemoryShipping;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Money;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.Product;
import dev.cartflow.model.Promotion;
import dev.cartflow.model.Rate;
import dev.cartflow.model.ShippingMethod;
import dev.cartflow.model.Sku;
import dev.cartflow.spi.PricingProvider;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The HTTP tests' own shop (the demo shop is off), with one product or code per error the API can
 * answer: a unit limit, a country restriction, scarce stock, a single-use code, a sku whose price
 * source is down and one whose pricing is a bug, and enough products for a paged cart.
 */
@TestConfiguration(proxyBeanMethods = false)
class TestShop {
    static final Currency EUR = Currency.getInstance("EUR");
    static final int MANY = 130;

    @Bean
    InMemoryCatalog testCatalog() {
        InMemoryCatalog catalog = new InMemoryCatalog()
                .put(Product.builder(Sku.of("MUG")).category("kitchen").brand("Acme").weightGrams(350)
                        .maxQuantity(10).build())
                .put(Product.builder(Sku.of("TEA")).category("food").brand("Leafy").weightGrams(100).build())
                .put(Product.builder(Sku.of("LOCAL")).countries(Set.of("DE")).build())
                .put(Product.builder(Sku.of("SCARCE")).build())
                .put(Product.builder(Sku.of("DOWN")).build())
                .put(Product.builder(Sku.of("BUG")).build());
        for (int i = 0; i < MANY; i++) {
            catalog.put(Product.builder(Sku.of(many(i))).build());
        }
        return catalog;
    }

    @Bean
    PricingProvider testPricing() {
        InMemoryPricing prices = new InMemoryPricing()
                .put(PriceQuote.of(Sku.of("MUG"), Money.parse("12.50", EUR), Rate.parse("0.19")))
                .put(PriceQuote.of(Sku.of("TEA"), Money.parse("4.20", EUR), Rate.parse("0.07")))
                .put(PriceQuote.of(Sku.of("LOCAL"), Money.parse("3.00", EUR), Rate.parse("0.19")))
                .put(PriceQuote.of(Sku.of("SCARCE"), Money.parse("9.99", EUR), Rate.parse("0.19")));
        for (int i = 0; i < MANY; i++) {
            prices.put(PriceQuote.of(Sku.of(many(i)), Money.parse("1.00", EUR), Rate.parse("0.19")));
        }
        return request -> {
            if (request.skus().contains(Sku.of("DOWN"))) {
                throw new IllegalStateException("price service unreachable");
            }
            if (request.skus().contains(Sku.of("BUG"))) {
                throw new CartException(CartErrorCode.INTERNAL, "pricing bug at com.example.Pricer line 42");
            }
            return prices.prices(request);
        };
    }

    @Bean
    InMemoryInventory testInventory() {
        InMemoryInventory inventory = new InMemoryInventory();
        inventory.setStock(Sku.of("SCARCE"), "default", 2);
        return inventory;
    }

    @Bean
    InMemoryPromotions testPromotions() {
        return new InMemoryPromotions()
                .put(Promotion.builder("WELCOME10").code("WELCOME10").scope(Promotion.Scope.ORDER)
                        .percentOff("10").build())
                .put(Promotion.builder("ONCE").code("ONCE").scope(Promotion.Scope.ORDER).percentOff("5")
                        .maxUses(1).build());
    }

    @Bean
    InMemoryShipping testShipping() {
        return new InMemoryShipping()
                .put(new ShippingMethod("STANDARD", Money.parse("4.90", EUR), Money.parse("50.00", EUR),
                        List.of(Rate.parse("0.19")), 30_000, Set.of("DE", "AT")));
    }

    @Bean
    PromotionDescriptions testDescriptions() {
        return Map.of("WELCOME10", "10 % off your order")::get;
    }

    static String many(int i) {
        return String.format("P%03d", i);
    }
}
