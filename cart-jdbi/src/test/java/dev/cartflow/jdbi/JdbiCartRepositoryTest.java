package dev.cartflow.jdbi;

import static dev.cartflow.jdbi.TestCarts.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartflow.model.Cart;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CartState;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.LineItem;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.spi.CartWrite;
import dev.cartflow.spi.IdempotencyRecord;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdbiCartRepositoryTest {
    private static PostgresFixture db;
    /** Counts at the JDBC level: the hot statements bypass JDBI's statement machinery (and its SqlLogger). */
    private static SqlCapture statements;
    private JdbiCartRepository repository;

    @BeforeAll
    static void start() {
        db = PostgresFixture.create(4);
        statements = new SqlCapture(db.dataSource);
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @BeforeEach
    void empty() {
        db.truncate();
        repository = JdbiCartRepository.create(db.jdbi);
    }

    @Test
    void save_newCartWithLinesAndCodes_readsBackEqual() {
        Cart cart = TestCarts.guestCart(CartId.random()).toBuilder().lines(List.of(TestCarts.line("sku-1", 2, 1999, T0), TestCarts.line("sku-2", 1, 5, T0.plusSeconds(1)))).codes(List.of("WELCOME", "SPRING")).shippingMethod("dhl").metadata("{\"b\": 1, \"a\": [true]}").abandonedAt(T0.plusSeconds(5)).build();

        repository.save(new CartWrite(cart, 0, List.of(), null));

        assertThat(repository.find(cart.id())).contains(cart);
    }

    @Test
    void save_staleVersion_failsWithStoredVersionAndWritesNothing() {
        Cart cart = TestCarts.guestCart(CartId.random());
        repository.save(TestCarts.create(cart));
        CartWrite first = TestCarts.addLine(cart, "a", 1);
        repository.save(first);

        CartWrite stale = TestCarts.addLine(cart, "b", 1);

        assertThatThrownBy(() -> repository.save(stale))
                .isInstanceOfSatisfying(CartException.class, e -> {
                    assertThat(e.code()).isEqualTo(CartErrorCode.VERSION_CONFLICT);
                    assertThat(e.currentVersion()).hasValue(2);
                });
        assertThat(repository.find(cart.id())).contains(first.cart());
        assertThat(repository.eventsSince(cart.id(), 0)).extracting(CartEvent::sequence).containsExactly(1L, 2L);
    }

    @Test
    void save_newCartWithExistingId_failsWithVersionConflict() {
        Cart cart = TestCarts.guestCart(CartId.random());
        repository.save(TestCarts.create(cart));

        assertThatThrownBy(() -> repository.save(TestCarts.create(cart)))
                .isInstanceOfSatisfying(CartException.class, e -> {
                    assertThat(e.code()).isEqualTo(CartErrorCode.VERSION_CONFLICT);
                    assertThat(e.currentVersion()).hasValue(1);
                });
    }

    @Test
    void save_missingCartWithPositiveVersion_failsWithVersionZero() {
        Cart cart = TestCarts.guestCart(CartId.random());

        assertThatThrownBy(() -> repository.save(TestCarts.addLine(cart, "x", 1)))
                .isInstanceOfSatisfying(CartException.class, e -> assertThat(e.currentVersion()).hasValue(0));
        assertThat(repository.find(cart.id())).isEmpty();
    }

    @Test
    void saveAll_oneStaleWrite_writesNothing() {
        Cart a = TestCarts.guestCart(CartId.random());
        Cart b = TestCarts.customerCart(CartId.random(), "c-1", T0);
        repository.saveAll(List.of(TestCarts.create(a), TestCarts.create(b)));
        CartWrite good = TestCarts.addLine(a, "x", 1);
        CartWrite stale = new CartWrite(TestCarts.addLine(b, "y", 1).cart(), 7, List.of(), null);

        assertThatThrownBy(() -> repository.saveAll(List.of(good, stale)))
                .isInstanceOfSatisfying(CartException.class,
                        e -> assertThat(e.code()).isEqualTo(CartErrorCode.VERSION_CONFLICT));
        assertThat(repository.find(a.id())).contains(a);
        assertThat(repository.find(b.id())).contains(b);
        assertThat(repository.eventsSince(a.id(), 1)).isEmpty();
    }

    @Test
    void findActiveByCustomer_severalCarts_returnsMostRecentActive() {
        Cart older = TestCarts.customerCart(CartId.random(), "cust", T0);
        Cart newer = TestCarts.customerCart(CartId.random(), "cust", T0.plusSeconds(60));
        Cart checkedOut = TestCarts.customerCart(CartId.random(), "cust", T0.plusSeconds(120))
                .toBuilder().state(CartState.CHECKED_OUT).build();
        repository.saveAll(List.of(TestCarts.create(older), TestCarts.create(newer), TestCarts.create(checkedOut)));

        assertThat(repository.findActiveByCustomer(new CustomerId("cust"))).contains(newer);
        assertThat(repository.findActiveByCustomer(new CustomerId("other"))).isEmpty();
    }

    @Test
    void findExpiringBefore_mixedCarts_returnsOldestFirstUpToLimit() {
        Cart c1 = TestCarts.customerCart(CartId.random(), "a", T0);
        Cart c2 = TestCarts.customerCart(CartId.random(), "b", T0.plusSeconds(10));
        Cart c3 = TestCarts.customerCart(CartId.random(), "c", T0.plusSeconds(20));
        repository.saveAll(List.of(TestCarts.create(c3), TestCarts.create(c1), TestCarts.create(c2)));

        assertThat(repository.findExpiringBefore(c3.expiresAt(), 10)).containsExactly(c1, c2);
        assertThat(repository.findExpiringBefore(c3.expiresAt().plusSeconds(1), 1)).containsExactly(c1);
    }

    @Test
    void findInactiveSince_activeCartsWithLines_returnsOnlyThoseNotAbandoned() {
        Cart empty = TestCarts.customerCart(CartId.random(), "a", T0);
        Cart withLine = TestCarts.addLine(TestCarts.customerCart(CartId.random(), "b", T0), "x", 1).cart();
        Cart abandoned = TestCarts.addLine(TestCarts.customerCart(CartId.random(), "c", T0), "x", 1).cart()
                .toBuilder().abandonedAt(T0).build();
        repository.saveAll(List.of(TestCarts.create(empty), new CartWrite(withLine, 0, List.of(), null),
                new CartWrite(abandoned, 0, List.of(), null)));

        assertThat(repository.findInactiveSince(T0.plusSeconds(1), 10)).containsExactly(withLine);
        assertThat(repository.findInactiveSince(T0, 10)).isEmpty();
    }

    @Test
    void findIdempotency_storedWithSave_foundUntilExpiry() {
        Cart cart = TestCarts.guestCart(CartId.random());
        IdempotencyRecord record = new IdempotencyRecord("k-1", "fp", "{\"ok\":true}", T0.plusSeconds(60));
        repository.save(new CartWrite(cart, 0, List.of(), record));

        assertThat(repository.findIdempotency("k-1", T0)).contains(record);
        assertThat(repository.findIdempotency("k-1", T0.plusSeconds(61))).isEmpty();
        assertThat(repository.findIdempotency("other", T0)).isEmpty();
    }

    @Test
    void save_liveIdempotencyKeyReused_failsAndWritesNothing() {
        Cart first = TestCarts.guestCart(CartId.random());
        Cart second = TestCarts.guestCart(CartId.random());
        IdempotencyRecord record = new IdempotencyRecord("k-2", "fp", "r1", T0.plusSeconds(60));
        repository.save(new CartWrite(first, 0, List.of(), record));

        assertThatThrownBy(() -> repository.save(new CartWrite(second, 0, List.of(), record)))
                .isInstanceOfSatisfying(CartException.class,
                        e -> assertThat(e.code()).isEqualTo(CartErrorCode.VERSION_CONFLICT));
        assertThat(repository.find(second.id())).isEmpty();
    }

    @Test
    void eventsSince_severalChanges_returnsLaterEventsInOrder() {
        Cart cart = TestCarts.guestCart(CartId.random());
        repository.save(TestCarts.create(cart));
        CartWrite w2 = TestCarts.addLine(cart, "a", 1);
        repository.save(w2);
        Cart v3 = w2.cart().toBuilder().version(3).codes(List.of("X")).build();
        List<CartEvent> events3 = List.of(
                new CartEvent(cart.id(), 3, 0, CartEvent.Type.CODE_APPLIED, T0, Map.of("code", "X")),
                new CartEvent(cart.id(), 3, 1, CartEvent.Type.SHIPPING_SELECTED, T0, Map.of("method", "dhl")));
        repository.save(new CartWrite(v3, 2, events3, null));

        assertThat(repository.eventsSince(cart.id(), 1)).containsExactly(w2.events().get(0), events3.get(0),
                events3.get(1));
        assertThat(repository.eventsSince(cart.id(), 3)).isEmpty();
    }

    @Test
    void delete_existingCart_removesCartAndDeliveredEvents() {
        Cart cart = TestCarts.guestCart(CartId.random());
        repository.save(TestCarts.create(cart));
        OutboxDispatcher.builder(db.jdbi, dev.cartflow.spi.CartEventPublisher.NONE).build().dispatchOnce();

        assertThat(repository.delete(cart.id())).isTrue();
        assertThat(repository.delete(cart.id())).isFalse();
        assertThat(repository.find(cart.id())).isEmpty();
        assertThat(repository.eventsSince(cart.id(), 0)).isEmpty();
    }

    @Test
    void save_manyLines_usesSameNumberOfStatementsAsOneLine() {
        Cart one = TestCarts.guestCart(CartId.random());
        Cart many = TestCarts.guestCart(CartId.random());
        repository.save(TestCarts.create(one));
        repository.save(TestCarts.create(many));
        Cart manyLines = many.toBuilder().version(2).lines(java.util.stream.IntStream.range(0, 200) .mapToObj(i -> TestCarts.line("sku-" + i, 1, i, T0)).toList()).build();

        JdbiCartRepository counted = JdbiCartRepository.create(org.jdbi.v3.core.Jdbi.create(statements.dataSource()));
        statements.take();
        counted.save(TestCarts.addLine(one, "only", 1));
        int forOne = statements.take().size();
        counted.save(new CartWrite(manyLines, 1, List.of(), null));
        int forMany = statements.take().size();
        assertThat(counted.find(many.id())).get().extracting(c -> c.lines().size()).isEqualTo(200);
        int forLoad = statements.take().size();

        // one statement each: the guarded row, the old children's delete and the new children's inserts
        assertThat(forOne).isEqualTo(1);
        assertThat(forMany).isEqualTo(1);
        assertThat(forLoad).isEqualTo(1);
    }

    /**
     * A single-cart save deletes the old lines and inserts the new ones in one statement: lines that
     * keep their ids and skus at other positions must not meet their predecessors' unique keys.
     */
    @Test
    void save_linesReorderedUnderTheSameKeys_storesExactlyTheNewLines() {
        Cart cart = TestCarts.guestCart(CartId.random());
        List<LineItem> lines = java.util.stream.IntStream.range(0, 50)
                .mapToObj(i -> TestCarts.line("sku-" + i, 1 + i, i, T0)).toList();
        Cart first = cart.toBuilder().lines(lines).build();
        repository.save(new CartWrite(first, 0, List.of(), null));
        List<LineItem> reordered = new java.util.ArrayList<>();
        for (int i = lines.size() - 1; i >= 0; i--) {
            LineItem line = lines.get(i);
            reordered.add(new LineItem(line.id(), line.sku(), line.quantity() + 1, line.warehouse(),
                    line.addedUnitPrice(), line.addedAt()));
        }
        Cart second = first.toBuilder().version(2).lines(reordered.subList(0, 40)).build();

        repository.save(new CartWrite(second, 1, List.of(), null));

        assertThat(repository.find(cart.id())).contains(second);
        assertThat(db.count("SELECT count(*) FROM cart_lines")).isEqualTo(40);
    }

    @Test
    void save_staleVersion_writesNoneOfTheChildren() {
        Cart cart = TestCarts.guestCart(CartId.random());
        repository.save(new CartWrite(cart, 0, List.of(), null));
        Cart stale = cart.toBuilder().version(2).lines(List.of(TestCarts.line("x", 1, 1, T0))).build();
        CartEvent event = new CartEvent(cart.id(), 2, 0, CartEvent.Type.LINE_ADDED, T0, Map.of());
        IdempotencyRecord record = new IdempotencyRecord("stale", "f", "r", T0.plusSeconds(60));

        assertThatThrownBy(() -> repository.save(new CartWrite(stale, 5, List.of(event), record)))
                .isInstanceOfSatisfying(CartException.class,
                        e -> assertThat(e.code()).isEqualTo(CartErrorCode.VERSION_CONFLICT));

        assertThat(repository.find(cart.id())).contains(cart);
        assertThat(db.count("SELECT count(*) FROM cart_lines")).isZero();
        assertThat(db.count("SELECT count(*) FROM outbox")).isZero();
        assertThat(db.count("SELECT count(*) FROM idempotency_keys")).isZero();
    }

    /** Regression: instants were truncated to PostgreSQL's microseconds, so an engine response differed from the reload. */
    @Test
    void save_instantsWithNanoseconds_readBackExactly() {
        java.time.Instant at = java.time.Instant.parse("2026-11-25T11:01:26.934284151Z");
        Cart cart = TestCarts.guestCart(CartId.random()).toBuilder().lines(List.of(TestCarts.line("n", 1, 1, at.plusNanos(7)))).updatedAt(at).expiresAt(at.plusNanos(1)).abandonedAt(at.plusNanos(999)).build();
        CartEvent event = new CartEvent(cart.id(), 1, 0, CartEvent.Type.CREATED, at.plusNanos(3), Map.of());
        IdempotencyRecord record = new IdempotencyRecord("nano", "f", "r", at.plusNanos(5));
        repository.save(new CartWrite(cart, 0, List.of(event), record));

        assertThat(repository.find(cart.id())).contains(cart);
        assertThat(repository.eventsSince(cart.id(), 0)).containsExactly(event);
        assertThat(repository.findIdempotency("nano", at.plusNanos(5))).contains(record);
        assertThat(repository.findIdempotency("nano", at.plusNanos(6))).isEmpty();
        assertThat(repository.findExpiringBefore(at.plusNanos(1), 10)).isEmpty();
        assertThat(repository.findExpiringBefore(at.plusNanos(2), 10)).containsExactly(cart);
    }

    @Test
    void findExpiringBefore_zeroLimit_failsWithInvalidInput() {
        assertThatThrownBy(() -> repository.findExpiringBefore(T0, 0))
                .isInstanceOfSatisfying(CartException.class,
                        e -> assertThat(e.code()).isEqualTo(CartErrorCode.INVALID_INPUT));
    }

    @Test
    void save_expiredKeyReused_overwritesRecord() {
        IdempotencyRecord old = new IdempotencyRecord("k-3", "fp", "old", T0.minus(Duration.ofMinutes(1)));
        repository.save(new CartWrite(TestCarts.guestCart(CartId.random()), 0, List.of(), old));
        IdempotencyRecord fresh = new IdempotencyRecord("k-3", "fp2", "new", T0.plusSeconds(60));

        repository.save(new CartWrite(TestCarts.guestCart(CartId.random()), 0, List.of(), fresh));

        assertThat(repository.findIdempotency("k-3", T0)).contains(fresh);
    }
}
