package dev.cartflow.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.CartKind;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.LineItem;
import dev.cartflow.model.Sku;
import dev.cartflow.spi.CartWrite;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Moving a line between two carts of one customer: both change or neither, the target's rules
 * hold, the source keeps its own, idempotent with a key, safe under concurrent changes.
 */
class LineMoveTest {
    private static final CustomerId ALICE = new CustomerId("alice");
    private static final Actor AS_ALICE = Actor.customer(ALICE);

    private final TestWorld world = new TestWorld();
    private CartEngine engine = world.engine();

    private Cart shopping() {
        return engine.createCustomerCart(AS_ALICE, ALICE, NewCart.of("EUR", "DE"));
    }

    private Cart named(CartKind kind, String name) {
        return engine.createNamedCart(AS_ALICE, ALICE, kind, name, NewCart.of("EUR", "DE"));
    }

    private Cart add(Cart cart, String sku, int quantity) {
        return engine.addItem(AS_ALICE, cart.id(), Sku.of(sku), quantity);
    }

    private Cart stored(Cart cart) {
        return world.repository.find(cart.id()).orElseThrow();
    }

    private static LineItem line(Cart cart, String sku) {
        return cart.lines().stream().filter(l -> l.sku().value().equals(sku)).findFirst().orElseThrow();
    }

    private void refused(LineMove move, Mutation mutation, CartErrorCode code, Cart... unchanged) {
        List<Cart> before = new ArrayList<>();
        for (Cart c : unchanged) {
            before.add(stored(c));
        }
        int events = world.published.size();
        assertThatThrownBy(() -> engine.moveLine(AS_ALICE, move, mutation)).isInstanceOf(CartException.class)
                .extracting("code").isEqualTo(code);
        for (int i = 0; i < unchanged.length; i++) {
            assertThat(stored(unchanged[i])).as("cart %d", i).isEqualTo(before.get(i));
        }
        assertThat(world.published).hasSize(events);
    }

    @Test
    void moveLine_wholeLine_leavesTheSourceAndArrivesOnTheTarget() {
        Cart cart = add(add(shopping(), "A", 2), "C", 1);
        Cart later = named(CartKind.SAVED_FOR_LATER, "Later");

        LineMoveResult result = engine.moveLine(AS_ALICE, LineMove.whole(cart.id(), line(cart, "A").id(), later.id()),
                Mutation.none());

        assertThat(result.from().lines()).extracting(l -> l.sku().value()).containsExactly("C");
        assertThat(result.to().lines()).singleElement().satisfies(l -> {
            assertThat(l.sku().value()).isEqualTo("A");
            assertThat(l.quantity()).isEqualTo(2);
        });
        assertThat(result.from().version()).isEqualTo(cart.version() + 1);
        assertThat(result.to().version()).isEqualTo(later.version() + 1);
        assertThat(stored(cart)).isEqualTo(result.from());
        assertThat(stored(later)).isEqualTo(result.to());
    }

    @Test
    void moveLine_part_lowersTheSourceAndAddsUpWithTheSameSkuOnTheTarget() {
        Cart cart = add(shopping(), "C", 5);
        Cart wish = add(named(CartKind.WISH_LIST, "Wish"), "C", 2);

        LineMoveResult result = engine.moveLine(AS_ALICE, new LineMove(cart.id(), line(cart, "C").id(), wish.id(), 3),
                Mutation.none());

        assertThat(line(result.from(), "C").quantity()).isEqualTo(2);
        assertThat(result.to().lines()).singleElement().satisfies(l -> {
            assertThat(l.id()).isEqualTo(line(wish, "C").id());
            assertThat(l.quantity()).isEqualTo(5);
        });
    }

    @Test
    void moveLine_events_movedOutOnTheSourceMovedInOnTheTargetWithoutPersonalData() {
        Cart cart = add(shopping(), "C", 5);
        Cart wish = named(CartKind.WISH_LIST, "Anna's birthday");
        world.published.clear();

        LineMoveResult result = engine.moveLine(AS_ALICE, new LineMove(cart.id(), line(cart, "C").id(), wish.id(), 3),
                Mutation.none());

        assertThat(world.published).extracting(CartEvent::cartId, CartEvent::type, CartEvent::sequence)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(cart.id(), CartEvent.Type.LINE_MOVED_OUT, result.from().version()),
                        org.assertj.core.groups.Tuple.tuple(wish.id(), CartEvent.Type.LINE_MOVED_IN, result.to().version()));
        assertThat(world.published.get(0).data()).containsEntry("quantity", "3").containsEntry("sku", "C")
                .containsEntry("to", wish.id().toString());
        assertThat(world.published.get(1).data()).containsEntry("quantity", "3")
                .containsEntry("from", cart.id().toString())
                .containsEntry("lineId", line(result.to(), "C").id().value());
        String all = world.published.stream().map(e -> e.data().toString()).collect(Collectors.joining());
        assertThat(all).doesNotContain("alice").doesNotContain("Anna");
    }

    @Test
    void moveLine_targetOutOfStock_outOfStockAndBothCartsUnchanged() {
        world.inventory.setStock(Sku.of("C"), "default", 3);
        Cart wish = add(named(CartKind.WISH_LIST, "Wish"), "C", 2);
        Cart cart = add(shopping(), "C", 2);

        // 3 in stock; 2 on the cart + 2 moved = 4
        refused(LineMove.whole(wish.id(), line(wish, "C").id(), cart.id()), Mutation.none(),
                CartErrorCode.OUT_OF_STOCK, wish, cart);
    }

    @Test
    void moveLine_targetOverItsProductMaximum_quantityLimitAndBothUnchanged() {
        Cart wish = add(named(CartKind.WISH_LIST, "Wish"), "A", 3);
        Cart cart = add(shopping(), "A", 3);

        // A sells at most 5 per line
        refused(LineMove.whole(wish.id(), line(wish, "A").id(), cart.id()), Mutation.none(),
                CartErrorCode.QUANTITY_LIMIT, wish, cart);
    }

    @Test
    void moveLine_partBreakingTheStep_invalidQuantityAndBothUnchanged() {
        Cart cart = add(shopping(), "B", 4);
        Cart later = named(CartKind.SAVED_FOR_LATER, "Later");

        // B is sold in steps of 2: moving 1 leaves 3 and brings 1
        refused(new LineMove(cart.id(), line(cart, "B").id(), later.id(), 1), Mutation.none(),
                CartErrorCode.INVALID_QUANTITY, cart, later);
    }

    @Test
    void moveLine_targetOverItsKindsLimits_cartLimitAndBothUnchanged() {
        engine = world.builder().limits(CartKind.SAVED_FOR_LATER, new CartLimits(1, 50, null)).build();
        Cart later = add(named(CartKind.SAVED_FOR_LATER, "Later"), "C", 1);
        Cart cart = add(shopping(), "A", 1);

        refused(LineMove.whole(cart.id(), line(cart, "A").id(), later.id()), Mutation.none(),
                CartErrorCode.CART_LIMIT, cart, later);
    }

    @Test
    void moveLine_productNoLongerSoldInTheTargetsCountry_countryRestricted() {
        Cart wish = add(named(CartKind.WISH_LIST, "Wish"), "C", 1);
        Cart cart = engine.execute(AS_ALICE, shopping().id(), new CartCommand.ChangeCountry("AT"), Mutation.none());
        world.product("C", "1.00", java.util.Set.of("DE"), 1, 100, 1, 100);

        refused(LineMove.whole(wish.id(), line(wish, "C").id(), cart.id()), Mutation.none(),
                CartErrorCode.COUNTRY_RESTRICTED, wish, cart);
    }

    @Test
    void moveLine_badQuantities_invalidQuantity() {
        Cart cart = add(shopping(), "C", 2);
        Cart wish = named(CartKind.WISH_LIST, "Wish");
        for (int quantity : new int[] {0, -1, 3, Integer.MIN_VALUE, Integer.MAX_VALUE}) {
            refused(new LineMove(cart.id(), line(cart, "C").id(), wish.id(), quantity), Mutation.none(),
                    CartErrorCode.INVALID_QUANTITY, cart, wish);
        }
    }

    @Test
    void moveLine_lineNotOnTheSourceOrSameCart_invalidInput() {
        Cart cart = add(shopping(), "C", 2);
        Cart wish = add(named(CartKind.WISH_LIST, "Wish"), "C", 1);

        refused(LineMove.whole(cart.id(), line(wish, "C").id(), wish.id()), Mutation.none(),
                CartErrorCode.INVALID_INPUT, cart, wish);
        assertThatThrownBy(() -> LineMove.whole(cart.id(), line(cart, "C").id(), cart.id()))
                .isInstanceOf(CartException.class).extracting("code").isEqualTo(CartErrorCode.INVALID_INPUT);
        assertThatThrownBy(() -> engine.moveLine(AS_ALICE, null, Mutation.none()))
                .isInstanceOf(CartException.class).extracting("code").isEqualTo(CartErrorCode.INVALID_INPUT);
    }

    @Test
    void moveLine_currencyMismatch_currencyMismatchAndBothUnchanged() {
        Cart cart = add(shopping(), "C", 2);
        Cart usd = engine.createNamedCart(AS_ALICE, ALICE, CartKind.WISH_LIST, "US", NewCart.of("USD", "DE"));

        refused(LineMove.whole(cart.id(), line(cart, "C").id(), usd.id()), Mutation.none(),
                CartErrorCode.CURRENCY_MISMATCH, cart, usd);
    }

    @Test
    void moveLine_cartOfAnotherCustomer_accessDeniedAndNothingChanges() {
        Cart cart = add(shopping(), "C", 2);
        CustomerId bob = new CustomerId("bob");
        Cart bobs = engine.createCustomerCart(Actor.customer(bob), bob, NewCart.of("EUR", "DE"));

        refused(LineMove.whole(cart.id(), line(cart, "C").id(), bobs.id()), Mutation.none(),
                CartErrorCode.ACCESS_DENIED, cart, bobs);
        // support may open both, but a move never crosses owners; the refusal is in the audit trail
        dev.cartflow.core.memory.InMemoryAuditLog audit = new dev.cartflow.core.memory.InMemoryAuditLog();
        engine = world.builder().audit(audit).build();
        List<Cart> before = List.of(stored(cart), stored(bobs));
        assertThatThrownBy(() -> engine.moveLine(Actor.support("staff-1", "ticket-1"),
                LineMove.whole(cart.id(), line(cart, "C").id(), bobs.id()), Mutation.none()))
                .isInstanceOf(CartException.class).extracting("code").isEqualTo(CartErrorCode.ACCESS_DENIED);
        assertThat(List.of(stored(cart), stored(bobs))).isEqualTo(before);
        assertThat(audit.events()).last().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo(dev.cartflow.spi.AuditEvent.Outcome.DENIED);
            assertThat(e.operation()).isEqualTo(dev.cartflow.model.CartOperation.MOVE_LINE);
        });
    }

    @Test
    void moveLine_guestCartToACustomerCart_accessDenied() {
        CreatedCart guest = engine.createGuestCart(NewCart.of("EUR", "DE"));
        Cart guestCart = engine.addItem(guest.actor(), guest.cart().id(), Sku.of("C"), 1);
        Cart cart = shopping();

        assertThatThrownBy(() -> engine.moveLine(guest.actor(), LineMove.whole(guestCart.id(),
                guestCart.lines().get(0).id(), cart.id()), Mutation.none())).isInstanceOf(CartException.class)
                .extracting("code").isEqualTo(CartErrorCode.ACCESS_DENIED);
        assertThat(stored(guestCart)).isEqualTo(guestCart);
        assertThat(stored(cart)).isEqualTo(cart);
    }

    @Test
    void moveLine_closedTarget_cartNotActive() {
        Cart cart = add(shopping(), "C", 2);
        Cart done = add(shopping(), "C", 1);
        engine.checkout(AS_ALICE, done.id(), Mutation.none());

        refused(LineMove.whole(cart.id(), line(cart, "C").id(), done.id()), Mutation.none(),
                CartErrorCode.CART_NOT_ACTIVE, cart, done);
    }

    @Test
    void moveLine_staleExpectedVersion_versionConflictAndBothUnchanged() {
        Cart cart = add(shopping(), "C", 2);
        Cart wish = named(CartKind.WISH_LIST, "Wish");

        refused(LineMove.whole(cart.id(), line(cart, "C").id(), wish.id()), Mutation.expecting(cart.version() - 1),
                CartErrorCode.VERSION_CONFLICT, cart, wish);
        LineMoveResult moved = engine.moveLine(AS_ALICE, LineMove.whole(cart.id(), line(cart, "C").id(), wish.id()),
                Mutation.expecting(cart.version()));
        assertThat(moved.to().lines()).hasSize(1);
    }

    @Test
    void moveLine_sameKeyRepeated_movesOnceAndReturnsTheFirstResponse() {
        Cart cart = add(shopping(), "C", 4);
        Cart wish = named(CartKind.WISH_LIST, "Wish");
        LineMove move = new LineMove(cart.id(), line(cart, "C").id(), wish.id(), 1);

        LineMoveResult first = engine.moveLine(AS_ALICE, move, Mutation.idempotent("move-1"));
        LineMoveResult again = engine.moveLine(AS_ALICE, move, Mutation.idempotent("move-1"));
        // another engine over the same store (a restart) replays it too
        LineMoveResult restarted = world.engine().moveLine(AS_ALICE, move, Mutation.idempotent("move-1"));

        for (LineMoveResult r : List.of(again, restarted)) {
            assertThat(r.from().version()).isEqualTo(first.from().version());
            assertThat(r.to().version()).isEqualTo(first.to().version());
            assertThat(r.from().lines()).isEqualTo(first.from().lines());
            assertThat(r.to().lines()).isEqualTo(first.to().lines());
        }
        assertThat(line(stored(cart), "C").quantity()).isEqualTo(3);
        assertThat(line(stored(wish), "C").quantity()).isEqualTo(1);
    }

    @Test
    void moveLine_keyReusedForAnotherRequest_keyReused() {
        Cart cart = add(shopping(), "C", 4);
        Cart wish = named(CartKind.WISH_LIST, "Wish");
        engine.moveLine(AS_ALICE, new LineMove(cart.id(), line(cart, "C").id(), wish.id(), 1), Mutation.idempotent("k"));

        refused(new LineMove(cart.id(), line(cart, "C").id(), wish.id(), 2), Mutation.idempotent("k"),
                CartErrorCode.IDEMPOTENCY_KEY_REUSED, cart, wish);
        assertThatThrownBy(() -> engine.execute(AS_ALICE, cart.id(), new CartCommand.Clear(), Mutation.idempotent("k")))
                .isInstanceOf(CartException.class).extracting("code").isEqualTo(CartErrorCode.IDEMPOTENCY_KEY_REUSED);
    }

    @Test
    void moveLine_storeFailsTheWrite_providerUnavailableAndBothUnchanged() {
        Cart cart = add(shopping(), "C", 2);
        Cart wish = named(CartKind.WISH_LIST, "Wish");
        engine = world.builder().repository(new DelegatingRepository(world.repository) {
            @Override
            public void saveAll(List<CartWrite> writes) {
                throw new IllegalStateException("the database is gone");
            }
        }).build();

        refused(LineMove.whole(cart.id(), line(cart, "C").id(), wish.id()), Mutation.none(),
                CartErrorCode.PROVIDER_UNAVAILABLE, cart, wish);
    }

    @Test
    void moveLine_targetChangedBeforeTheWrite_strictMoveConflictsAndBothUnchanged() {
        Cart cart = add(shopping(), "C", 2);
        Cart wish = named(CartKind.WISH_LIST, "Wish");
        CartEngine other = world.engine();
        AtomicBoolean raced = new AtomicBoolean();
        engine = world.builder().repository(racing(w -> {
            if (raced.compareAndSet(false, true)) {
                other.addItem(AS_ALICE, wish.id(), Sku.of("A"), 1);
            }
        })).build();
        Cart cartBefore = stored(cart);

        assertThatThrownBy(() -> engine.moveLine(AS_ALICE, LineMove.whole(cart.id(), line(cart, "C").id(), wish.id()),
                Mutation.expecting(cart.version()))).isInstanceOf(CartException.class).extracting("code")
                .isEqualTo(CartErrorCode.VERSION_CONFLICT);
        assertThat(stored(cart)).isEqualTo(cartBefore);
        assertThat(stored(wish).lines()).extracting(l -> l.sku().value()).containsExactly("A");
    }

    @Test
    void moveLine_targetChangedBeforeTheWrite_retriesOnFreshCartsAndKeepsBothChanges() {
        Cart cart = add(shopping(), "C", 2);
        Cart wish = named(CartKind.WISH_LIST, "Wish");
        CartEngine other = world.engine();
        AtomicBoolean raced = new AtomicBoolean();
        engine = world.builder().repository(racing(w -> {
            if (raced.compareAndSet(false, true)) {
                other.addItem(AS_ALICE, wish.id(), Sku.of("C"), 1);
            }
        })).build();

        LineMoveResult result = engine.moveLine(AS_ALICE, LineMove.whole(cart.id(), line(cart, "C").id(), wish.id()),
                Mutation.none());

        assertThat(result.from().lines()).isEmpty();
        assertThat(line(result.to(), "C").quantity()).isEqualTo(3);
        assertThat(stored(wish)).isEqualTo(result.to());
    }

    /** A store where something happens just before each saveAll (a concurrent change landing). */
    private DelegatingRepository racing(Consumer<List<CartWrite>> beforeSaveAll) {
        return new DelegatingRepository(world.repository) {
            @Override
            public void saveAll(List<CartWrite> writes) {
                beforeSaveAll.accept(writes);
                super.saveAll(writes);
            }
        };
    }

    @Test
    void moveLine_racingAddsAndMovesBothWays_noUnitIsLostOrMadeUp() throws Exception {
        long seed = Long.getLong("cartflow.test.seed", 20261201L);
        Random random = new Random(seed);
        world.product("M", "1.00", java.util.Set.of(), 1, 100_000, 1, 0);
        engine = world.builder().limits(new CartLimits(10, 100_000, null))
                .conflictRetryBudget(java.time.Duration.ofSeconds(60)).build();
        Cart cart = add(shopping(), "M", 10);
        Cart later = add(named(CartKind.SAVED_FOR_LATER, "Later"), "M", 10);
        List<Cart> carts = List.of(cart, later);
        int threads = 6;
        int perThread = 40;
        int[][] plan = new int[threads][perThread];
        for (int[] row : plan) {
            for (int i = 0; i < row.length; i++) {
                row[i] = random.nextInt(3);
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> added = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                int[] steps = plan[t];
                int offset = t;
                added.add(pool.submit(() -> {
                    start.await();
                    int units = 0;
                    for (int i = 0; i < steps.length; i++) {
                        Cart from = carts.get((offset + i) % 2);
                        Cart to = carts.get((offset + i + 1) % 2);
                        if (steps[i] == 0) {
                            engine.addItem(AS_ALICE, from.id(), Sku.of("M"), 1);
                            units++;
                        } else {
                            Optional<LineItem> line = stored(from).lines().stream().findFirst();
                            if (line.isEmpty()) {
                                continue;
                            }
                            try {
                                engine.moveLine(AS_ALICE, new LineMove(from.id(), line.get().id(), to.id(), 1),
                                        Mutation.none());
                            } catch (CartException e) {
                                // the line may have left since it was read: the move is refused, nothing changes
                                if (e.code() != CartErrorCode.INVALID_INPUT && e.code() != CartErrorCode.INVALID_QUANTITY) {
                                    throw e;
                                }
                            }
                        }
                    }
                    return units;
                }));
            }
            start.countDown();
            int units = 20;
            for (Future<Integer> f : added) {
                units += f.get();
            }
            long onCarts = stored(cart).totalQuantity() + stored(later).totalQuantity();
            assertThat(onCarts).as("seed %d", seed).isEqualTo(units);
            Map<CartEvent.Type, Long> types = world.published.stream()
                    .collect(Collectors.groupingBy(CartEvent::type, Collectors.counting()));
            assertThat(types.getOrDefault(CartEvent.Type.LINE_MOVED_OUT, 0L)).as("seed %d", seed)
                    .isEqualTo(types.getOrDefault(CartEvent.Type.LINE_MOVED_IN, 0L)).isPositive();
        } finally {
            pool.shutdownNow();
        }
    }
}
