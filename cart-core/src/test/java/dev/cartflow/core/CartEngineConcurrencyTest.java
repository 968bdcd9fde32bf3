package dev.cartflow.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.core.CartCommand.AddItem;
import dev.cartflow.model.Cart;
import dev.cartflow.model.Sku;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CartEngineConcurrencyTest {

    @Test
    void addItem_sixteenThreadsNoExpectedVersion_nothingLostAndVersionsUnique() throws Exception {
        TestWorld world = new TestWorld();
        world.product("HOT", "1.00", Set.of(), 1, Integer.MAX_VALUE, 1, 0);
        CartEngine engine = world.builder().limits(new CartLimits(10, 100_000, null)).build();
        CreatedCart cart = engine.createGuestCart(NewCart.of("EUR", "DE"));
        int threads = 16;
        int perThread = 500;
        Set<Long> versions = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Void>> tasks = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                tasks.add(() -> {
                    for (int i = 0; i < perThread; i++) {
                        Cart after = engine.execute(cart.actor(), cart.cart().id(), new AddItem(new Sku("HOT"), 1),
                                Mutation.none());
                        assertThat(versions.add(after.version())).isTrue();
                    }
                    return null;
                });
            }
            for (Future<Void> f : pool.invokeAll(tasks, 5, TimeUnit.MINUTES)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        Cart last = engine.get(cart.actor(), cart.cart().id());
        assertThat(last.lines()).hasSize(1);
        assertThat(last.lines().get(0).quantity()).isEqualTo(threads * perThread);
        assertThat(last.version()).isEqualTo(1L + threads * perThread);
        assertThat(versions).hasSize(threads * perThread);
    }
}
