package dev.cartflow.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.core.CartEngine;
import dev.cartflow.core.CreatedCart;
import dev.cartflow.core.NewCart;
import dev.cartflow.core.memory.InMemoryCatalog;
import dev.cartflow.core.memory.InMemoryPricing;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.Money;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.Product;
import dev.cartflow.model.Rate;
import dev.cartflow.model.Sku;
import dev.cartflow.tck.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The engine's purge over {@link JdbiCartRepository} with the documented wiring (events leave only
 * through the outbox and the {@link OutboxDispatcher}): what a purge writes and what it must keep.
 * Triggers in this class's own schema record the transaction of every cart update and outbox insert,
 * so "in the same transaction" is checked on the database itself.
 */
class JdbiPurgeThroughOutboxTest {
    private static final Duration GUEST_TTL = Duration.ofDays(1);
    private static final Duration RETENTION = Duration.ofDays(1);
    private static PostgresFixture db;

    private MutableClock clock;
    private JdbiCartRepository repository;
    private CartEngine engine;

    @BeforeAll
    static void start() {
        db = PostgresFixture.create(4);
        db.jdbi.useHandle(h -> {
            h.execute("CREATE TABLE write_log (tbl text NOT NULL, detail text NOT NULL, tx bigint NOT NULL)");
            h.execute("""
                    CREATE FUNCTION log_outbox_insert() RETURNS trigger LANGUAGE plpgsql AS $$
                      BEGIN INSERT INTO write_log VALUES ('outbox', NEW.type, txid_current()); RETURN NEW; END $$""");
            h.execute("""
                    CREATE FUNCTION log_cart_update() RETURNS trigger LANGUAGE plpgsql AS $$
                      BEGIN INSERT INTO write_log VALUES ('carts', NEW.state, txid_current()); RETURN NEW; END $$""");
            h.execute("CREATE TRIGGER outbox_logged AFTER INSERT ON outbox FOR EACH ROW EXECUTE FUNCTION log_outbox_insert()");
            h.execute("CREATE TRIGGER carts_logged AFTER UPDATE ON carts FOR EACH ROW EXECUTE FUNCTION log_cart_update()");
        });
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @BeforeEach
    void fresh() {
        db.truncate();
        db.jdbi.useHandle(h -> h.execute("TRUNCATE write_log"));
        clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
        repository = JdbiCartRepository.create(db.jdbi);
        InMemoryCatalog catalog = new InMemoryCatalog();
        InMemoryPricing pricing = new InMemoryPricing();
        for (String sku : List.of("A", "B")) {
            catalog.put(new Product(new Sku(sku), null, null, 10, Set.of(), 1, 100, 1));
            pricing.put(PriceQuote.of(new Sku(sku), Money.parse("2.50", TestCarts.EUR), Rate.parse("0.19")));
        }
        engine = CartEngine.builder().repository(repository).catalog(catalog).pricing(pricing).clock(clock)
                .guestTtl(GUEST_TTL).build();
    }

    @Test
    void purgeExpired_expiredEventsBypassedTheOutbox_expiredEventCommittedWithTheExpiryAndDeliveredAfterDelete() {
        CreatedCart cart = engine.createGuestCart(NewCart.of("EUR", "DE"));
        Cart withLine = engine.addItem(cart.actor(), cart.cart().id(), new Sku("A"), 2);
        List<CartEvent> received = new ArrayList<>();
        OutboxDispatcher dispatcher = OutboxDispatcher.builder(db.jdbi, received::addAll).build();
        dispatcher.dispatchOnce();
        received.clear();
        clock.advance(GUEST_TTL.plus(RETENTION).plusSeconds(1));

        assertThat(engine.maintenance().purgeExpired(RETENTION, 10)).isEqualTo(1);

        assertThat(repository.find(cart.cart().id())).isEmpty();
        long expiryTx = db.count("SELECT tx FROM write_log WHERE tbl = 'carts' AND detail = 'EXPIRED'");
        long eventTx = db.count("SELECT tx FROM write_log WHERE tbl = 'outbox' AND detail = 'EXPIRED'");
        assertThat(eventTx).as("transaction of the EXPIRED outbox row").isEqualTo(expiryTx);
        assertThat(dispatcher.lag().pendingEvents()).isEqualTo(1);
        assertThat(dispatcher.dispatchOnce()).isEqualTo(1);
        assertThat(received).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(CartEvent.Type.EXPIRED);
            assertThat(e.cartId()).isEqualTo(cart.cart().id());
            assertThat(e.sequence()).isEqualTo(withLine.version() + 1);
        });
    }

    @Test
    void purgeExpired_cartWithUndeliveredEvents_undeliveredRowsKeptAndDeliveredInOrder() {
        CreatedCart purged = engine.createGuestCart(NewCart.of("EUR", "DE"));
        List<CartEvent> received = new ArrayList<>();
        OutboxDispatcher dispatcher = OutboxDispatcher.builder(db.jdbi, received::addAll).build();
        dispatcher.dispatchOnce();
        engine.addItem(purged.actor(), purged.cart().id(), new Sku("A"), 1);
        engine.addItem(purged.actor(), purged.cart().id(), new Sku("B"), 1);
        CustomerId customer = new CustomerId("kept");
        Cart kept = engine.createCustomerCart(Actor.customer(customer), customer, NewCart.of("EUR", "DE"));
        received.clear();
        clock.advance(GUEST_TTL.plus(RETENTION).plusSeconds(1));

        assertThat(engine.maintenance().purgeExpired(RETENTION, 10)).isEqualTo(1);

        assertThat(outboxRows(purged.cart().id(), "IS NOT NULL")).as("delivered rows of the purged cart").isZero();
        assertThat(outboxRows(purged.cart().id(), "IS NULL")).as("undelivered rows of the purged cart").isEqualTo(3);
        assertThat(outboxRows(kept.id(), "IS NULL")).as("undelivered rows of the other cart").isEqualTo(1);
        dispatcher.dispatchOnce();
        assertThat(received).filteredOn(e -> e.cartId().equals(purged.cart().id())).extracting(CartEvent::type)
                .containsExactly(CartEvent.Type.LINE_ADDED, CartEvent.Type.LINE_ADDED, CartEvent.Type.EXPIRED);
        assertThat(received).filteredOn(e -> e.cartId().equals(kept.id())).extracting(CartEvent::type)
                .containsExactly(CartEvent.Type.CREATED);
        assertThat(dispatcher.lag().pendingEvents()).isZero();
    }

    private static long outboxRows(CartId cart, String dispatched) {
        return db.count("SELECT count(*) FROM outbox WHERE cart_id = '" + cart + "' AND dispatched_at " + dispatched);
    }
}
