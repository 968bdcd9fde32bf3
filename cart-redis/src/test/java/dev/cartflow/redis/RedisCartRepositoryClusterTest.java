package dev.cartflow.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartflow.model.Cart;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.CartState;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.spi.CartWrite;
import dev.cartflow.spi.IdempotencyRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Cross-slot atomicity of saveAll on a Redis Cluster, including a writer that dies mid-way. */
class RedisCartRepositoryClusterTest {
    private final String prefix = TestRedis.freshPrefix();
    private final RedisKeys keys = new RedisKeys(prefix);
    private final RedisCartRepository repo = RedisCartRepository.builder(TestRedis.clusterClient())
            .keyPrefix(prefix).lockTimeout(Duration.ofMillis(300)).build();

    /** Stands for the process dying at a step: not caught by the repository's error handling. */
    static final class Crash extends Error {
        private static final long serialVersionUID = 1L;
    }

    /** Two stored carts whose keys are in different cluster slots. */
    private Cart[] twoCartsInDifferentSlots() {
        Cart a = Carts.guest();
        Cart b = Carts.guest();
        while (CartRedisClient.slot(keys.cart(a.id())) == CartRedisClient.slot(keys.cart(b.id()))) {
            b = Carts.guest();
        }
        repo.save(CartWrite.of(a, 0, List.of()));
        repo.save(CartWrite.of(b, 0, List.of()));
        return new Cart[] {a, b};
    }

    private static CartEvent merged(Cart c) {
        return new CartEvent(c.id(), c.version(), 0, CartEvent.Type.MERGED, Instant.now(), Map.of());
    }

    @Test
    void saveAll_differentSlotsOneStale_writesNothing() {
        Cart[] ab = twoCartsInDifferentSlots();
        Cart a2 = Carts.withState(ab[0], CartState.MERGED);
        Cart b2 = Carts.add(ab[1], "X");

        assertThatThrownBy(() -> repo.saveAll(List.of(CartWrite.of(a2, 1, List.of()), CartWrite.of(b2, 5, List.of()))))
                .isInstanceOfSatisfying(CartException.class,
                        e -> assertThat(e.code()).isEqualTo(CartErrorCode.VERSION_CONFLICT));
        assertThat(repo.find(ab[0].id())).contains(ab[0]);
        assertThat(repo.find(ab[1].id())).contains(ab[1]);
        // and the locks are gone: a plain save succeeds at once
        repo.save(CartWrite.of(a2, 1, List.of()));
        assertThat(repo.find(ab[0].id())).contains(a2);
    }

    @Test
    void saveAll_writerDiesBeforeCommit_readersSeeNeitherChangeAfterLockExpiry() throws Exception {
        Cart[] ab = twoCartsInDifferentSlots();
        Cart a2 = Carts.withState(ab[0], CartState.MERGED);
        Cart b2 = Carts.add(ab[1], "X");
        repo.fault = phase -> {
            if (phase.equals("prepared")) {
                throw new Crash();
            }
        };
        assertThatThrownBy(() -> repo.saveAll(List.of(CartWrite.of(a2, 1, List.of(merged(a2))),
                CartWrite.of(b2, 1, List.of(merged(b2)))))).isInstanceOf(Crash.class);
        repo.fault = phase -> { };

        assertThat(repo.find(ab[0].id())).contains(ab[0]); // lock held, not committed: old value
        Thread.sleep(350); // lock expires
        assertThat(repo.find(ab[1].id())).contains(ab[1]);
        assertThat(repo.find(ab[0].id())).contains(ab[0]);
        assertThat(repo.eventsSince(ab[0].id(), 0)).isEmpty();
        repo.save(CartWrite.of(b2, 1, List.of()));
        assertThat(repo.find(ab[1].id())).contains(b2);
    }

    @Test
    void saveAll_writerDiesAfterCommit_readersRollBothChangesForward() {
        Cart[] ab = twoCartsInDifferentSlots();
        Cart a2 = Carts.withState(ab[0], CartState.MERGED);
        Cart b2 = Carts.add(ab[1], "X");
        IdempotencyRecord record = new IdempotencyRecord("merge-1", "fp", "{}", Instant.now().plusSeconds(60));
        repo.fault = phase -> {
            if (phase.equals("committed")) {
                throw new Crash();
            }
        };
        assertThatThrownBy(() -> repo.saveAll(List.of(CartWrite.of(a2, 1, List.of(merged(a2))),
                new CartWrite(b2, 1, List.of(merged(b2)), record)))).isInstanceOf(Crash.class);
        repo.fault = phase -> { };

        assertThat(repo.find(ab[0].id())).contains(a2);
        assertThat(repo.eventsSince(ab[1].id(), 0)).extracting(CartEvent::sequence).containsExactly(2L);
        assertThat(repo.findIdempotency("merge-1", Instant.now())).contains(record);
        assertThat(repo.find(ab[1].id())).contains(b2);
    }

    @Test
    void saveAll_racingSingleSaves_eachCartChangedExactlyOnce() throws Exception {
        for (int round = 0; round < 20; round++) {
            Cart[] ab = twoCartsInDifferentSlots();
            Cart a2 = Carts.withState(ab[0], CartState.MERGED);
            Cart b2 = Carts.add(ab[1], "X");
            Cart bOther = Carts.add(ab[1], "Y");
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<Boolean>> results = new ArrayList<>();
                results.add(pool.submit(() -> attempt(go, () -> repo.saveAll(List.of(CartWrite.of(a2, 1, List.of()),
                        CartWrite.of(b2, 1, List.of()))))));
                results.add(pool.submit(() -> attempt(go, () -> repo.save(CartWrite.of(bOther, 1, List.of())))));
                go.countDown();
                boolean mergeWon = results.get(0).get(10, TimeUnit.SECONDS);
                boolean singleWon = results.get(1).get(10, TimeUnit.SECONDS);

                assertThat(mergeWon ^ singleWon).as("exactly one wins, round %d", round).isTrue();
                assertThat(repo.find(ab[0].id())).contains(mergeWon ? a2 : ab[0]);
                assertThat(repo.find(ab[1].id())).contains(mergeWon ? b2 : bOther);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static boolean attempt(CountDownLatch go, Runnable write) throws InterruptedException {
        go.await();
        try {
            write.run();
            return true;
        } catch (CartException e) {
            assertThat(e.code()).isIn(CartErrorCode.VERSION_CONFLICT, CartErrorCode.PROVIDER_UNAVAILABLE);
            return false;
        }
    }
}
