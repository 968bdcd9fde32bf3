package dev.cartflow.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.core.memory.InMemoryCartRepository;
import dev.cartflow.model.Cart;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.spi.CartWrite;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Writers and readers on one cart through two caching repositories that share Redis and one
 * delegate: no read returns a version older than one acknowledged before the read started, neither
 * to the same thread nor to any other.
 */
class CachingCartRepositoryRaceTest {
    @Test
    void find_concurrentWritersAndReadersOnTwoInstances_neverOlderThanAcknowledged() throws Exception {
        long seed = System.nanoTime();
        String prefix = TestRedis.freshPrefix();
        InMemoryCartRepository delegate = new InMemoryCartRepository();
        CachingCartRepository a = CachingCartRepository.builder(delegate, TestRedis.client()).keyPrefix(prefix).build();
        CachingCartRepository b = CachingCartRepository.builder(delegate, TestRedis.client()).keyPrefix(prefix).build();
        CachingCartRepository[] instances = {a, b};
        Cart v1 = Carts.guest();
        a.save(CartWrite.of(v1, 0, List.of()));
        AtomicLong acknowledged = new AtomicLong(1);
        AtomicLong reads = new AtomicLong();
        int threads = 8;
        int writesPerThread = 300;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Void>> tasks = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Random random = new Random(seed + t);
                boolean writer = t % 2 == 0;
                tasks.add(() -> {
                    long ownAck = 0;
                    int done = 0;
                    while (done < writesPerThread) {
                        long before = acknowledged.get();
                        Cart seen = instances[random.nextInt(2)].find(v1.id()).orElseThrow();
                        reads.incrementAndGet();
                        assertThat(seen.version()).as("seed %d: read after ack %d (own %d)", seed, before, ownAck)
                                .isGreaterThanOrEqualTo(Math.max(before, ownAck));
                        if (!writer) {
                            done++;
                            continue;
                        }
                        try {
                            Cart next = Carts.add(seen, "HOT");
                            instances[random.nextInt(2)].save(CartWrite.of(next, seen.version(), List.of()));
                            ownAck = next.version();
                            acknowledged.accumulateAndGet(ownAck, Math::max);
                            done++;
                        } catch (CartException e) {
                            assertThat(e.code()).isEqualTo(CartErrorCode.VERSION_CONFLICT);
                        }
                    }
                    return null;
                });
            }
            for (Future<Void> f : pool.invokeAll(tasks, 2, TimeUnit.MINUTES)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
            a.close();
            b.close();
        }
        long writes = (threads / 2L) * writesPerThread;
        assertThat(a.find(v1.id()).orElseThrow().version()).isEqualTo(1 + writes);
        assertThat(b.find(v1.id()).orElseThrow().version()).isEqualTo(1 + writes);
        assertThat(a.cacheHealth().hits() + b.cacheHealth().hits()).as("the cache served reads").isPositive();
    }
}
