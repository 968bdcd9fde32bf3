package dev.cartflow.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartId;
import dev.cartflow.model.LineItem;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

class ConcurrentRepositoriesTest {

    @Test
    void save_twoPoolsChangingSameCarts_nothingLostAndEveryConflictDetected() throws Exception {
        long seed = System.nanoTime();
        System.out.println("ConcurrentRepositoriesTest seed " + seed);
        int carts = 4;
        int threadsPerRepository = 4;
        int savesPerThread = 60;
        try (PostgresFixture db = PostgresFixture.create(threadsPerRepository);
             HikariDataSource secondPool = TestDatabase.pool(db.schema, threadsPerRepository)) {
            JdbiCartRepository first = JdbiCartRepository.create(db.jdbi);
            JdbiCartRepository second = JdbiCartRepository.create(Jdbi.create(secondPool));
            List<CartId> ids = new ArrayList<>();
            for (int i = 0; i < carts; i++) {
                Cart cart = TestCarts.guestCart(CartId.random());
                first.save(TestCarts.create(cart));
                ids.add(cart.id());
            }
            AtomicIntegerArray successes = new AtomicIntegerArray(carts);
            AtomicIntegerArray conflicts = new AtomicIntegerArray(carts);
            ExecutorService pool = Executors.newFixedThreadPool(2 * threadsPerRepository);
            try {
                List<Callable<Void>> tasks = new ArrayList<>();
                for (int t = 0; t < 2 * threadsPerRepository; t++) {
                    JdbiCartRepository repository = t % 2 == 0 ? first : second;
                    Random random = new Random(seed + t);
                    tasks.add(() -> {
                        for (int i = 0; i < savesPerThread; i++) {
                            int c = random.nextInt(carts);
                            Cart current = repository.find(ids.get(c)).orElseThrow();
                            try {
                                repository.save(TestCarts.bump(current, "sku-" + random.nextInt(3)));
                                successes.incrementAndGet(c);
                            } catch (CartException e) {
                                assertThat(e.code()).isEqualTo(CartErrorCode.VERSION_CONFLICT);
                                assertThat(e.currentVersion().orElseThrow()).isGreaterThan(current.version());
                                conflicts.incrementAndGet(c);
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
            }
            int totalConflicts = 0;
            for (int c = 0; c < carts; c++) {
                Cart last = first.find(ids.get(c)).orElseThrow();
                int units = last.lines().stream().mapToInt(LineItem::quantity).sum();
                assertThat(last.version() - 1).as("cart %d", c).isEqualTo(successes.get(c));
                assertThat(units).as("units of cart %d", c).isEqualTo(successes.get(c));
                assertThat(first.eventsSince(ids.get(c), 1)).hasSize(successes.get(c));
                assertThat(successes.get(c) + conflicts.get(c)).isPositive();
                totalConflicts += conflicts.get(c);
            }
            System.out.println("two pools: " + (2 * threadsPerRepository * savesPerThread) + " attempts, "
                    + totalConflicts + " conflicts");
            assertThat(totalConflicts).isPositive();
        }
    }
}
