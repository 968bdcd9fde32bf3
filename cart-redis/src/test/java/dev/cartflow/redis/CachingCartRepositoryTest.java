package dev.cartflow.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.core.memory.InMemoryCartRepository;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CartState;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.Sku;
import dev.cartflow.spi.CartRepository;
import dev.cartflow.spi.CartStorage;
import dev.cartflow.spi.CartWrite;
import dev.cartflow.spi.IdempotencyRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CachingCartRepositoryTest {
    private final String prefix = TestRedis.freshPrefix();
    private final RedisKeys keys = new RedisKeys(prefix);
    private final GatedRepository delegate = new GatedRepository();
    private final CachingCartRepository repo = CachingCartRepository.builder(delegate, TestRedis.client())
            .keyPrefix(prefix).trackSkus(true).build();

    @AfterEach
    void close() {
        repo.close();
    }

    @Test
    void find_afterSave_servedFromRedisWithoutDelegate() {
        Cart cart = Carts.guest();
        repo.save(CartWrite.of(cart, 0, List.of()));
        delegate.finds.set(0);

        assertThat(repo.find(cart.id())).contains(cart);
        assertThat(delegate.finds.get()).isZero();
        assertThat(repo.cacheHealth().hits()).isEqualTo(1);
    }

    @Test
    void find_entryInNewerFormat_isMissServedFromDelegateAndRefilled() {
        Cart cart = Carts.guest();
        repo.save(CartWrite.of(cart, 0, List.of()));
        TestRedis.client().commands().hset(keys.snapshot(cart.id()), "d",
                RecordCodec.encode(cart).replace("\"fv\":1", "\"fv\":9"));
        TestRedis.client().commands().hset(keys.snapshot(cart.id()), "v", "0");

        assertThat(repo.find(cart.id())).contains(cart);
        assertThat(delegate.finds.get()).isEqualTo(1);
        assertThat(RecordCodec.decodeCart(TestRedis.client().commands().hget(keys.snapshot(cart.id()), "d")))
                .contains(cart);
    }

    /** A cache miss on {@code cart} whose delegate read is held until {@code release}; returns once it is held. */
    private CompletableFuture<Optional<Cart>> slowFill(Cart cart, CountDownLatch release) throws InterruptedException {
        CountDownLatch reading = new CountDownLatch(1);
        delegate.gate(reading, release);
        CompletableFuture<Optional<Cart>> slowReader = CompletableFuture.supplyAsync(() -> repo.find(cart.id()));
        assertThat(reading.await(5, TimeUnit.SECONDS)).isTrue();
        return slowReader;
    }

    @Test
    void find_slowFillRacingNewerWrite_neverOverwritesNewerSnapshot() throws Exception {
        Cart v1 = Carts.guest();
        delegate.inner.save(CartWrite.of(v1, 0, List.of()));
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Optional<Cart>> slowReader = slowFill(v1, release);
        Cart v2 = Carts.add(v1, "A");
        repo.save(CartWrite.of(v2, 1, List.of()));
        release.countDown();

        assertThat(slowReader.get(5, TimeUnit.SECONDS)).contains(v1);
        assertThat(repo.find(v1.id())).contains(v2);
    }

    @Test
    void delete_slowFillStartedBefore_doesNotResurrectCart() throws Exception {
        Cart v1 = Carts.guest();
        delegate.inner.save(CartWrite.of(v1, 0, List.of()));
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Optional<Cart>> slowReader = slowFill(v1, release);
        assertThat(repo.delete(v1.id())).isTrue();
        release.countDown();
        slowReader.get(5, TimeUnit.SECONDS);

        assertThat(repo.find(v1.id())).isEmpty();
    }

    @Test
    void save_afterConflict_staleEntryEvicted() {
        Cart v1 = Carts.guest();
        repo.save(CartWrite.of(v1, 0, List.of()));
        Cart v2 = Carts.add(v1, "A");
        delegate.inner.save(CartWrite.of(v2, 1, List.of())); // behind the cache's back

        assertThat(repo.find(v1.id())).contains(v1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> repo.save(CartWrite.of(Carts.add(v1, "B"), 1, List.of())))
                .isInstanceOf(dev.cartflow.error.CartException.class);
        assertThat(repo.find(v1.id())).contains(v2);
    }

    @Test
    void activeCartsHolding_afterSaves_listsOnlyActiveCartsWithTheSku() {
        Cart a = Carts.add(Carts.guest(), "SKU-1");
        Cart b = Carts.add(Carts.guest(), "SKU-1");
        Cart c = Carts.add(Carts.guest(), "SKU-2");
        for (Cart cart : List.of(a, b, c)) {
            repo.save(CartWrite.of(cart, 0, List.of()));
        }
        repo.save(CartWrite.of(Carts.withState(b, CartState.CHECKED_OUT), b.version(), List.of()));

        assertThat(repo.activeCartsHolding(Sku.of("SKU-1"))).containsExactly(a.id());
        assertThat(repo.activeCartsHolding(Sku.of("SKU-2"))).containsExactly(c.id());
        assertThat(repo.activeCartsHolding(Sku.of("NONE"))).isEmpty();
    }

    @Test
    void nearCache_writeThroughOtherInstance_invalidatedWithinASecond() throws Exception {
        InMemoryCartRepository shared = new InMemoryCartRepository();
        try (CachingCartRepository a = CachingCartRepository.builder(shared, TestRedis.client()).keyPrefix(prefix)
                .nearCache(100, Duration.ofMinutes(1)).build();
             CachingCartRepository b = CachingCartRepository.builder(shared, TestRedis.client()).keyPrefix(prefix)
                     .nearCache(100, Duration.ofMinutes(1)).build()) {
            Cart v1 = Carts.guest();
            a.save(CartWrite.of(v1, 0, List.of()));
            assertThat(b.find(v1.id())).contains(v1); // now held in b's near cache
            Cart v2 = Carts.add(v1, "A");
            a.save(CartWrite.of(v2, 1, List.of()));

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
            Optional<Cart> seen = b.find(v1.id());
            while (!seen.equals(Optional.of(v2)) && System.nanoTime() < deadline) {
                Thread.sleep(5);
                seen = b.find(v1.id());
            }
            assertThat(seen).contains(v2);
        }
    }

    @Test
    void health_redisReachable_notDegraded() {
        repo.save(CartWrite.of(Carts.guest(), 0, List.of()));

        CacheHealth health = repo.cacheHealth();
        assertThat(health.degraded()).isFalse();
        assertThat(health.circuitState()).isEqualTo("CLOSED");
        assertThat(health.failures()).isZero();
    }

    /** An in-memory repository whose next find can be held at a gate, and that counts finds. */
    static final class GatedRepository implements CartStorage {
        final InMemoryCartRepository inner = new InMemoryCartRepository();
        final AtomicInteger finds = new AtomicInteger();
        private final AtomicReference<CountDownLatch[]> gate = new AtomicReference<>();

        void gate(CountDownLatch reached, CountDownLatch release) {
            gate.set(new CountDownLatch[] {reached, release});
        }

        @Override
        public Optional<Cart> find(CartId id) {
            finds.incrementAndGet();
            Optional<Cart> result = inner.find(id);
            CountDownLatch[] g = gate.getAndSet(null);
            if (g != null) {
                g[0].countDown();
                try {
                    g[1].await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return result;
        }

        @Override
        public Optional<Cart> findActiveByCustomer(CustomerId customerId) {
            return inner.findActiveByCustomer(customerId);
        }

        @Override
        public void save(CartWrite write) {
            inner.save(write);
        }

        @Override
        public void saveAll(List<CartWrite> writes) {
            inner.saveAll(writes);
        }

        @Override
        public boolean delete(CartId id) {
            return inner.delete(id);
        }

        @Override
        public List<Cart> findExpiringBefore(Instant cutoff, int limit) {
            return inner.findExpiringBefore(cutoff, limit);
        }

        @Override
        public List<Cart> findInactiveSince(Instant cutoff, int limit) {
            return inner.findInactiveSince(cutoff, limit);
        }

        @Override
        public Optional<IdempotencyRecord> findIdempotency(String key, Instant now) {
            return inner.findIdempotency(key, now);
        }

        @Override
        public List<CartEvent> eventsSince(CartId id, long afterSequence) {
            return inner.eventsSince(id, afterSequence);
        }
    }
}
