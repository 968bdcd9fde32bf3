package dev.cartflow.tck;

import static dev.cartflow.tck.CartFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartflow.core.CartCommand;
import dev.cartflow.core.CartEngine;
import dev.cartflow.core.CreatedCart;
import dev.cartflow.core.Mutation;
import dev.cartflow.core.NewCart;
import dev.cartflow.core.merge.MergePolicy;
import dev.cartflow.core.merge.MergeRequest;
import dev.cartflow.core.merge.MergeResult;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartId;
import dev.cartflow.model.Sku;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.CartState;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.LineItem;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.spi.CartRepository;
import dev.cartflow.spi.CartStorage;
import dev.cartflow.spi.CartWrite;
import dev.cartflow.spi.IdempotencyRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link CartRepository} must pass. Extend it and return a fresh, empty
 * repository from {@link #newRepository()}.
 */
public abstract class CartRepositoryContract {

    /** A new, empty repository for one test. */
    protected abstract CartStorage newRepository();

    /** Units each of 16 threads adds in the concurrency test; lower it only for slow stores. */
    protected int unitsPerThread() {
        return 500;
    }

    @Test
    void save_newCart_roundTripsEveryField() {
        CartStorage repo = newRepository();
        Cart cart = CartFixtures.addUnit(CartFixtures.addUnit(CartFixtures.customerCart("c-1", T0), "A"), "B");
        Cart stored = cart.toBuilder().version(1).codes(List.of("SAVE10", "FREESHIP")).shippingMethod("STD").metadata("{\"note\":\"it's \\\"quoted\\\"\",\"emoji\":\"\u00e9\u4e2d\"}").build();
        repo.save(CartWrite.of(stored, 0, List.of(CartFixtures.event(stored, CartEvent.Type.CREATED))));

        assertThat(repo.find(stored.id())).contains(stored);
    }

    @Test
    void find_unknownCart_isEmpty() {
        assertThat(newRepository().find(CartFixtures.guestCart().id())).isEmpty();
    }

    @Test
    void save_hostileStrings_storedVerbatim() {
        CartStorage repo = newRepository();
        Cart base = CartFixtures.guestCart();
        String sku = "'; DROP TABLE carts; -- \"\u00fc\u4e2d\ud83d\uded2";
        Cart cart = CartFixtures.addUnit(base, sku).toBuilder().version(1)
                .codes(List.of("CODE'); DELETE FROM x; --"))
                .metadata("{\"k\":\"'; DROP TABLE carts; --\",\"long\":\"" + "x".repeat(2000) + "\"}")
                .build();
        repo.save(CartWrite.of(cart, 0, List.of()));

        assertThat(repo.find(cart.id())).contains(cart);
    }

    @Test
    void save_expectedVersionZeroForExistingCart_conflicts() {
        CartStorage repo = newRepository();
        Cart cart = CartFixtures.guestCart();
        repo.save(CartWrite.of(cart, 0, List.of()));

        assertThatThrownBy(() -> repo.save(CartWrite.of(cart, 0, List.of())))
                .isInstanceOfSatisfying(CartException.class, e -> {
                    assertThat(e.code()).isEqualTo(CartErrorCode.VERSION_CONFLICT);
                    assertThat(e.currentVersion()).hasValue(1);
                });
    }

    @Test
    void save_staleVersion_conflictsAndLeavesStoredCartAndEvents() {
        CartStorage repo = newRepository();
        Cart v1 = CartFixtures.guestCart();
        repo.save(CartWrite.of(v1, 0, List.of(CartFixtures.event(v1, CartEvent.Type.CREATED))));
        Cart v2 = CartFixtures.addUnit(v1, "A");
        repo.save(CartWrite.of(v2, 1, List.of(CartFixtures.event(v2, CartEvent.Type.LINE_ADDED))));
        Cart stale = CartFixtures.addUnit(CartFixtures.addUnit(v1, "B"), "B");

        assertThatThrownBy(() -> repo.save(new CartWrite(stale, 1,
                List.of(CartFixtures.event(stale, CartEvent.Type.LINE_ADDED)),
                new IdempotencyRecord("k-stale", "f", "r", T0.plusSeconds(60)))))
                .isInstanceOfSatisfying(CartException.class, e -> {
                    assertThat(e.code()).isEqualTo(CartErrorCode.VERSION_CONFLICT);
                    assertThat(e.currentVersion()).hasValue(2);
                });
        assertThat(repo.find(v1.id())).contains(v2);
        assertThat(repo.eventsSince(v1.id(), 0)).extracting(CartEvent::sequence).containsExactly(1L, 2L);
        assertThat(repo.findIdempotency("k-stale", T0)).isEmpty();
    }

    @Test
    void save_linesRemovedAndReordered_storesExactlyTheNewLines() {
        CartStorage repo = newRepository();
        Cart v1 = CartFixtures.addUnit(CartFixtures.addUnit(CartFixtures.addUnit(CartFixtures.guestCart(), "A"), "B"), "C")
                .toBuilder().version(1).build();
        repo.save(CartWrite.of(v1, 0, List.of()));
        Cart v2 = v1.toBuilder().lines(List.of(v1.lines().get(2), v1.lines().get(0).withQuantity(7))).codes(List.of()).version(2).build();
        repo.save(CartWrite.of(v2, 1, List.of()));

        assertThat(repo.find(v1.id())).contains(v2);
    }

    @Test
    void saveAll_oneStaleWrite_writesNothing() {
        CartStorage repo = newRepository();
        Cart a = CartFixtures.guestCart();
        Cart b = CartFixtures.customerCart("c-9", T0);
        repo.save(CartWrite.of(a, 0, List.of()));
        repo.save(CartWrite.of(b, 0, List.of()));
        Cart a2 = CartFixtures.withState(a, CartState.MERGED);
        Cart b2 = CartFixtures.addUnit(b, "X");

        assertThatThrownBy(() -> repo.saveAll(List.of(CartWrite.of(a2, 1, List.of()), CartWrite.of(b2, 7, List.of()))))
                .isInstanceOfSatisfying(CartException.class,
                        e -> assertThat(e.code()).isEqualTo(CartErrorCode.VERSION_CONFLICT));
        assertThat(repo.find(a.id())).contains(a);
        assertThat(repo.find(b.id())).contains(b);

        repo.saveAll(List.of(CartWrite.of(a2, 1, List.of()), CartWrite.of(b2, 1, List.of())));
        assertThat(repo.find(a.id())).contains(a2);
        assertThat(repo.find(b.id())).contains(b2);
    }

    @Test
    void findActiveByCustomer_severalCarts_returnsMostRecentActiveOne() {
        CartStorage repo = newRepository();
        Cart old = CartFixtures.customerCart("c-1", T0);
        Cart recent = CartFixtures.customerCart("c-1", T0.plusSeconds(60));
        Cart checkedOut = CartFixtures.customerCart("c-1", T0.plusSeconds(120));
        Cart other = CartFixtures.customerCart("c-2", T0.plusSeconds(300));
        for (Cart c : List.of(old, recent, checkedOut, other)) {
            repo.save(CartWrite.of(c, 0, List.of()));
        }
        repo.save(CartWrite.of(CartFixtures.withState(checkedOut, CartState.CHECKED_OUT), 1, List.of()));

        assertThat(repo.findActiveByCustomer(new CustomerId("c-1"))).map(Cart::id).contains(recent.id());
        assertThat(repo.findActiveByCustomer(new CustomerId("nobody"))).isEmpty();
    }

    @Test
    void findExpiringBefore_pagesOldestFirst() {
        CartStorage repo = newRepository();
        List<Cart> carts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Cart c = CartFixtures.customerCart("c-" + i, T0.plusSeconds(i * 10L));
            carts.add(c);
            repo.save(CartWrite.of(c, 0, List.of()));
        }
        Instant cutoff = carts.get(3).expiresAt();

        assertThat(repo.findExpiringBefore(cutoff, 2)).extracting(Cart::id)
                .containsExactly(carts.get(0).id(), carts.get(1).id());
        assertThat(repo.findExpiringBefore(cutoff, 10)).extracting(Cart::id)
                .containsExactly(carts.get(0).id(), carts.get(1).id(), carts.get(2).id());
    }

    @Test
    void findInactiveSince_onlyActiveCartsWithLinesNotAbandoned() {
        CartStorage repo = newRepository();
        Cart empty = CartFixtures.customerCart("c-1", T0);
        Cart withLines = CartFixtures.addUnit(CartFixtures.customerCart("c-2", T0), "A").toBuilder().version(1).build();
        Cart abandoned = withLines.toBuilder().abandonedAt(T0.plusSeconds(5)).build();
        Cart abandonedCopy = new Cart(dev.cartflow.model.CartId.random(), abandoned.owner(), null,
                abandoned.currency(), "DE", CartState.ACTIVE, 1, abandoned.lines(), List.of(), null, "{}", T0, T0,
                T0.plusSeconds(999), T0.plusSeconds(5));
        Cart recent = CartFixtures.addUnit(CartFixtures.customerCart("c-3", T0.plusSeconds(3600)), "A").toBuilder().version(1).build();
        for (Cart c : List.of(empty, withLines, abandonedCopy, recent)) {
            repo.save(CartWrite.of(c, 0, List.of()));
        }

        assertThat(repo.findInactiveSince(T0.plusSeconds(60), 10)).extracting(Cart::id)
                .containsExactly(withLines.id());
    }

    @Test
    void findIdempotency_storedWithSave_untilItExpires() {
        CartStorage repo = newRepository();
        Cart cart = CartFixtures.guestCart();
        IdempotencyRecord record = new IdempotencyRecord("key-1", "fp", "{\"response\":1}", T0.plusSeconds(60));
        repo.save(new CartWrite(cart, 0, List.of(), record));

        assertThat(repo.findIdempotency("key-1", T0)).contains(record);
        assertThat(repo.findIdempotency("key-1", T0.plusSeconds(61))).isEmpty();
        assertThat(repo.findIdempotency("other", T0)).isEmpty();
    }

    @Test
    void eventsSince_returnsLaterEventsInOrder() {
        CartStorage repo = newRepository();
        Cart v1 = CartFixtures.guestCart();
        repo.save(CartWrite.of(v1, 0, List.of(CartFixtures.event(v1, CartEvent.Type.CREATED))));
        Cart v2 = CartFixtures.addUnit(v1, "A");
        CartEvent added = CartFixtures.event(v2, CartEvent.Type.LINE_ADDED);
        CartEvent second = new CartEvent(v2.id(), 2, 1, CartEvent.Type.CODE_APPLIED, v2.updatedAt(),
                Map.of("code", "X"));
        repo.save(CartWrite.of(v2, 1, List.of(added, second)));

        assertThat(repo.eventsSince(v1.id(), 1)).containsExactly(added, second);
        assertThat(repo.eventsSince(v1.id(), 0)).hasSize(3);
        assertThat(repo.eventsSince(v1.id(), 2)).isEmpty();
    }

    @Test
    void delete_existingCart_removesIt() {
        CartStorage repo = newRepository();
        Cart cart = CartFixtures.addUnit(CartFixtures.guestCart(), "A").toBuilder().version(1).build();
        repo.save(CartWrite.of(cart, 0, List.of(CartFixtures.event(cart, CartEvent.Type.CREATED))));

        assertThat(repo.delete(cart.id())).isTrue();
        assertThat(repo.find(cart.id())).isEmpty();
        assertThat(repo.delete(cart.id())).isFalse();
    }

    @Test
    void save_concurrentWritersOnOneVersion_exactlyOneWins() throws Exception {
        CartStorage repo = newRepository();
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
                        assertThat(e.code()).isEqualTo(CartErrorCode.VERSION_CONFLICT);
                        return false;
                    }
                }));
            }
            start.countDown();
            int wins = 0;
            for (Future<Boolean> f : results) {
                wins += f.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(wins).isEqualTo(1);
            assertThat(repo.find(v1.id()).orElseThrow().version()).isEqualTo(2);
            assertThat(repo.find(v1.id()).orElseThrow().lines()).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void save_sixteenThreadsAddingWithRetry_nothingLost() throws Exception {
        CartStorage repo = newRepository();
        Cart v1 = CartFixtures.guestCart();
        repo.save(CartWrite.of(v1, 0, List.of()));
        int threads = 16;
        int units = unitsPerThread();
        AtomicInteger conflicts = new AtomicInteger();
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
                                assertThat(e.code()).isEqualTo(CartErrorCode.VERSION_CONFLICT);
                                conflicts.incrementAndGet();
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
        assertThat(last.lines()).extracting(LineItem::quantity).containsExactly(threads * units);
        assertThat(last.version()).isEqualTo(1L + threads * units);
    }

    @Test
    void find_afterManySaves_readsOwnWrites() {
        CartStorage repo = newRepository();
        Cart cart = CartFixtures.guestCart();
        repo.save(CartWrite.of(cart, 0, List.of()));
        for (int i = 0; i < 20; i++) {
            Cart added = CartFixtures.addUnit(cart, "A");
            Cart next = added.toBuilder().updatedAt(added.updatedAt().plus(Duration.ofSeconds(1))).build();
            repo.save(CartWrite.of(next, cart.version(), List.of()));
            cart = next;
            assertThat(repo.find(cart.id())).contains(cart);
        }
    }

    // ------------------------------------------------------------ lifecycle through the engine

    @Test
    void engine_sixteenThreadsAddingWithoutExpectedVersion_exactQuantityAndUniqueVersions() throws Exception {
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
    void engine_everyMutationReplayedWithItsKey_oneEffectSameResponse() throws Exception {
        long seed = System.nanoTime();
        SplittableRandom random = new SplittableRandom(seed);
        CartEngine engine = LifecycleFixture.engine(newRepository());
        CreatedCart created = engine.createGuestCart(NewCart.of("EUR", "DE"));
        CartId id = created.cart().id();
        Actor actor = created.actor();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<java.util.function.Function<Cart, CartCommand>> mutations = List.of(
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
    void engine_mergeRacingChangesToBothCarts_atomicNothingLost() throws Exception {
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
