package dev.cartflow.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.core.CartEngine;
import dev.cartflow.core.CreatedCart;
import dev.cartflow.core.NewCart;
import dev.cartflow.core.memory.InMemoryCartRepository;
import dev.cartflow.core.memory.InMemoryCatalog;
import dev.cartflow.core.memory.InMemoryPricing;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Money;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.PricedCart;
import dev.cartflow.model.Product;
import dev.cartflow.model.Sku;
import dev.cartflow.spi.CartRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class EngineAutoConfigurationTest {
    private static final Currency EUR = Currency.getInstance("EUR");

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CartFlowEngineAutoConfiguration.class));

    @Test
    void engine_noBeans_inMemoryEngineThatCreatesCarts() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(CartEngine.class).hasSingleBean(InMemoryCartRepository.class);
            CreatedCart created = context.getBean(CartEngine.class).createGuestCart(NewCart.of("EUR", "DE"));
            assertThat(context.getBean(CartRepository.class).find(created.cart().id())).isPresent();
        });
    }

    @Test
    void engine_hostProviderBeans_pickedUpByType() {
        runner.withUserConfiguration(Shop.class).run(context -> {
            CartEngine engine = context.getBean(CartEngine.class);
            CreatedCart created = engine.createGuestCart(NewCart.of("EUR", "DE"));
            Actor guest = Actor.guest(created.token());
            engine.addItem(guest, created.cart().id(), Sku.of("MUG"), 2);
            PricedCart priced = engine.price(guest, created.cart().id());
            assertThat(priced.subtotal()).isEqualTo(Money.parse("19.80", EUR));
            assertThat(priced.pricedAt()).isEqualTo(Shop.NOW);
        });
    }

    @Test
    void engine_hostEngineBean_wins() {
        runner.withUserConfiguration(OwnEngine.class).run(context -> {
            assertThat(context).hasSingleBean(CartEngine.class);
            assertThat(context.getBean(CartEngine.class)).isSameAs(context.getBean(OwnEngine.class).engine);
        });
    }

    @Test
    void engine_hostRepositoryBean_winsOverInMemory() {
        runner.withUserConfiguration(OwnRepository.class).run(context -> {
            assertThat(context).hasSingleBean(CartRepository.class);
            CreatedCart created = context.getBean(CartEngine.class).createGuestCart(NewCart.of("EUR", "DE"));
            assertThat(context.getBean(OwnRepository.class).repository.find(created.cart().id())).isPresent();
        });
    }

    @Test
    void engine_customizers_calledBeforeBuild() {
        runner.withUserConfiguration(Customizing.class).run(context -> {
            assertThat(context).hasSingleBean(CartEngine.class);
            assertThat(Customizing.CALLS.get()).isEqualTo(1);
        });
    }

    @Test
    void engine_limitProperty_enforcedByTheEngine() {
        runner.withUserConfiguration(Shop.class).withPropertyValues("cartflow.limits.max-total-quantity=3")
                .run(context -> {
                    CartEngine engine = context.getBean(CartEngine.class);
                    CreatedCart created = engine.createGuestCart(NewCart.of("EUR", "DE"));
                    Actor guest = Actor.guest(created.token());
                    engine.addItem(guest, created.cart().id(), Sku.of("MUG"), 3);
                    org.assertj.core.api.Assertions.assertThatThrownBy(
                                    () -> engine.addItem(guest, created.cart().id(), Sku.of("MUG"), 1))
                            .isInstanceOfSatisfying(dev.cartflow.error.CartException.class, e -> assertThat(e.code())
                                    .isEqualTo(dev.cartflow.error.CartErrorCode.CART_LIMIT));
                });
    }

    @Test
    void properties_badValue_startUpFailsNamingTheProperty() {
        runner.withPropertyValues("cartflow.limits.max-lines=0").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasStackTraceContaining("cartflow.limits.max-lines")
                    .hasStackTraceContaining("must be at least 1");
        });
    }

    @Test
    void properties_shortPseudonymKey_startUpFailsWithoutRepeatingTheKey() {
        runner.withPropertyValues("cartflow.pseudonym-key=c2hvcnQ=").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasStackTraceContaining("cartflow.pseudonym-key")
                    .hasStackTraceContaining("at least 16 bytes");
            assertThat(stackTrace(context.getStartupFailure())).doesNotContain("c2hvcnQ=");
        });
    }

    @Test
    void properties_subtotalWithTooManyDigits_startUpFailsNamingTheProperty() {
        runner.withPropertyValues("cartflow.limits.max-subtotal=10.001").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasStackTraceContaining("cartflow.limits.max-subtotal");
        });
    }

    private static String stackTrace(Throwable failure) {
        java.io.StringWriter out = new java.io.StringWriter();
        failure.printStackTrace(new java.io.PrintWriter(out));
        return out.toString();
    }

    @Configuration(proxyBeanMethods = false)
    static class Shop {
        static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

        @Bean
        InMemoryCatalog catalog() {
            return new InMemoryCatalog().put(Product.builder(Sku.of("MUG")).build());
        }

        @Bean
        InMemoryPricing pricing() {
            return new InMemoryPricing().put(PriceQuote.of(Sku.of("MUG"), Money.parse("9.90", EUR)));
        }

        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnEngine {
        final CartEngine engine = CartEngine.builder().repository(new InMemoryCartRepository())
                .catalog(new InMemoryCatalog()).pricing(new InMemoryPricing()).build();

        @Bean
        CartEngine myEngine() {
            return engine;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnRepository {
        final InMemoryCartRepository repository = new InMemoryCartRepository();

        @Bean
        CartRepository myRepository() {
            return repository;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Customizing {
        static final AtomicInteger CALLS = new AtomicInteger();

        @Bean
        CartEngineCustomizer counting() {
            return builder -> CALLS.incrementAndGet();
        }
    }
}
