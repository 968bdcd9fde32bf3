package dev.cartflow.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.core.CartEngine;
import dev.cartflow.core.CreatedCart;
import dev.cartflow.core.NewCart;
import dev.cartflow.core.memory.InMemoryPricing;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Money;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.Product;
import dev.cartflow.model.Sku;
import dev.cartflow.spi.CatalogProvider;
import java.time.Duration;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class ProviderCachesAutoConfigurationTest {
    private static final Sku MUG = Sku.of("MUG");

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CartFlowRedisAutoConfiguration.class,
                    CartFlowEngineAutoConfiguration.class))
            .withUserConfiguration(CountingShop.class);

    @Test
    void cache_catalogCacheOn_catalogAskedOnceUntilInvalidated() {
        runner.withPropertyValues("cartflow.cache.catalog.enabled=true").run(context -> {
            CartEngine engine = context.getBean(CartEngine.class);
            CreatedCart created = engine.createGuestCart(NewCart.of("EUR", "DE"));
            Actor guest = Actor.guest(created.token());
            engine.addItem(guest, created.cart().id(), MUG, 1);
            engine.addItem(guest, created.cart().id(), MUG, 1);
            CountingCatalog catalog = context.getBean(CountingCatalog.class);
            assertThat(catalog.calls.get()).isEqualTo(1);
            context.getBean(ProviderCaches.class).productsChanged(List.of(MUG));
            engine.addItem(guest, created.cart().id(), MUG, 1);
            assertThat(catalog.calls.get()).isEqualTo(2);
        });
    }

    @Test
    void cache_off_catalogAskedEveryOperation() {
        runner.run(context -> {
            CartEngine engine = context.getBean(CartEngine.class);
            CreatedCart created = engine.createGuestCart(NewCart.of("EUR", "DE"));
            Actor guest = Actor.guest(created.token());
            engine.addItem(guest, created.cart().id(), MUG, 1);
            engine.addItem(guest, created.cart().id(), MUG, 1);
            assertThat(context.getBean(CountingCatalog.class).calls.get()).isEqualTo(2);
        });
    }

    @Test
    void cache_withRedis_invalidationOnOneInstanceReachesTheOther() {
        String prefix = "bc" + System.nanoTime();
        ApplicationContextRunner shared = runner.withPropertyValues("cartflow.cache.catalog.enabled=true",
                "cartflow.redis.uri=" + Redis.uri(), "cartflow.redis.command-timeout=5s",
                "cartflow.redis.key-prefix=" + prefix, "cartflow.redis.role=STORE");
        shared.run(first -> shared.run(second -> {
            CartEngine engine = second.getBean(CartEngine.class);
            CreatedCart created = engine.createGuestCart(NewCart.of("EUR", "DE"));
            Actor guest = Actor.guest(created.token());
            engine.addItem(guest, created.cart().id(), MUG, 1);
            engine.addItem(guest, created.cart().id(), MUG, 1);
            CountingCatalog catalog = second.getBean(CountingCatalog.class);
            assertThat(catalog.calls.get()).isEqualTo(1);
            first.getBean(ProviderCaches.class).productsChanged(List.of(MUG));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (catalog.calls.get() < 2 && System.nanoTime() < deadline) {
                engine.get(guest, created.cart().id());
                engine.addItem(guest, created.cart().id(), MUG, 1);
                Thread.sleep(50);
            }
            assertThat(catalog.calls.get()).isGreaterThanOrEqualTo(2);
        }));
    }

    static final class CountingCatalog implements CatalogProvider {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public Map<Sku, Product> products(Set<Sku> skus) {
            calls.incrementAndGet();
            return Map.of(MUG, Product.builder(MUG).build());
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class CountingShop {
        @Bean
        CountingCatalog catalog() {
            return new CountingCatalog();
        }

        @Bean
        InMemoryPricing pricing() {
            return new InMemoryPricing().put(PriceQuote.of(MUG, Money.parse("9.90", Currency.getInstance("EUR"))));
        }
    }
}
