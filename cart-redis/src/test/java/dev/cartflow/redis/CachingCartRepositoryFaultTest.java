package dev.cartflow.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.core.memory.InMemoryCartRepository;
import dev.cartflow.model.Cart;
import dev.cartflow.spi.CartWrite;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Redis stopped, restarted and paused under a caching repository: the delegate carries on. */
class CachingCartRepositoryFaultTest {
    private static TestRedis.Restartable server;
    private static CartRedisClient client;

    @BeforeAll
    static void start() {
        server = TestRedis.Restartable.start();
        client = CartRedisClient.standalone(server.url(), Duration.ofMillis(200));
    }

    @AfterAll
    static void stop() {
        client.close();
        server.stop();
    }

    private static CachingCartRepository repository(InMemoryCartRepository delegate, String prefix) {
        return CachingCartRepository.builder(delegate, client).keyPrefix(prefix)
                .circuitBreaker(2, Duration.ofMillis(200)).build();
    }

    @Test
    void find_redisStoppedAndRestarted_noErrorAndNothingStale() throws Exception {
        InMemoryCartRepository delegate = new InMemoryCartRepository();
        CachingCartRepository repo = repository(delegate, TestRedis.freshPrefix());
        Cart cart = Carts.guest();
        repo.save(CartWrite.of(cart, 0, List.of()));
        assertThat(repo.find(cart.id())).contains(cart);

        server.stop();
        for (int i = 0; i < 20; i++) {
            Cart next = Carts.add(cart, "A");
            repo.save(CartWrite.of(next, cart.version(), List.of()));
            cart = next;
            assertThat(repo.find(cart.id())).contains(cart);
        }
        CacheHealth down = repo.cacheHealth();
        assertThat(down.degraded()).isTrue();
        assertThat(down.failures()).isPositive();

        server.startAgain();
        Cart latest = cart;
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (repo.cacheHealth().degraded() && System.nanoTime() < deadline) {
            assertThat(repo.find(latest.id())).contains(latest);
            Thread.sleep(50);
        }
        assertThat(repo.cacheHealth().degraded()).isFalse();
        assertThat(repo.find(latest.id())).contains(latest);
        long hitsBefore = repo.cacheHealth().hits();
        assertThat(repo.find(latest.id())).contains(latest);
        assertThat(repo.cacheHealth().hits()).as("served from Redis again").isEqualTo(hitsBefore + 1);
    }

    @Test
    void find_redisPausedWhileWriting_staleEntryRefreshedAfterRecovery() throws Exception {
        String prefix = TestRedis.freshPrefix();
        InMemoryCartRepository delegate = new InMemoryCartRepository();
        CachingCartRepository writer = repository(delegate, prefix);
        CachingCartRepository other = repository(delegate, prefix);
        Cart cart = Carts.guest();
        writer.save(CartWrite.of(cart, 0, List.of()));
        assertThat(other.find(cart.id())).contains(cart); // Redis holds v1

        try (CartRedisClient admin = CartRedisClient.standalone(server.url(), Duration.ofSeconds(2))) {
            admin.commands().clientPause(1_500); // Redis keeps its data but answers nobody: timeouts
        }
        for (int i = 0; i < 3; i++) {
            Cart next = Carts.add(cart, "B");
            writer.save(CartWrite.of(next, cart.version(), List.of()));
            cart = next;
        }
        assertThat(writer.find(cart.id())).contains(cart);
        assertThat(writer.cacheHealth().pendingRefresh()).isEqualTo(1);

        Cart latest = cart;
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (writer.cacheHealth().degraded() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(writer.cacheHealth().degraded()).isFalse();
        assertThat(other.find(latest.id())).contains(latest);
        assertThat(writer.find(latest.id())).contains(latest);
    }
}
