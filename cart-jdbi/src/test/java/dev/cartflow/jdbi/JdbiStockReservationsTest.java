package dev.cartflow.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.cartflow.core.CartEngine;
import dev.cartflow.core.CheckoutResult;
import dev.cartflow.core.Mutation;
import dev.cartflow.core.NewCart;
import dev.cartflow.core.memory.InMemoryCatalog;
import dev.cartflow.core.memory.InMemoryPricing;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CartState;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.LineItem;
import dev.cartflow.model.Money;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.Product;
import dev.cartflow.model.Rate;
import dev.cartflow.model.Sku;
import dev.cartflow.spi.CartRepository;
import dev.cartflow.spi.CartWrite;
import dev.cartflow.spi.IdempotencyRecord;
import dev.cartflow.spi.StockKey;
import dev.cartflow.tck.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link JdbiStockReservations} beyond the contract: two processes (two pools on one server) racing,
 * a checkout whose process dies between reserving and storing, the sweeper, holds and bad input.
 */
class JdbiStockReservationsTest {
    private static final Duration HOLD = Duration.ofMinutes(15);
    private static final Sku LAMP = Sku.of("LAMP");
    private static final StockKey LAMP_MAIN = new StockKey(LAMP, LineItem.DEFAULT_WAREHOUSE);
    private static final long LAMPS = 5;

    private static PostgresFixture db;
    private static HikariDataSource otherPool;
    private static Jdbi otherProcess;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T12:00:00Z"));

    @BeforeAll
    static void start() {
        db = PostgresFixture.create(8);
        otherPool = TestDatabase.pool(db.schema, 8);
        otherProcess = Jdbi.create(otherPool);
    }

    @AfterAll
    static void stop() {
        otherPool.close();
        db.close();
    }

    @BeforeEach
    void empty() {
        JdbiStockReservationsContractTest.truncate(db);
    }

    private JdbiStockReservations reservations(Jdbi jdbi, Map<StockKey, Long> levels) {
        return JdbiStockReservations.builder(jdbi, JdbiStockReservationsContractTest.levels(levels))
                .holdFor(HOLD).clock(clock).build();
    }

    private static String checkoutId(UUID cart, long version) {
        return "checkout-" + cart + "-" + version;
    }

    private static long reservationRows(String id) {
        return db.jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM stock_reservations WHERE reservation_id = :id")
                .bind("id", id).mapTo(Long.class).one());
    }

    private static long heldUnits(StockKey key) {
        return db.jdbi.withHandle(h -> h.createQuery("""
                        SELECT coalesce(sum(units), 0) FROM stock_reservation_lines WHERE sku = :sku AND warehouse = :w""")
                .bind("sku", key.sku().value()).bind("w", key.warehouse()).mapTo(Long.class).one());
    }

    private static Optional<Instant> holdUntil(String id) {
        return db.jdbi.withHandle(h -> h.createQuery("SELECT hold_until FROM stock_reservations WHERE reservation_id = :id")
                .bind("id", id).map((rs, ctx) -> Optional.ofNullable(CartRows.instant(rs, "hold_until"))).one());
    }

    @Test
    void reserve_twoProcessesRacingForTheLastUnits_oneWinsAndTheLoserHoldsNothing() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 30; round++) {
                StockKey key = new StockKey(Sku.of("LAST-" + round), "main");
                int units = 1 + round % 3;
                List<JdbiStockReservations> processes = List.of(reservations(db.jdbi, Map.of(key, (long) units)),
                        reservations(otherProcess, Map.of(key, (long) units)));
                List<String> ids = List.of(checkoutId(UUID.randomUUID(), 1), checkoutId(UUID.randomUUID(), 4));
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<CartErrorCode>> outcomes = new ArrayList<>();
                for (int p = 0; p < 2; p++) {
                    int process = p;
                    outcomes.add(threads.submit(() -> {
                        start.await(10, TimeUnit.SECONDS);
                        try {
                            processes.get(process).reserve(ids.get(process), Map.of(key, units));
                            return null;
                        } catch (CartException e) {
                            return e.code();
                        }
                    }));
                }
                List<CartErrorCode> codes = new ArrayList<>();
                for (Future<CartErrorCode> outcome : outcomes) {
                    codes.add(outcome.get(30, TimeUnit.SECONDS));
                }

                assertThat(codes).as("round %d", round).containsExactlyInAnyOrder(null, CartErrorCode.OUT_OF_STOCK);
                String loser = ids.get(codes.indexOf(CartErrorCode.OUT_OF_STOCK));
                String winner = ids.get(codes.indexOf(null));
                assertThat(reservationRows(loser)).isZero();
                assertThat(reservationRows(winner)).isOne();
                assertThat(heldUnits(key)).isEqualTo(units);
                assertThat(processes.get(0).unreserved(Set.of(key))).isEqualTo(Map.of(key, 0L));
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /** Thrown by the repository in place of storing the checked-out cart: the process is gone. */
    private static final class ProcessDied extends Error {
        ProcessDied() {
            super("process died before storing the checked-out cart", null, false, false);
        }
    }

    /** The cart repository of a process that may die just before it stores a checked-out cart. */
    private static final class DyingRepository implements CartRepository {
        private final CartRepository delegate;
        volatile boolean dieAtCheckout = true;

        DyingRepository(CartRepository delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<Cart> find(CartId id) {
            return delegate.find(id);
        }

        @Override
        public Optional<Cart> findActiveByCustomer(CustomerId customerId) {
            return delegate.findActiveByCustomer(customerId);
        }

        @Override
        public void save(CartWrite write) {
            if (dieAtCheckout && write.cart().state() == CartState.CHECKED_OUT) {
                throw new ProcessDied();
            }
            delegate.save(write);
        }

        @Override
        public void saveAll(List<CartWrite> writes) {
            writes.forEach(this::save);
        }

        @Override
        public Optional<IdempotencyRecord> findIdempotency(String key, Instant now) {
            return delegate.findIdempotency(key, now);
        }
    }

    private record Shop(CartEngine engine, DyingRepository repository, JdbiStockReservations reservations,
                        Actor shopper, Cart cart) {
    }

    private Shop shopWithLamps(int inCart) {
        JdbiStockReservations reservations = reservations(db.jdbi, Map.of(LAMP_MAIN, LAMPS));
        DyingRepository repository = new DyingRepository(JdbiCartRepository.create(db.jdbi));
        InMemoryCatalog catalog = new InMemoryCatalog().put(new Product(LAMP, "home", null, 900, Set.of(), 1, 100, 1));
        InMemoryPricing pricing = new InMemoryPricing().put(PriceQuote.of(LAMP, Money.ofMinor(4_900, TestCarts.EUR),
                Rate.parse("0.19")));
        CartEngine engine = CartEngine.builder().repository(repository).catalog(catalog).pricing(pricing)
                .inventory(JdbiStockReservationsContractTest.levels(Map.of(LAMP_MAIN, LAMPS)))
                .reservations(reservations).build();
        CustomerId customer = new CustomerId("c-" + UUID.randomUUID());
        Actor shopper = Actor.customer(customer);
        Cart cart = engine.createCustomerCart(shopper, customer, NewCart.of("EUR", "DE"));
        cart = engine.addItem(shopper, cart.id(), LAMP, inCart);
        return new Shop(engine, repository, reservations, shopper, cart);
    }

    private static void dieAtCheckout(Shop shop) {
        assertThatThrownBy(() -> shop.engine().checkout(shop.shopper(), shop.cart().id(), Mutation.none()))
                .isInstanceOf(ProcessDied.class);
    }

    @Test
    void releaseAbandoned_processDiedBetweenReserveAndFrozenWrite_releasedOnceTheHoldEnds() {
        Shop shop = shopWithLamps(2);
        String reservation = checkoutId(shop.cart().id().value(), shop.cart().version());

        dieAtCheckout(shop);

        assertThat(shop.repository().find(shop.cart().id())).get().extracting(Cart::state).isEqualTo(CartState.ACTIVE);
        assertThat(reservationRows(reservation)).isOne();
        assertThat(shop.reservations().unreserved(Set.of(LAMP_MAIN))).isEqualTo(Map.of(LAMP_MAIN, LAMPS - 2));
        assertThat(shop.reservations().releaseAbandoned(shop.repository(), 100)).isZero();

        clock.advance(HOLD.plusSeconds(1));

        assertThat(shop.reservations().releaseAbandoned(shop.repository(), 100)).isOne();
        assertThat(reservationRows(reservation)).isZero();
        assertThat(shop.reservations().unreserved(Set.of(LAMP_MAIN))).isEqualTo(Map.of(LAMP_MAIN, LAMPS));
        shop.reservations().reserve(checkoutId(UUID.randomUUID(), 1), Map.of(LAMP_MAIN, (int) LAMPS));
    }

    @Test
    void checkout_repeatedAfterTheProcessDied_reservesOnceAndTheSweeperConfirmsIt() {
        Shop shop = shopWithLamps(3);
        String reservation = checkoutId(shop.cart().id().value(), shop.cart().version());
        dieAtCheckout(shop);
        shop.repository().dieAtCheckout = false;

        CheckoutResult result = shop.engine().checkout(shop.shopper(), shop.cart().id(), Mutation.none());

        assertThat(result.reservationId()).isEqualTo(reservation);
        assertThat(result.cart().state()).isEqualTo(CartState.CHECKED_OUT);
        assertThat(reservationRows(reservation)).isOne();
        assertThat(heldUnits(LAMP_MAIN)).isEqualTo(3);
        clock.advance(HOLD.plusSeconds(1));
        assertThat(shop.reservations().releaseAbandoned(shop.repository(), 100)).isZero();
        assertThat(holdUntil(reservation)).isEmpty();
        clock.advance(Duration.ofDays(2));
        assertThat(shop.reservations().releaseAbandoned(shop.repository(), 100)).isZero();
        assertThat(shop.reservations().unreserved(Set.of(LAMP_MAIN))).isEqualTo(Map.of(LAMP_MAIN, LAMPS - 3));
    }

    @Test
    void releaseAbandoned_cartChangedAfterTheProcessDied_releasesOnlyTheStaleReservation() {
        Shop shop = shopWithLamps(1);
        String stale = checkoutId(shop.cart().id().value(), shop.cart().version());
        dieAtCheckout(shop);
        shop.repository().dieAtCheckout = false;
        Cart changed = shop.engine().addItem(shop.shopper(), shop.cart().id(), LAMP, 1);

        CheckoutResult result = shop.engine().checkout(shop.shopper(), shop.cart().id(), Mutation.none());
        clock.advance(HOLD.plusSeconds(1));

        assertThat(result.reservationId()).isEqualTo(checkoutId(changed.id().value(), changed.version()));
        assertThat(heldUnits(LAMP_MAIN)).isEqualTo(1 + 2);
        assertThat(shop.reservations().releaseAbandoned(shop.repository(), 100)).isOne();
        assertThat(reservationRows(stale)).isZero();
        assertThat(reservationRows(result.reservationId())).isOne();
        assertThat(heldUnits(LAMP_MAIN)).isEqualTo(2);
    }

    @Test
    void reserve_sameIdAgainAfterTheHoldEnded_holdsNothingMoreAndIsNotSwept() {
        JdbiStockReservations reservations = reservations(db.jdbi, Map.of(LAMP_MAIN, LAMPS));
        CartRepository carts = JdbiCartRepository.create(db.jdbi);
        String id = checkoutId(UUID.randomUUID(), 7);
        reservations.reserve(id, Map.of(LAMP_MAIN, 2));
        clock.advance(HOLD.plusSeconds(1));

        reservations.reserve(id, Map.of(LAMP_MAIN, 2));

        assertThat(heldUnits(LAMP_MAIN)).isEqualTo(2);
        assertThat(holdUntil(id)).contains(clock.instant().plus(HOLD));
        assertThat(reservations.releaseAbandoned(carts, 100)).isZero();
        clock.advance(HOLD.plusSeconds(1));
        assertThat(reservations.releaseAbandoned(carts, 100)).isOne();
    }

    @Test
    void releaseAbandoned_reservationNamingNoCart_heldUntilReleased() {
        JdbiStockReservations reservations = reservations(db.jdbi, Map.of(LAMP_MAIN, LAMPS));
        CartRepository carts = JdbiCartRepository.create(db.jdbi);
        List<String> hostIds = List.of("order-77", "checkout-not-a-cart-1", "checkout-" + UUID.randomUUID() + "-x");
        hostIds.forEach(id -> reservations.reserve(id, Map.of(LAMP_MAIN, 1)));
        clock.advance(Duration.ofDays(30));

        assertThat(reservations.releaseAbandoned(carts, 100)).isZero();
        assertThat(heldUnits(LAMP_MAIN)).isEqualTo(hostIds.size());
        hostIds.forEach(reservations::release);
        assertThat(heldUnits(LAMP_MAIN)).isZero();
    }

    @Test
    void releaseAbandoned_moreThanABatch_releasesOneBatchPerRun() {
        JdbiStockReservations reservations = reservations(db.jdbi, Map.of(LAMP_MAIN, LAMPS));
        CartRepository carts = JdbiCartRepository.create(db.jdbi);
        for (int i = 0; i < 5; i++) {
            reservations.reserve(checkoutId(UUID.randomUUID(), i), Map.of(LAMP_MAIN, 1));
        }
        clock.advance(HOLD.plusSeconds(1));

        assertThat(reservations.releaseAbandoned(carts, 3)).isEqualTo(3);
        assertThat(reservations.releaseAbandoned(carts, 3)).isEqualTo(2);
        assertThat(heldUnits(LAMP_MAIN)).isZero();
    }

    @Test
    void reserve_untrackedKey_unlimitedButHeld() {
        StockKey mug = new StockKey(Sku.of("MUG"), "main");
        JdbiStockReservations reservations = reservations(db.jdbi, Map.of(LAMP_MAIN, LAMPS));

        reservations.reserve(checkoutId(UUID.randomUUID(), 1), Map.of(mug, 1_000, LAMP_MAIN, 1));

        assertThat(heldUnits(mug)).isEqualTo(1_000);
        assertThat(reservations.unreserved(Set.of(mug, LAMP_MAIN))).isEqualTo(Map.of(LAMP_MAIN, LAMPS - 1));
    }

    @Test
    void reserve_inventoryFails_providerUnavailableAndNothingHeld() {
        JdbiStockReservations reservations = JdbiStockReservations.create(db.jdbi, keys -> {
            throw new IllegalStateException("stock feed down");
        });
        String id = checkoutId(UUID.randomUUID(), 1);

        assertThatThrownBy(() -> reservations.reserve(id, Map.of(LAMP_MAIN, 1))).isInstanceOfSatisfying(
                CartException.class, e -> assertThat(e.code()).isEqualTo(CartErrorCode.PROVIDER_UNAVAILABLE));
        assertThat(reservationRows(id)).isZero();
    }

    @Test
    void everyMethod_badInput_invalidInput() {
        JdbiStockReservations reservations = reservations(db.jdbi, Map.of(LAMP_MAIN, LAMPS));
        CartRepository carts = JdbiCartRepository.create(db.jdbi);
        Map<StockKey, Integer> nullCount = new java.util.HashMap<>();
        nullCount.put(LAMP_MAIN, null);
        Set<StockKey> nullKey = new java.util.HashSet<>();
        nullKey.add(null);
        List<org.assertj.core.api.ThrowableAssert.ThrowingCallable> calls = List.of(
                () -> reservations.reserve(null, Map.of(LAMP_MAIN, 1)),
                () -> reservations.reserve("", Map.of(LAMP_MAIN, 1)),
                () -> reservations.reserve("r", null),
                () -> reservations.reserve("r", Map.of(LAMP_MAIN, 0)),
                () -> reservations.reserve("r", nullCount),
                () -> reservations.reserve("r\u0000", Map.of(LAMP_MAIN, 1)),
                () -> reservations.release(null),
                () -> reservations.unreserved(null),
                () -> reservations.unreserved(nullKey),
                () -> reservations.releaseAbandoned(null, 1),
                () -> reservations.releaseAbandoned(carts, 0),
                () -> JdbiStockReservations.create(null, keys -> Map.of()),
                () -> JdbiStockReservations.create(db.jdbi, null),
                () -> JdbiStockReservations.builder(db.jdbi, keys -> Map.of()).holdFor(Duration.ZERO),
                () -> JdbiStockReservations.builder(db.jdbi, keys -> Map.of()).clock(null));
        for (var call : calls) {
            assertThatThrownBy(call).isInstanceOfSatisfying(CartException.class,
                    e -> assertThat(e.code()).isEqualTo(CartErrorCode.INVALID_INPUT));
        }
        assertThat(heldUnits(LAMP_MAIN)).isZero();
    }

    @Test
    void everyMethod_unreachableDatabase_providerUnavailable() {
        JdbiStockReservations reservations = JdbiStockReservations.create(
                Jdbi.create("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2"),
                JdbiStockReservationsContractTest.levels(Map.of(LAMP_MAIN, LAMPS)));
        CartRepository carts = JdbiCartRepository.create(db.jdbi);
        List<org.assertj.core.api.ThrowableAssert.ThrowingCallable> calls = List.of(
                () -> reservations.reserve("r", Map.of(LAMP_MAIN, 1)), () -> reservations.release("r"),
                () -> reservations.unreserved(Set.of(LAMP_MAIN)), () -> reservations.releaseAbandoned(carts, 1));
        for (var call : calls) {
            assertThatThrownBy(call).isExactlyInstanceOf(CartException.class).isInstanceOfSatisfying(CartException.class,
                    e -> assertThat(e.code()).isEqualTo(CartErrorCode.PROVIDER_UNAVAILABLE));
        }
    }
}
