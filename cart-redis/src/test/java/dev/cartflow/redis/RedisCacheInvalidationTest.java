package dev.cartflow.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartflow.core.cache.CachingPricingProvider;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Money;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.Sku;
import dev.cartflow.spi.PriceRequest;
import dev.cartflow.spi.PricingProvider;
import java.time.Duration;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

class RedisCacheInvalidationTest {
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Sku A = Sku.of("A");

    private final Map<Sku, Long> hostPrices = new ConcurrentHashMap<>(Map.of(A, 100L));
    private final PricingProvider host = request -> {
        Map<Sku, PriceQuote> result = new HashMap<>();
        request.skus().forEach(s -> result.put(s, PriceQuote.of(s, Money.ofMinor(hostPrices.get(s), EUR))));
        return result;
    };

    private static long price(PricingProvider p) {
        return p.prices(new PriceRequest(Set.of(A), EUR, "DE", null)).get(A).unitPrice().minor();
    }

    private static long eventually(long expected, LongSupplier read) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        long seen = read.getAsLong();
        while (seen != expected && System.nanoTime() < deadline) {
            Thread.sleep(5);
            seen = read.getAsLong();
        }
        return seen;
    }

    @Test
    void invalidate_onOneInstance_otherInstanceDropsItsEntry() throws Exception {
        String prefix = TestRedis.freshPrefix();
        CachingPricingProvider one = CachingPricingProvider.builder(host).build();
        CachingPricingProvider two = CachingPricingProvider.builder(host).build();
        try (RedisCacheInvalidation oneChanges = RedisCacheInvalidation.subscribe(TestRedis.client(), prefix,
                "pricing", one);
             RedisCacheInvalidation twoChanges = RedisCacheInvalidation.subscribe(TestRedis.client(), prefix,
                     "pricing", two)) {
            assertThat(price(one)).isEqualTo(100);
            assertThat(price(two)).isEqualTo(100);
            hostPrices.put(A, 120L);

            oneChanges.invalidate(List.of(A));

            assertThat(price(one)).as("local at once").isEqualTo(120);
            assertThat(eventually(120, () -> price(two))).isEqualTo(120);
        }
    }

    @Test
    void invalidateAll_onOneInstance_otherCacheNameUntouched() throws Exception {
        String prefix = TestRedis.freshPrefix();
        CachingPricingProvider one = CachingPricingProvider.builder(host).build();
        CachingPricingProvider two = CachingPricingProvider.builder(host).build();
        CachingPricingProvider otherName = CachingPricingProvider.builder(host).build();
        try (RedisCacheInvalidation oneChanges = RedisCacheInvalidation.subscribe(TestRedis.client(), prefix,
                "pricing", one);
             RedisCacheInvalidation twoChanges = RedisCacheInvalidation.subscribe(TestRedis.client(), prefix,
                     "pricing", two);
             RedisCacheInvalidation otherChanges = RedisCacheInvalidation.subscribe(TestRedis.client(), prefix,
                     "catalog", otherName)) {
            price(two);
            price(otherName);
            hostPrices.put(A, 130L);

            oneChanges.invalidateAll();

            assertThat(eventually(130, () -> price(two))).isEqualTo(130);
            assertThat(price(otherName)).as("another cache's channel name").isEqualTo(100);
        }
    }

    @Test
    void subscribe_redisStopped_providerUnavailable() {
        TestRedis.Restartable server = TestRedis.Restartable.start();
        try (CartRedisClient client = CartRedisClient.standalone(server.url(), Duration.ofSeconds(1))) {
            server.stop();

            assertThatThrownBy(() -> RedisCacheInvalidation.subscribe(client, "p", "pricing",
                    CachingPricingProvider.builder(host).build()))
                    .isExactlyInstanceOf(CartException.class)
                    .satisfies(e -> assertThat(((CartException) e).code())
                            .isEqualTo(CartErrorCode.PROVIDER_UNAVAILABLE));
        } finally {
            server.stop();
        }
    }

    @Test
    void invalidate_redisStoppedAfterSubscribing_localCacheStillInvalidated() {
        TestRedis.Restartable server = TestRedis.Restartable.start();
        CachingPricingProvider cache = CachingPricingProvider.builder(host).build();
        try (CartRedisClient client = CartRedisClient.standalone(server.url(), Duration.ofMillis(200));
             RedisCacheInvalidation changes = RedisCacheInvalidation.subscribe(client, "p", "pricing", cache)) {
            price(cache);
            server.stop();
            hostPrices.put(A, 140L);

            changes.invalidate(List.of(A));

            assertThat(price(cache)).isEqualTo(140);
        } finally {
            server.stop();
        }
    }

    @Test
    void subscribe_badCacheName_invalidInput() {
        assertThatThrownBy(() -> RedisCacheInvalidation.subscribe(TestRedis.client(), "p", "a|b",
                CachingPricingProvider.builder(host).build()))
                .isExactlyInstanceOf(CartException.class)
                .satisfies(e -> assertThat(((CartException) e).code()).isEqualTo(CartErrorCode.INVALID_INPUT));
    }
}
