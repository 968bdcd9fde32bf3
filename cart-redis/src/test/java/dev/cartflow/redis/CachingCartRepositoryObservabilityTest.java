package dev.cartflow.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.core.CartEngine;
import dev.cartflow.core.health.HealthReport;
import dev.cartflow.core.health.HealthStatus;
import dev.cartflow.core.memory.InMemoryCartRepository;
import dev.cartflow.core.memory.InMemoryCatalog;
import dev.cartflow.core.memory.InMemoryPricing;
import dev.cartflow.core.observe.CartObserver;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartId;
import dev.cartflow.spi.CartWrite;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The Redis cart cache tells an observer of its hits, misses and survived failures, and reports its health. */
class CachingCartRepositoryObservabilityTest {
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final CartObserver observer = new CartObserver() {
        @Override
        public void cacheAccessed(String cache, boolean hit) {
            seen.add(cache + (hit ? " hit" : " miss"));
        }

        @Override
        public void failureSwallowed(String where, Throwable error) {
            seen.add("swallowed " + where);
        }
    };

    private static CartEngine engineOver(CachingCartRepository repository) {
        return CartEngine.builder().repository(repository).catalog(new InMemoryCatalog())
                .pricing(new InMemoryPricing()).build();
    }

    @Test
    void find_cachedAndUnknownCart_hitAndMissObserved() {
        try (CachingCartRepository repo = CachingCartRepository.builder(new InMemoryCartRepository(), TestRedis.client())
                .keyPrefix(TestRedis.freshPrefix()).observer(observer).build()) {
            Cart cart = Carts.guest();
            repo.save(CartWrite.of(cart, 0, List.of()));

            repo.find(cart.id());
            repo.find(CartId.random());

            assertThat(seen).containsExactly("carts hit", "carts miss");
        }
    }

    @Test
    void health_redisUp_cacheDiscoveredByTheEngineAndUp() {
        try (CachingCartRepository repo = CachingCartRepository.builder(new InMemoryCartRepository(), TestRedis.client())
                .keyPrefix(TestRedis.freshPrefix()).build()) {
            HealthReport report = engineOver(repo).health();

            assertThat(report.status()).isEqualTo(HealthStatus.UP);
            assertThat(report.components()).containsKeys("repository", "cart-cache");
            assertThat(report.components().get("cart-cache").details()).containsEntry("circuitState", "CLOSED");
        }
    }

    @Test
    void health_redisStopped_engineDegradedFailuresObservedReadsStillServed() {
        TestRedis.Restartable server = TestRedis.Restartable.start();
        try (CartRedisClient client = CartRedisClient.standalone(server.url(), Duration.ofMillis(200));
             CachingCartRepository repo = CachingCartRepository.builder(new InMemoryCartRepository(), client)
                     .keyPrefix(TestRedis.freshPrefix()).circuitBreaker(2, Duration.ofSeconds(30))
                     .observer(observer).build()) {
            Cart cart = Carts.guest();
            repo.save(CartWrite.of(cart, 0, List.of()));
            server.stop();

            assertThat(repo.find(cart.id())).contains(cart);
            assertThat(repo.find(cart.id())).contains(cart);
            HealthReport report = engineOver(repo).health();

            assertThat(report.status()).isEqualTo(HealthStatus.DEGRADED);
            assertThat(report.components().get("cart-cache").status()).isEqualTo(HealthStatus.DEGRADED);
            assertThat(report.components().get("repository").status()).isEqualTo(HealthStatus.UP);
            assertThat(seen).contains("swallowed redis.cache", "carts miss");
        } finally {
            server.stop();
        }
    }
}
