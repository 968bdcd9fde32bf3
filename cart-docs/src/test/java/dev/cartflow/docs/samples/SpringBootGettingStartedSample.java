package dev.cartflow.docs.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartflow.core.CartEngine;
import dev.cartflow.core.CartLimits;
import dev.cartflow.core.CreatedCart;
import dev.cartflow.core.NewCart;
import dev.cartflow.core.memory.InMemoryCartRepository;
import dev.cartflow.core.memory.InMemoryCatalog;
import dev.cartflow.core.memory.InMemoryPricing;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Money;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.PricedCart;
import dev.cartflow.model.Product;
import dev.cartflow.model.Rate;
import dev.cartflow.model.Sku;
import dev.cartflow.spi.CatalogProvider;
import dev.cartflow.spi.PricingProvider;
import dev.cartflow.spring.CartEngineCustomizer;
import dev.cartflow.spring.CartFlowEngineAutoConfiguration;
import java.time.Duration;
import java.util.Currency;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Spring Boot part of docs/getting-started.md: the host's provider beans and a customizer, run in the
 * adapter's engine auto-configuration the way a Boot application runs it.
 */
class SpringBootGettingStartedSample {
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final AtomicInteger CUSTOMIZED = new AtomicInteger();

    // tag::spring-beans[]
    @Configuration(proxyBeanMethods = false)
    static class ShopConfiguration {
        @Bean
        CatalogProvider catalog() {
            return new InMemoryCatalog().put(Product.builder(Sku.of("MUG")).build());
        }

        @Bean
        PricingProvider prices() {
            return new InMemoryPricing().put(PriceQuote.of(Sku.of("MUG"),
                    Money.parse("12.50", Currency.getInstance("EUR")), Rate.parse("0.19")));
        }

        @Bean
        CartEngineCustomizer smallCarts() {
            // called with the builder after the properties are applied, before the engine is built
            return builder -> builder.limits(new CartLimits(20, 100, null));
        }
    }
    // end::spring-beans[]

    @Configuration(proxyBeanMethods = false)
    static class CountingCustomizer {
        @Bean
        CartEngineCustomizer counting() {
            return builder -> CUSTOMIZED.incrementAndGet();
        }
    }

    @Test
    void springBoot_providerBeansAndProperties_engineBeanPricesTheCart() {
        CUSTOMIZED.set(0);
        ApplicationContextRunner runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(CartFlowEngineAutoConfiguration.class))
                .withUserConfiguration(CountingCustomizer.class);
        // tag::spring-run[]
        runner.withUserConfiguration(ShopConfiguration.class)
                .withPropertyValues("cartflow.pricing.tax-mode=inclusive", "cartflow.guest-ttl=7d")
                .run(context -> {
                    CartEngine engine = context.getBean(CartEngine.class);
                    CreatedCart created = engine.createGuestCart(NewCart.of("EUR", "DE"));
                    Actor guest = created.actor();
                    engine.addItem(guest, created.cart().id(), Sku.of("MUG"), 2);
                    PricedCart priced = engine.price(guest, created.cart().id());

                    assertThat(priced.total()).isEqualTo(priced.subtotal());   // inclusive: 25.00 gross
                    assertThat(priced.tax().toDecimalString()).isEqualTo("3.99"); // 25.00 x 0.19 / 1.19
                    assertThat(created.cart().expiresAt())
                            .isEqualTo(created.cart().updatedAt().plus(Duration.ofDays(7)));
                });
        // end::spring-run[]
        assertThat(CUSTOMIZED.get()).as("customizer calls").isEqualTo(1);
    }

    @Test
    void springBoot_customizerBean_itsLimitsHoldOverTheDefaults() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(CartFlowEngineAutoConfiguration.class))
                .withUserConfiguration(ShopConfiguration.class)
                .run(context -> {
                    assertThat(context).hasSingleBean(CartEngine.class).hasSingleBean(InMemoryCartRepository.class);
                    CartEngine engine = context.getBean(CartEngine.class);
                    CreatedCart created = engine.createGuestCart(NewCart.of("EUR", "DE"));
                    engine.addItem(created.actor(), created.cart().id(), Sku.of("MUG"), 1);
                    Money gross = Money.parse("12.50", EUR);
                    assertThat(engine.price(created.actor(), created.cart().id()).subtotal()).isEqualTo(gross);
                    assertThatThrownBy(() -> engine.addItem(created.actor(), created.cart().id(), Sku.of("MUG"), 100))
                            .isInstanceOfSatisfying(CartException.class,
                                    e -> assertThat(e.code()).isEqualTo(CartErrorCode.CART_LIMIT));
                });
    }
}
