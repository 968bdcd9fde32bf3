package dev.cartflow.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartflow.core.memory.InMemoryCartRepository;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CustomerId;
import dev.cartflow.spi.CartWrite;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Redis stopped under every public entry point of the module: no Lettuce exception escapes, a
 * store reports {@code PROVIDER_UNAVAILABLE}, a cache falls back to its delegate.
 */
class RedisUnavailableTest {
    private TestRedis.Restartable server;

    @BeforeEach
    void start() {
        server = TestRedis.Restartable.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private static void assertUnavailable(Executable call) {
        assertThatThrownBy(call::execute)
                .isExactlyInstanceOf(CartException.class)
                .satisfies(e -> assertThat(((CartException) e).code()).isEqualTo(CartErrorCode.PROVIDER_UNAVAILABLE));
    }

    @Test
    void standalone_redisStopped_providerUnavailable() {
        server.stop();

        assertUnavailable(() -> CartRedisClient.standalone(server.url(), Duration.ofMillis(200)));
    }

    @Test
    void cluster_noSeedAnswers_providerUnavailable() {
        server.stop();

        assertUnavailable(() -> CartRedisClient.cluster(List.of(server.url()), Duration.ofMillis(200)));
    }

    @Test
    void standalone_malformedUri_invalidInputWithoutTheUri() {
        assertThatThrownBy(() -> CartRedisClient.standalone("ftp://user:secret@localhost:6379", Duration.ofMillis(200)))
                .isExactlyInstanceOf(CartException.class)
                .hasMessageNotContaining("secret")
                .satisfies(e -> assertThat(((CartException) e).code()).isEqualTo(CartErrorCode.INVALID_INPUT));
    }

    @Test
    void redisRepository_redisStopped_everyCallProviderUnavailable() {
        try (CartRedisClient client = CartRedisClient.standalone(server.url(), Duration.ofSeconds(1))) {
            RedisCartRepository repository = RedisCartRepository.builder(client)
                    .keyPrefix(TestRedis.freshPrefix()).build();
            Cart cart = Carts.guest();
            repository.save(CartWrite.of(cart, 0, List.of()));
            server.stop();
            Instant now = Instant.now();

            assertUnavailable(() -> repository.find(cart.id()));
            assertUnavailable(() -> repository.findActiveByCustomer(new CustomerId("c-1")));
            assertUnavailable(() -> repository.cartsOf(new CustomerId("c-1")));
            assertUnavailable(() -> repository.save(CartWrite.of(Carts.add(cart, "A"), 1, List.of())));
            assertUnavailable(() -> repository.saveAll(List.of(CartWrite.of(Carts.guest(), 0, List.of()))));
            assertUnavailable(() -> repository.delete(cart.id()));
            assertUnavailable(() -> repository.findExpiringBefore(now, 10));
            assertUnavailable(() -> repository.findInactiveSince(now, 10));
            assertUnavailable(() -> repository.findIdempotency("key", now));
            assertUnavailable(() -> repository.eventsSince(cart.id(), 0));
        }
    }

    /** A caching repository with a near cache that outlives the test and a circuit quick to retry. */
    private static CachingCartRepository nearCaching(InMemoryCartRepository delegate, CartRedisClient client,
                                                     String prefix) {
        return CachingCartRepository.builder(delegate, client).keyPrefix(prefix)
                .circuitBreaker(1, Duration.ofMillis(100)).nearCache(100, Duration.ofSeconds(60)).build();
    }

    @Test
    void cachingRepository_builtWithNearCacheWhileRedisStopped_servesFromDelegate() throws Exception {
        try (CartRedisClient client = CartRedisClient.standalone(server.url(), Duration.ofSeconds(1))) {
            server.stop();
            InMemoryCartRepository delegate = new InMemoryCartRepository();
            Cart cart = Carts.guest();
            delegate.save(CartWrite.of(cart, 0, List.of()));

            try (CachingCartRepository repository = nearCaching(delegate, client, TestRedis.freshPrefix())) {
                assertThat(repository.find(cart.id())).contains(cart);
                Cart next = Carts.add(cart, "A");
                repository.save(CartWrite.of(next, 1, List.of()));
                assertThat(repository.find(cart.id())).contains(next);
                assertThat(repository.delete(cart.id())).isTrue();
                assertThat(repository.find(cart.id())).isEmpty();
                assertThat(repository.cacheHealth().degraded()).isTrue();
            }
        }
    }

    @Test
    void cachingRepository_redisBackAfterBuiltWhileStopped_nearCacheSubscribesAndServes() throws Exception {
        try (CartRedisClient client = CartRedisClient.standalone(server.url(), Duration.ofSeconds(1))) {
            server.stop();
            InMemoryCartRepository delegate = new InMemoryCartRepository();
            Cart cart = Carts.guest();
            delegate.save(CartWrite.of(cart, 0, List.of()));

            try (CachingCartRepository repository = nearCaching(delegate, client, TestRedis.freshPrefix())) {
                assertThat(repository.find(cart.id())).contains(cart);

                server.startAgain();
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                long hits = repository.cacheHealth().hits();
                while (System.nanoTime() < deadline && repository.cacheHealth().hits() < hits + 2) {
                    assertThat(repository.find(cart.id())).contains(cart);
                    Thread.sleep(50);
                }
                assertThat(repository.cacheHealth().hits()).isGreaterThanOrEqualTo(hits + 2);
            }
        }
    }

    @Test
    void save_writerBuiltWhileRedisStopped_otherNearCachesStillInvalidated() throws Exception {
        String prefix = TestRedis.freshPrefix();
        InMemoryCartRepository delegate = new InMemoryCartRepository();
        Cart cart = Carts.guest();
        delegate.save(CartWrite.of(cart, 0, List.of()));
        try (CartRedisClient client = CartRedisClient.standalone(server.url(), Duration.ofSeconds(1));
             CachingCartRepository reader = nearCaching(delegate, client, prefix)) {
            server.stop();
            try (CachingCartRepository writer = nearCaching(delegate, client, prefix)) {
                server.startAgain();
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                long hits = reader.cacheHealth().hits();
                while (System.nanoTime() < deadline && reader.cacheHealth().hits() < hits + 2) {
                    reader.find(cart.id()); // until the reader's near cache serves again
                    Thread.sleep(50);
                }
                Cart next = Carts.add(cart, "A");

                writer.save(CartWrite.of(next, 1, List.of()));

                Optional<Cart> seen = reader.find(cart.id());
                while (!seen.equals(Optional.of(next)) && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                    seen = reader.find(cart.id());
                }
                assertThat(seen).contains(next);
            }
        }
    }
}
