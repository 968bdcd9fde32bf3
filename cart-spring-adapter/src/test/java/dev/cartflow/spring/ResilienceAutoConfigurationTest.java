package dev.cartflow.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartflow.core.CartEngine;
import dev.cartflow.core.CreatedCart;
import dev.cartflow.core.NewCart;
import dev.cartflow.core.memory.InMemoryPricing;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Money;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.Product;
import dev.cartflow.model.Sku;
import dev.cartflow.spi.CatalogProvider;
import java.util.Currency;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class ResilienceAutoConfigurationTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CartFlowEngineAutoConfiguration.class))
            .withUserConfiguration(FlakyShop.class);

    @Test
    void resilience_retriesConfigured_flakyCatalogRetried() {
        runner.withPropertyValues("cartflow.resilience.providers.catalog.retries=2",
                        "cartflow.resilience.providers.catalog.retry-delay=1ms",
                        "cartflow.resilience.providers.catalog.timeout=5s")
                .run(context -> {
                    CartEngine engine = context.getBean(CartEngine.class);
                    CreatedCart created = engine.createGuestCart(NewCart.of("EUR", "DE"));
                    engine.addItem(Actor.guest(created.token()), created.cart().id(), Sku.of("MUG"), 1);
                    assertThat(context.getBean(FlakyCatalog.class).calls.get()).isEqualTo(2);
                });
    }

    @Test
    void resilience_notConfigured_flakyCatalogFailsTheCall() {
        runner.run(context -> {
            CartEngine engine = context.getBean(CartEngine.class);
            CreatedCart created = engine.createGuestCart(NewCart.of("EUR", "DE"));
            assertThatThrownBy(() -> engine.addItem(Actor.guest(created.token()), created.cart().id(),
                    Sku.of("MUG"), 1)).isInstanceOfSatisfying(CartException.class,
                            e -> assertThat(e.code()).isEqualTo(CartErrorCode.PROVIDER_UNAVAILABLE));
        });
    }

    @Test
    void resilience_unknownProviderName_startUpFailsNamingTheProperty() {
        runner.withPropertyValues("cartflow.resilience.providers.catalogue.retries=1").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasStackTraceContaining("cartflow.resilience.providers.catalogue");
        });
    }

    @Test
    void resilience_badBreaker_startUpFailsNamingTheProvider() {
        runner.withPropertyValues("cartflow.resilience.providers.catalog.breaker-failures=0").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasStackTraceContaining("cartflow.resilience.providers.catalog")
                    .hasStackTraceContaining("breaker");
        });
    }

    /** Fails its first call with a plain exception, then answers. */
    static final class FlakyCatalog implements CatalogProvider {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public Map<Sku, Product> products(Set<Sku> skus) {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("catalog briefly down");
            }
            return Map.of(Sku.of("MUG"), Product.builder(Sku.of("MUG")).build());
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class FlakyShop {
        @Bean
        FlakyCatalog catalog() {
            return new FlakyCatalog();
        }

        @Bean
        InMemoryPricing pricing() {
            return new InMemoryPricing().put(PriceQuote.of(Sku.of("MUG"), Money.parse("9.90", Currency.getInstance("EUR"))));
        }
    }
}
