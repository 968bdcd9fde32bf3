package dev.cartflow.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Cart;
import dev.cartflow.model.LineItem;
import dev.cartflow.spi.CartRepository;
import dev.cartflow.spi.CartWrite;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The thread-safety half of {@link CartRepositoryContract}, which extends it: of concurrent writers
 * on one version exactly one wins, and writers retrying on conflicts lose nothing.
 */
public abstract class RepositoryConcurrencyContract {

    /** Subclasses are the implementation-specific tests. */
    protected RepositoryConcurrencyContract() {
    }

    /**
     * A new, empty repository for one test.
     *
     * @return the repository under test
     */
    protected abstract CartRepository newRepository();

    /**
     * Units each of 16 threads adds in the concurrency test; lower it only for slow stores.
     *
     * @return units per thread, 500 unless overridden
     */
    protected int unitsPerThread() {
        return 500;
    }

    @Test
    void save_concurrentWritersOnOneVersion_exactlyOneWins() throws Exception {
        CartRepository repo = newRepository();
        Cart v1 = CartFixtures.guestCart();
        repo.save(CartWrite.of(v1, 0, List.of()));
        int writers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String sku = "S" + i;
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        repo.save(CartWrite.of(CartFixtures.addUnit(v1, sku), 1, List.of()));
                        return true;
                    } catch (CartException e) {
                        assertEquals(CartErrorCode.VERSION_CONFLICT, e.code(), e::getMessage);
                        return false;
                    }
                }));
            }
            start.countDown();
            int wins = 0;
            for (Future<Boolean> f : results) {
                wins += f.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertEquals(1, wins);
            Cart stored = repo.find(v1.id()).orElseThrow();
            assertEquals(2, stored.version());
            assertEquals(1, stored.lines().size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void save_sixteenThreadsAddingWithRetry_nothingLost() throws Exception {
        CartRepository repo = newRepository();
        Cart v1 = CartFixtures.guestCart();
        repo.save(CartWrite.of(v1, 0, List.of()));
        int threads = 16;
        int units = unitsPerThread();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Void>> tasks = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                tasks.add(() -> {
                    for (int i = 0; i < units; i++) {
                        while (true) {
                            Cart current = repo.find(v1.id()).orElseThrow();
                            try {
                                repo.save(CartWrite.of(CartFixtures.addUnit(current, "HOT"), current.version(),
                                        List.of()));
                                break;
                            } catch (CartException e) {
                                assertEquals(CartErrorCode.VERSION_CONFLICT, e.code(), e::getMessage);
                            }
                        }
                    }
                    return null;
                });
            }
            for (Future<Void> f : pool.invokeAll(tasks, 10, TimeUnit.MINUTES)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        Cart last = repo.find(v1.id()).orElseThrow();
        assertEquals(List.of(threads * units), last.lines().stream().map(LineItem::quantity).toList());
        assertEquals(1L + threads * units, last.version());
    }
}
