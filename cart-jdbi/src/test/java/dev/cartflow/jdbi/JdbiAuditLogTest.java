package dev.cartflow.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartflow.core.CartEngine;
import dev.cartflow.core.NewCart;
import dev.cartflow.core.memory.InMemoryCatalog;
import dev.cartflow.core.memory.InMemoryPricing;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartOperation;
import dev.cartflow.model.CustomerId;
import dev.cartflow.spi.AuditEvent;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link JdbiAuditLog} behind an engine on PostgreSQL, its reads, and its failures. */
class JdbiAuditLogTest {
    private static PostgresFixture db;

    @BeforeAll
    static void start() {
        db = PostgresFixture.create(4);
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Test
    void engine_supportReadAndDenial_storedInTheAuditTable() {
        JdbiAuditLog audit = JdbiAuditLog.create(db.jdbi);
        CartEngine engine = CartEngine.builder().repository(JdbiCartRepository.create(db.jdbi))
                .catalog(new InMemoryCatalog()).pricing(new InMemoryPricing()).audit(audit).build();
        CustomerId alice = new CustomerId("alice-" + System.nanoTime());
        Instant start = Instant.now().minusSeconds(5);
        Cart cart = engine.createCustomerCart(Actor.customer(alice), alice, NewCart.of("EUR", "DE"));

        engine.get(Actor.supportReadOnly("staff-3", "ticket 99"), cart.id());
        assertThatThrownBy(() -> engine.clear(Actor.supportReadOnly("staff-3", "ticket 99"), cart.id()))
                .isInstanceOfSatisfying(CartException.class,
                        e -> assertThat(e.code()).isEqualTo(CartErrorCode.ACCESS_DENIED));

        List<AuditEvent> events = audit.since(start, 100).stream().filter(e -> cart.id().equals(e.cartId())).toList();
        assertThat(events).extracting(AuditEvent::operation, AuditEvent::outcome, AuditEvent::detail).containsExactly(
                org.assertj.core.groups.Tuple.tuple(CartOperation.GET, AuditEvent.Outcome.ALLOWED, "role:READ_ONLY"),
                org.assertj.core.groups.Tuple.tuple(CartOperation.CLEAR, AuditEvent.Outcome.DENIED, "ROLE"));
        assertThat(events.get(0).reason()).isEqualTo("ticket 99");
        assertThat(events.get(0).subject()).isNotBlank().doesNotContain("alice");
    }

    @Test
    void since_badArguments_invalidInput() {
        JdbiAuditLog audit = JdbiAuditLog.create(db.jdbi);
        for (int limit : new int[] {0, 10_001}) {
            assertThatThrownBy(() -> audit.since(Instant.EPOCH, limit)).isInstanceOfSatisfying(CartException.class,
                    e -> assertThat(e.code()).isEqualTo(CartErrorCode.INVALID_INPUT));
        }
        assertThatThrownBy(() -> audit.since(null, 1)).isInstanceOfSatisfying(CartException.class,
                e -> assertThat(e.code()).isEqualTo(CartErrorCode.INVALID_INPUT));
        assertThatThrownBy(() -> JdbiAuditLog.create(null)).isInstanceOfSatisfying(CartException.class,
                e -> assertThat(e.code()).isEqualTo(CartErrorCode.INVALID_INPUT));
    }

    @Test
    void everyMethod_unreachableDatabase_providerUnavailable() {
        JdbiAuditLog audit = JdbiAuditLog.create(Jdbi.create("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2"));
        AuditEvent event = new AuditEvent(Instant.now(), AuditEvent.SUPPORT, "staff", CartOperation.GET, null, null,
                "r", AuditEvent.Outcome.ALLOWED, "role:FULL");
        CustomerId someone = new CustomerId("someone");
        List<org.assertj.core.api.ThrowableAssert.ThrowingCallable> calls = List.of(() -> audit.record(event),
                () -> audit.since(Instant.EPOCH, 10), () -> audit.eraseCustomer(someone, "pseudonym"),
                () -> audit.exportCustomer(someone, "pseudonym"));
        for (var call : calls) {
            assertThatThrownBy(call).isExactlyInstanceOf(CartException.class).isInstanceOfSatisfying(CartException.class,
                    e -> assertThat(e.code()).isEqualTo(CartErrorCode.PROVIDER_UNAVAILABLE));
        }
    }
}
