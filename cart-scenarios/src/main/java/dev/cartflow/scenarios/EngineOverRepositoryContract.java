package dev.cartflow.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.core.CartCommand;
import dev.cartflow.core.CartEngine;
import dev.cartflow.core.CheckoutResult;
import dev.cartflow.core.CreatedCart;
import dev.cartflow.core.Mutation;
import dev.cartflow.core.NewCart;
import dev.cartflow.core.merge.MergePolicy;
import dev.cartflow.core.merge.MergeRequest;
import dev.cartflow.core.merge.MergeResult;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CartState;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.LineItem;
import dev.cartflow.model.Sku;
import dev.cartflow.spi.CartRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The real engine, on in-memory providers, over the repository under test: the guarantees that
 * only hold when engine and store work together (no lost update under 16 concurrent writers,
 * idempotent replays answering the same response with one effect, a merge racing changes to both
 * carts). A store implementation extends this beside its {@code CartRepositoryContract} subclass and
 * returns a fresh repository from {@link #newRepository()}.
 *
 * <p>The tests run many threads against one repository instance, so the store must be thread-safe.
 */
public abstract class EngineOverRepositoryContract {

    /** Subclasses are the store-specific tests. */
    protected EngineOverRepositoryContract() {
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

    /**
     * The same store seen by a new process: a new repository instance over the data of
     * {@code repository}, as after a restart. A store whose data lives in the instance returns it.
     *
     * @param repository a repository from {@link #newRepository()}
     * @return a repository over the same stored data, the given one unless overridden
     */
    protected CartRepository reopen(CartRepository repository) {
        return repository;
    }

    @Test
    void idempotentRetry_newEngineOverSameStore_executeMergeAndCheckoutReplayWithOneEffect() {
        CartRepository repository = newRepository();
        CartEngine before = LifecycleFixture.engine(repository);
        CreatedCart shopper = before.createGuestCart(NewCart.of("EUR", "DE"));
        CartCommand add = new CartCommand.AddItem(new Sku("A"), 2);
        Cart added = before.execute(shopper.actor(), shopper.cart().id(), add, Mutation.idempotent("add-1"));
        CustomerId signingIn = new CustomerId("restart-merge");
        Actor signingInActor = Actor.customer(signingIn);
        Cart target = before.createCustomerCart(signingInActor, signingIn, NewCart.of("EUR", "DE"));
        before.addItem(signingInActor, target.id(), new Sku("B"), 1);
        CreatedCart guest = before.createGuestCart(NewCart.of("EUR", "DE"));
        before.addItem(guest.actor(), guest.cart().id(), new Sku("B"), 2);
        MergeRequest mergeRequest = new MergeRequest(guest.cart().id(), guest.token(), signingIn, MergePolicy.SUM);
        MergeResult merged = before.merge(signingInActor, mergeRequest);
        CustomerId buyer = new CustomerId("restart-checkout");
        Actor buyerActor = Actor.customer(buyer);
        Cart order = before.createCustomerCart(buyerActor, buyer, NewCart.of("EUR", "DE"));
        before.addItem(buyerActor, order.id(), new Sku("C"), 3);
        CheckoutResult checkedOut = before.checkout(buyerActor, order.id(), Mutation.idempotent("order-1"));

        CartEngine restarted = LifecycleFixture.engine(reopen(repository));
        Cart addedAgain = restarted.execute(shopper.actor(), shopper.cart().id(), add, Mutation.idempotent("add-1"));
        MergeResult mergedAgain = restarted.merge(signingInActor, mergeRequest);
        CheckoutResult checkedOutAgain = restarted.checkout(buyerActor, order.id(), Mutation.idempotent("order-1"));

        assertThat(addedAgain).isEqualTo(added);
        assertThat(restarted.get(shopper.actor(), shopper.cart().id())).isEqualTo(added);
        assertThat(mergedAgain).isEqualTo(merged);
        Cart mergedCart = restarted.get(signingInActor, target.id());
        assertThat(mergedCart.lines()).extracting(LineItem::quantity).containsExactly(3);
        assertThat(mergedCart.version()).isEqualTo(merged.cart().version());
        assertThat(checkedOutAgain).isEqualTo(checkedOut);
        assertThat(restarted.get(buyerActor, order.id())).isEqualTo(checkedOut.cart());
    }

    @Test
    void execute_sixteenThreadsAddingWithoutExpectedVersion_exactQuantityAndUniqueVersions() throws Exception {
        CartEngine engine = LifecycleFixture.engine(newRepository());
        CreatedCart cart = engine.createGuestCart(NewCart.of("EUR", "DE"));
        int threads = 16;
        int units = unitsPerThread();
        Set<Long> versions = ConcurrentHashMap.newKeySet();
        AtomicInteger duplicates = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Void>> tasks = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                tasks.add(() -> {
                    for (int i = 0; i < units; i++) {
                        Cart after = engine.execute(cart.actor(), cart.cart().id(),
                                new CartCommand.AddItem(new Sku("HOT"), 1), Mutation.none());
                        if (!versions.add(after.version())) {
                            duplicates.incrementAndGet();
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
        Cart last = engine.get(cart.actor(), cart.cart().id());
        assertThat(last.lines()).extracting(LineItem::quantity).containsExactly(threads * units);
        assertThat(last.version()).isEqualTo(1L + threads * units);
        assertThat(duplicates.get()).isZero();
        assertThat(versions).hasSize(threads * units);
    }

    @Test
    void execute_everyMutationReplayedWithItsKey_oneEffectSameResponse() throws Exception {
        long seed = System.nanoTime();
        SplittableRandom random = new SplittableRandom(seed);
        CartEngine engine = LifecycleFixture.engine(newRepository());
        CreatedCart created = engine.createGuestCart(NewCart.of("EUR", "DE"));
        CartId id = created.cart().id();
        Actor actor = created.actor();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Function<Cart, CartCommand>> mutations = List.of(
                    c -> new CartCommand.AddItem(new Sku("A"), 2),
                    c -> new CartCommand.AddItem(new Sku("B"), 1),
                    c -> new CartCommand.SetQuantity(c.lines().get(0).id(), 5),
                    c -> new CartCommand.ApplyCode("SAVE10"),
                    c -> new CartCommand.SelectShipping("STD"),
                    c -> new CartCommand.ChangeCountry("AT"),
                    c -> new CartCommand.SetMetadata("{\"gift\":true}"),
                    c -> new CartCommand.Bulk(List.of(new CartCommand.AddItem(new Sku("C"), 3),
                            new CartCommand.RemoveLines(List.of(c.lines().get(1).id())))),
                    c -> new CartCommand.RemoveCode("SAVE10"),
                    c -> new CartCommand.RemoveLines(List.of(c.lines().get(0).id())),
                    c -> new CartCommand.Clear());
            int step = 0;
            for (var mutation : mutations) {
                Cart before = engine.get(actor, id);
                CartCommand command = mutation.apply(before);
                String key = "key-" + step++;
                int calls = 2 + random.nextInt(5);
                int concurrent = 1 + random.nextInt(calls);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Cart>> answers = new ArrayList<>();
                for (int i = 0; i < concurrent; i++) {
                    answers.add(pool.submit(() -> {
                        start.await();
                        return engine.execute(actor, id, command, Mutation.idempotent(key));
                    }));
                }
                start.countDown();
                List<Cart> responses = new ArrayList<>();
                for (Future<Cart> f : answers) {
                    responses.add(f.get(60, TimeUnit.SECONDS));
                }
                for (int i = concurrent; i < calls; i++) {
                    responses.add(engine.execute(actor, id, command, Mutation.idempotent(key)));
                }
                String context = "seed " + seed + ", " + command + " called " + calls + " times";
                assertThat(responses).as(context).allSatisfy(r -> assertThat(r).isEqualTo(responses.get(0)));
                assertThat(responses.get(0).version()).as(context).isEqualTo(before.version() + 1);
                assertThat(engine.get(actor, id)).as(context).isEqualTo(responses.get(0));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void merge_racingChangesToBothCarts_atomicNothingLost() throws Exception {
        CartEngine engine = LifecycleFixture.engine(newRepository());
        CustomerId customer = new CustomerId("merge-race");
        Actor customerActor = Actor.customer(customer);
        for (int round = 0; round < 10; round++) {
            Cart target = engine.activeCart(customerActor, customer)
                    .orElseGet(() -> engine.createCustomerCart(customerActor, customer, NewCart.of("EUR", "DE")));
            int before = target.lines().stream().mapToInt(LineItem::quantity).sum();
            CreatedCart guest = engine.createGuestCart(NewCart.of("EUR", "DE"));
            engine.addItem(guest.actor(), guest.cart().id(), new Sku("A"), 3);
            int adds = 20;
            AtomicInteger guestAddsAccepted = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(3);
            CountDownLatch start = new CountDownLatch(1);
            try {
                Future<?> customerAdds = pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < adds; i++) {
                        engine.addItem(customerActor, target.id(), new Sku("A"), 1);
                    }
                    return null;
                });
                Future<?> guestAdds = pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < adds; i++) {
                        try {
                            engine.addItem(guest.actor(), guest.cart().id(), new Sku("B"), 1);
                            guestAddsAccepted.incrementAndGet();
                        } catch (CartException e) {
                            assertThat(e.code()).isEqualTo(CartErrorCode.CART_NOT_ACTIVE);
                        }
                    }
                    return null;
                });
                Future<MergeResult> merge = pool.submit(() -> {
                    start.await();
                    return engine.merge(customerActor, new MergeRequest(guest.cart().id(), guest.token(), customer,
                            MergePolicy.SUM));
                });
                start.countDown();
                customerAdds.get(60, TimeUnit.SECONDS);
                guestAdds.get(60, TimeUnit.SECONDS);
                merge.get(60, TimeUnit.SECONDS);
            } finally {
                pool.shutdownNow();
            }
            Cart after = engine.get(customerActor, target.id());
            int units = after.lines().stream().mapToInt(LineItem::quantity).sum();
            assertThat(units).as("round " + round).isEqualTo(before + adds + 3 + guestAddsAccepted.get());
            assertThat(engine.get(guest.actor(), guest.cart().id()).state()).isEqualTo(CartState.MERGED);
        }
    }
}
