package dev.cartflow.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartflow.core.memory.InMemoryAuditLog;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartOperation;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.Sku;
import dev.cartflow.spi.AuditEvent;
import dev.cartflow.spi.AuditLog;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** What the engine writes to the audit trail, and what a failing audit log does to an operation. */
class CartEngineAuditTest {
    private static final CustomerId ALICE = new CustomerId("alice@example.com");
    private final TestWorld world = new TestWorld();
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final AtomicBoolean auditDown = new AtomicBoolean();
    private final AuditLog log = event -> {
        if (auditDown.get()) {
            throw new IllegalStateException("audit database down");
        }
        audit.record(event);
    };
    private final CartEngine engine = world.builder().audit(log).pseudonymKey(new byte[32]).build();
    private final Cart cart;

    CartEngineAuditTest() {
        cart = engine.createCustomerCart(Actor.customer(ALICE), ALICE, NewCart.of("EUR", "DE"));
        engine.addItem(Actor.customer(ALICE), cart.id(), new Sku("A"), 1);
    }

    @Test
    void get_supportRead_allowedWithReasonAndSubjectPseudonym() {
        engine.get(Actor.supportReadOnly("staff-9", "ticket-77"), cart.id());

        assertThat(audit.events()).singleElement().satisfies(e -> {
            assertThat(e.actorKind()).isEqualTo(AuditEvent.SUPPORT);
            assertThat(e.actorId()).isEqualTo("staff-9");
            assertThat(e.reason()).isEqualTo("ticket-77");
            assertThat(e.cartId()).isEqualTo(cart.id());
            assertThat(e.subject()).isNotBlank().doesNotContain("alice");
            assertThat(e.outcome()).isEqualTo(AuditEvent.Outcome.ALLOWED);
            assertThat(e.at()).isEqualTo(world.clock.instant());
        });
    }

    @Test
    void activeCart_supportAndCustomer_onlySupportAudited() {
        engine.activeCart(Actor.customer(ALICE), ALICE);
        assertThat(audit.events()).isEmpty();
        engine.activeCart(Actor.support("staff-1", "call 3"), ALICE);
        assertThat(audit.events()).singleElement().satisfies(e -> {
            assertThat(e.operation()).isEqualTo(CartOperation.ACTIVE_CART);
            assertThat(e.subject()).isEqualTo(engineSubjectOfAlice());
        });
    }

    private String engineSubjectOfAlice() {
        engine.get(Actor.support("probe", "probe"), cart.id());
        List<AuditEvent> events = audit.events();
        return events.get(events.size() - 1).subject();
    }

    @Test
    void get_wrongTokenAndForeignCustomer_deniedWithDetailAndNoPersonalDataInClear() {
        CreatedCart guest = engine.createGuestCart(NewCart.of("EUR", "DE"));
        String badToken = guest.token() + "x";
        assertThatThrownBy(() -> engine.get(Actor.guest(badToken), guest.cart().id())).isInstanceOf(CartException.class);
        CustomerId mallory = new CustomerId("mallory@example.com");
        assertThatThrownBy(() -> engine.get(Actor.customer(mallory), cart.id())).isInstanceOf(CartException.class);

        assertThat(audit.events()).extracting(AuditEvent::detail).containsExactly("TOKEN", "FOREIGN_CART");
        assertThat(audit.events()).allSatisfy(e -> {
            assertThat(e.outcome()).isEqualTo(AuditEvent.Outcome.DENIED);
            assertThat(e.toJson()).doesNotContain("example.com").doesNotContain(guest.token()).doesNotContain(badToken);
        });
        assertThat(audit.events().get(1).subject()).isNotNull();
    }

    @Test
    void execute_supportChangeWhileAuditFails_providerUnavailableAndCartUnchanged() {
        Cart before = world.repository.find(cart.id()).orElseThrow();
        auditDown.set(true);

        assertThatThrownBy(() -> engine.addItem(Actor.support("staff-1", "ticket-1"), cart.id(), new Sku("A"), 1))
                .isInstanceOfSatisfying(CartException.class,
                        e -> assertThat(e.code()).isEqualTo(CartErrorCode.PROVIDER_UNAVAILABLE));
        assertThatThrownBy(() -> engine.get(Actor.supportReadOnly("staff-1", "ticket-1"), cart.id()))
                .isInstanceOfSatisfying(CartException.class,
                        e -> assertThat(e.code()).isEqualTo(CartErrorCode.PROVIDER_UNAVAILABLE));
        assertThat(world.repository.find(cart.id())).contains(before);
    }

    @Test
    void get_denialWhileAuditFails_stillAccessDenied() {
        auditDown.set(true);
        assertThatThrownBy(() -> engine.get(Actor.customer(new CustomerId("mallory")), cart.id()))
                .isInstanceOfSatisfying(CartException.class,
                        e -> assertThat(e.code()).isEqualTo(CartErrorCode.ACCESS_DENIED));
        assertThatThrownBy(() -> engine.addItem(Actor.supportReadOnly("s", "r"), cart.id(), new Sku("A"), 1))
                .isInstanceOfSatisfying(CartException.class,
                        e -> assertThat(e.code()).isEqualTo(CartErrorCode.ACCESS_DENIED));
    }

    @Test
    void execute_customerOwnCart_notAudited() {
        engine.addItem(Actor.customer(ALICE), cart.id(), new Sku("A"), 1);
        engine.price(Actor.customer(ALICE), cart.id());
        assertThat(audit.events()).isEmpty();
    }

    @Test
    void eraseCustomer_supportEntriesOfAlice_anonymizedInTheInMemoryTrail() {
        engine.get(Actor.support("staff-1", "ticket-1"), cart.id());
        String subject = audit.events().get(0).subject();

        assertThat(audit.eraseCustomer(ALICE, subject)).containsEntry("audit", 1);
        assertThat(audit.events()).singleElement().satisfies(e -> {
            assertThat(e.subject()).isEqualTo(InMemoryAuditLog.ERASED);
            assertThat(e.actorId()).isEqualTo("staff-1");
        });
    }

    @Test
    void record_overCapacity_oldestDropped() {
        InMemoryAuditLog small = new InMemoryAuditLog(2);
        CartEngine bounded = world.builder().audit(small).build();
        for (int i = 0; i < 3; i++) {
            bounded.get(Actor.support("staff-" + i, "r"), cart.id());
        }
        assertThat(small.events()).extracting(AuditEvent::actorId).containsExactly("staff-1", "staff-2");
        assertThatThrownBy(() -> new InMemoryAuditLog(0)).isInstanceOfSatisfying(CartException.class,
                e -> assertThat(e.code()).isEqualTo(CartErrorCode.INVALID_INPUT));
    }
}
