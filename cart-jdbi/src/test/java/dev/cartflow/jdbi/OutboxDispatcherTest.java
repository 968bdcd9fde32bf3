package dev.cartflow.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartflow.model.CartEvent;
import dev.cartflow.model.CartId;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.spi.CartEventPublisher;
import dev.cartflow.error.CartException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OutboxDispatcherTest {
    private static PostgresFixture db;

    @BeforeAll
    static void start() {
        db = PostgresFixture.create(6);
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @BeforeEach
    void empty() {
        db.truncate();
    }

    /** Inserts {@code perCart} events (sequences 1..perCart) for each cart in one statement. */
    private static List<CartId> insertEvents(int carts, int perCart) {
        List<CartId> ids = new ArrayList<>();
        List<CartEvent> events = new ArrayList<>();
        for (int c = 0; c < carts; c++) {
            CartId id = CartId.random();
            ids.add(id);
            for (int s = 1; s <= perCart; s++) {
                events.add(new CartEvent(id, s, 0, CartEvent.Type.QUANTITY_CHANGED, TestCarts.T0.plusSeconds(s),
                        Map.of("n", Integer.toString(s))));
            }
        }
        db.jdbi.useTransaction(h -> CartStore.insertEvents(h, events));
        return ids;
    }

    @Test
    void dispatch_crashesEvery500Deliveries_everyEventDeliveredInPerCartOrder() throws Exception {
        int carts = 200;
        int perCart = 50;
        insertEvents(carts, perCart);
        Map<CartId, List<Long>> received = new HashMap<>();
        AtomicInteger deliveries = new AtomicInteger();
        AtomicInteger crashes = new AtomicInteger();
        AtomicBoolean crashed = new AtomicBoolean();
        List<String> orderViolations = new ArrayList<>();
        CartEventPublisher publisher = events -> {
            synchronized (received) {
                for (CartEvent e : events) {
                    List<Long> seen = received.computeIfAbsent(e.cartId(), k -> new ArrayList<>());
                    // per-cart order: an event arrives only after every earlier event of its cart
                    if (e.sequence() > 1 && !seen.contains(e.sequence() - 1)) {
                        orderViolations.add(e.cartId() + "#" + e.sequence());
                    }
                    seen.add(e.sequence());
                }
                int before = deliveries.getAndAdd(events.size());
                if (before / 500 != (before + events.size()) / 500) {
                    crashes.incrementAndGet();
                    crashed.set(true);
                    // delivered but never acknowledged: the dispatcher dies before its commit
                    throw new IllegalStateException("simulated crash after publishing");
                }
            }
        };
        List<OutboxDispatcher> running = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            running.add(newDispatcher(publisher, i));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        int generation = 2;
        while (System.nanoTime() < deadline) {
            if (crashed.getAndSet(false)) {
                // stop one dispatcher abruptly after the crash and start a fresh one
                OutboxDispatcher victim = running.remove(0);
                victim.stop();
                running.add(newDispatcher(publisher, generation++));
            }
            if (db.jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM outbox WHERE dispatched_at IS NULL")
                    .mapTo(Long.class).one()) == 0) {
                break;
            }
            Thread.sleep(5);
        }
        running.forEach(OutboxDispatcher::stop);

        int duplicates = deliveries.get() - carts * perCart;
        System.out.printf("outbox fault run: %d events, %d deliveries, %d duplicates, %d crashes/restarts%n",
                carts * perCart, deliveries.get(), duplicates, crashes.get());
        assertThat(crashes.get()).isGreaterThanOrEqualTo(10);
        assertThat(orderViolations).isEmpty();
        assertThat(received).hasSize(carts);
        for (List<Long> seen : received.values()) {
            List<Long> firstOccurrences = new ArrayList<>(new java.util.LinkedHashSet<>(seen));
            assertThat(firstOccurrences).hasSize(perCart);
            for (int s = 0; s < perCart; s++) {
                assertThat(firstOccurrences.get(s)).isEqualTo(s + 1L);
            }
        }
        // at-least-once: duplicates only come from rounds that crashed after publishing
        assertThat(duplicates).isBetween(0, crashes.get() * 200);
        assertThat(running.get(0).lag().pendingEvents()).isZero();
    }

    private static OutboxDispatcher newDispatcher(CartEventPublisher publisher, int n) {
        OutboxDispatcher d = OutboxDispatcher.builder(db.jdbi, publisher)
                .batchCarts(20)
                .batchEvents(200)
                .pollInterval(Duration.ofMillis(5))
                .backoff(Duration.ofMillis(1), Duration.ofMillis(5))
                .name("outbox-test-" + n)
                .build();
        d.start();
        return d;
    }

    @Test
    void dispatchOnce_twoDispatchersSideBySide_neverDeliverOneCartTwiceConcurrently() throws Exception {
        insertEvents(40, 10);
        Set<CartId> inFlight = new HashSet<>();
        AtomicInteger overlaps = new AtomicInteger();
        AtomicInteger delivered = new AtomicInteger();
        CartEventPublisher slow = events -> {
            Set<CartId> mine = new HashSet<>();
            events.forEach(e -> mine.add(e.cartId()));
            synchronized (inFlight) {
                for (CartId id : mine) {
                    if (!inFlight.add(id)) {
                        overlaps.incrementAndGet();
                    }
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (inFlight) {
                inFlight.removeAll(mine);
            }
            delivered.addAndGet(events.size());
        };
        OutboxDispatcher a = OutboxDispatcher.builder(db.jdbi, slow).batchCarts(5).build();
        OutboxDispatcher b = OutboxDispatcher.builder(db.jdbi, slow).batchCarts(5).build();
        Thread other = new Thread(() -> {
            while (b.dispatchOnce() > 0) {
                // drain
            }
        });
        other.start();
        while (a.dispatchOnce() > 0) {
            // drain
        }
        other.join(30_000);

        assertThat(overlaps.get()).isZero();
        assertThat(delivered.get()).isEqualTo(400);
        assertThat(a.delivered()).isPositive();
        assertThat(b.delivered()).isPositive();
    }

    @Test
    void dispatchOnce_publisherFails_retriesAfterBackoffAndCountsAttempts() throws Exception {
        insertEvents(1, 3);
        AtomicInteger calls = new AtomicInteger();
        List<CartEvent> got = new ArrayList<>();
        OutboxDispatcher dispatcher = OutboxDispatcher.builder(db.jdbi, events -> {
            if (calls.incrementAndGet() <= 2) {
                throw new IllegalStateException("broker down");
            }
            got.addAll(events);
        }).backoff(Duration.ofMillis(200), Duration.ofSeconds(1)).build();

        assertThatThrownBy(dispatcher::dispatchOnce).isInstanceOfSatisfying(CartException.class,
                e -> assertThat(e.code()).isEqualTo(CartErrorCode.PROVIDER_UNAVAILABLE));
        assertThat(dispatcher.dispatchOnce()).as("backing off").isZero();
        Thread.sleep(250);
        assertThatThrownBy(dispatcher::dispatchOnce).isInstanceOf(CartException.class);
        Thread.sleep(450);
        assertThat(dispatcher.dispatchOnce()).isEqualTo(3);

        assertThat(got).extracting(CartEvent::sequence).containsExactly(1L, 2L, 3L);
        List<Integer> attempts = db.jdbi.withHandle(h -> h.createQuery("SELECT attempts FROM outbox ORDER BY sequence")
                .mapTo(Integer.class).list());
        assertThat(attempts).containsExactly(3, 1, 1);
    }

    @Test
    void lag_pendingEvents_reportsCountAndAgeUntilDelivered() {
        insertEvents(2, 2);
        Clock clock = Clock.fixed(TestCarts.T0.plusSeconds(61), ZoneOffset.UTC);
        OutboxDispatcher dispatcher = OutboxDispatcher.builder(db.jdbi, CartEventPublisher.NONE).clock(clock).build();

        OutboxDispatcher.Lag before = dispatcher.lag();
        dispatcher.dispatchOnce();
        OutboxDispatcher.Lag after = dispatcher.lag();

        assertThat(before.pendingEvents()).isEqualTo(4);
        assertThat(before.oldestPending()).isEqualTo(Duration.ofSeconds(60));
        assertThat(after).isEqualTo(new OutboxDispatcher.Lag(0, Duration.ZERO));
    }

    @Test
    void start_thenStop_deliversInBackgroundAndStops() throws Exception {
        insertEvents(3, 3);
        AtomicInteger got = new AtomicInteger();
        OutboxDispatcher dispatcher = OutboxDispatcher.builder(db.jdbi, events -> got.addAndGet(events.size()))
                .pollInterval(Duration.ofMillis(10)).build();
        dispatcher.start();
        long deadline = System.currentTimeMillis() + 10_000;
        while (got.get() < 9 && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        dispatcher.stop();

        assertThat(got.get()).isEqualTo(9);
        assertThat(dispatcher.isRunning()).isFalse();
    }

    @Test
    void delete_cartWithUndeliveredEvent_dispatcherStillDeliversIt() {
        JdbiCartRepository repository = JdbiCartRepository.create(db.jdbi);
        dev.cartflow.model.Cart cart = TestCarts.guestCart(CartId.random());
        repository.save(TestCarts.create(cart));
        dev.cartflow.spi.CartWrite expired = new dev.cartflow.spi.CartWrite(
                cart.toBuilder().version(2).state(dev.cartflow.model.CartState.EXPIRED).build(), 1,
                List.of(new CartEvent(cart.id(), 2, 0, CartEvent.Type.EXPIRED, TestCarts.T0, Map.of())), null);
        repository.save(expired);
        List<CartEvent> received = new ArrayList<>();

        assertThat(repository.delete(cart.id())).isTrue();
        OutboxDispatcher.builder(db.jdbi, received::addAll).build().dispatchOnce();

        assertThat(received).extracting(CartEvent::type)
                .containsExactly(CartEvent.Type.CREATED, CartEvent.Type.EXPIRED);
        assertThat(repository.find(cart.id())).isEmpty();
    }

    @Test
    void delete_cartWithDeliveredEvents_removesThemAndKeepsOthersCarts() {
        JdbiCartRepository repository = JdbiCartRepository.create(db.jdbi);
        dev.cartflow.model.Cart gone = TestCarts.guestCart(CartId.random());
        dev.cartflow.model.Cart kept = TestCarts.guestCart(CartId.random());
        repository.save(TestCarts.create(gone));
        repository.save(TestCarts.create(kept));
        OutboxDispatcher.builder(db.jdbi, CartEventPublisher.NONE).build().dispatchOnce();

        repository.delete(gone.id());

        assertThat(db.count("SELECT count(*) FROM outbox WHERE cart_id = '" + gone.id() + "'")).isZero();
        assertThat(db.count("SELECT count(*) FROM outbox WHERE cart_id = '" + kept.id() + "'")).isEqualTo(1);
    }

    @Test
    void purgeDispatchedBefore_deliveredEvents_removesOnlyThose() {
        insertEvents(1, 2);
        OutboxDispatcher dispatcher = OutboxDispatcher.builder(db.jdbi, CartEventPublisher.NONE).build();
        dispatcher.dispatchOnce();
        insertEvents(1, 1);

        int purged = dispatcher.purgeDispatchedBefore(Instant.now().plusSeconds(5));

        assertThat(purged).isEqualTo(2);
        assertThat(dispatcher.lag().pendingEvents()).isEqualTo(1);
    }
}
