package dev.cartflow.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.cartflow.core.memory.InMemoryAuditLog;
import dev.cartflow.core.merge.MergePolicy;
import dev.cartflow.core.merge.MergeRequest;
import dev.cartflow.core.ratelimit.RateLimits;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.CartOperation;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.Participant.Role;
import dev.cartflow.model.Sku;
import dev.cartflow.spi.AuditEvent;
import dev.cartflow.spi.RateLimiter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every event of a change says who made it ({@code by}), the participants' devices can follow a
 * shared cart live, and share tokens appear nowhere: not in events, audit entries, rate-limit
 * buckets, error messages or log lines.
 */
class SharedCartEventsTest {
    private static final Duration DAY = Duration.ofDays(1);
    private final TestWorld world = new TestWorld();
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final List<String> buckets = new CopyOnWriteArrayList<>();
    private final RateLimiter recording = (bucket, limit, tokens) -> {
        buckets.add(bucket);
        return RateLimiter.Answer.taken();
    };
    private final CartEngine engine = world.builder().audit(audit).rateLimiter(recording)
            .rateLimits(RateLimits.builder().perActor(CartOperation.GET, 100, Duration.ofMinutes(1))
                    .perActor(CartOperation.ADD_ITEM, 100, Duration.ofMinutes(1)).build())
            .eventLog(world.repository).maintenanceStore(world.repository).build();
    private final CustomerId alice = new CustomerId("alice@example.com");
    @RegisterExtension
    final LogCapture logs = new LogCapture();
    private Cart aliceCart() {
        return engine.createCustomerCart(Actor.customer(alice), alice, NewCart.of("EUR", "DE"));
    }

    @Test
    void everyEvent_ofEveryKindOfActor_saysWhoMadeTheChange() {
        Cart cart = aliceCart();
        engine.addItem(Actor.customer(alice), cart.id(), Sku.of("B"), 2);
        Invitation editor = engine.invite(Actor.customer(alice), cart.id(), Role.EDIT, true, DAY, Mutation.none());
        engine.addItem(editor.actor(), cart.id(), Sku.of("A"), 1);
        engine.applyCode(Actor.support("staff-7", "TICKET-1"), cart.id(), "SAVE10");
        engine.selectShipping(Actor.service("checkout-bff"), cart.id(), "STD");
        engine.removeParticipant(Actor.customer(alice), cart.id(), editor.participantId());
        CreatedCart guest = engine.createGuestCart(NewCart.of("EUR", "DE"));
        engine.addItem(guest.actor(), guest.cart().id(), Sku.of("C"), 1);
        engine.merge(Actor.customer(alice), new MergeRequest(guest.cart().id(), guest.token(), alice, MergePolicy.SUM));
        engine.checkout(Actor.customer(alice), cart.id(), Mutation.none());
        Cart idle = aliceCartOfBob();
        world.clock.advance(Duration.ofDays(2));
        assertThat(engine.maintenance().markAbandoned(Duration.ofDays(1), 10)).isPositive();

        assertThat(world.published).allSatisfy(e -> assertThat(e.data()).containsKey("by"));
        assertThat(byOf(cart, CartEvent.Type.CREATED)).containsExactly("owner");
        assertThat(byOf(cart, CartEvent.Type.LINE_ADDED)).containsExactly("owner",
                "participant:" + editor.participantId());
        assertThat(byOf(cart, CartEvent.Type.CODE_APPLIED)).singleElement().asString()
                .startsWith("support:").doesNotContain("staff-7");
        assertThat(byOf(cart, CartEvent.Type.SHIPPING_SELECTED)).singleElement().asString()
                .startsWith("service:").doesNotContain("checkout-bff");
        assertThat(byOf(cart, CartEvent.Type.PARTICIPANT_INVITED)).containsExactly("owner");
        assertThat(byOf(cart, CartEvent.Type.MERGED)).containsExactly("owner");
        assertThat(byOf(cart, CartEvent.Type.CHECKED_OUT)).containsExactly("owner");
        assertThat(byOf(guest.cart(), CartEvent.Type.CREATED)).containsExactly("owner");
        assertThat(byOf(idle, CartEvent.Type.ABANDONED)).containsExactly("system");
    }

    private Cart aliceCartOfBob() {
        CustomerId bob = new CustomerId("bob");
        Cart cart = engine.createCustomerCart(Actor.customer(bob), bob, NewCart.of("EUR", "DE"));
        return engine.addItem(Actor.customer(bob), cart.id(), Sku.of("B"), 2);
    }

    private List<String> byOf(Cart cart, CartEvent.Type type) {
        return world.published.stream().filter(e -> e.cartId().equals(cart.id()) && e.type() == type)
                .map(e -> e.data().get("by")).toList();
    }

    @Test
    void changesSince_forEachParticipant_followsEveryoneElsesChanges() {
        Cart cart = aliceCart();
        Invitation viewer = engine.invite(Actor.customer(alice), cart.id(), Role.VIEW, false, DAY, Mutation.none());
        Invitation editor = engine.invite(Actor.customer(alice), cart.id(), Role.EDIT, false, DAY, Mutation.none());
        long seen = engine.get(viewer.actor(), cart.id()).version();

        engine.addItem(editor.actor(), cart.id(), Sku.of("A"), 1);
        engine.addItem(Actor.customer(alice), cart.id(), Sku.of("B"), 2);

        List<CartEvent> followed = engine.changesSince(viewer.actor(), cart.id(), seen);
        assertThat(followed).extracting(e -> e.data().get("sku") + " by " + e.data().get("by"))
                .containsExactly("A by participant:" + editor.participantId(), "B by owner");
        assertThat(engine.changesSince(editor.actor(), cart.id(), seen)).isEqualTo(followed);
    }

    @Test
    void auditTrail_recordsParticipantsByTheirIdAndRefusedTokensByPseudonym() {
        Cart cart = aliceCart();
        Invitation viewer = engine.invite(Actor.customer(alice), cart.id(), Role.VIEW, false, DAY, Mutation.none());
        Invitation editor = engine.invite(Actor.customer(alice), cart.id(), Role.EDIT, false, DAY, Mutation.none());
        engine.addItem(editor.actor(), cart.id(), Sku.of("A"), 1);
        assertThatThrownBy(() -> engine.addItem(viewer.actor(), cart.id(), Sku.of("A"), 1))
                .isInstanceOf(CartException.class);
        assertThatThrownBy(() -> engine.get(Actor.participant("forged-token"), cart.id()))
                .isInstanceOf(CartException.class);

        List<AuditEvent> entries = audit.events().stream()
                .filter(e -> AuditEvent.PARTICIPANT.equals(e.actorKind())).toList();
        assertThat(entries).extracting(e -> e.actorId() + " " + e.operation() + " " + e.outcome() + " " + e.detail())
                .contains(editor.participantId() + " ADD_ITEM ALLOWED role:EDIT",
                        viewer.participantId() + " ADD_ITEM DENIED ROLE");
        assertThat(entries).filteredOn(e -> e.detail().equals("TOKEN")).singleElement()
                .satisfies(e -> assertThat(e.actorId()).hasSize(22).doesNotContain("forged"));
    }

    @Test
    void shareTokens_neverInEventsAuditBucketsErrorsOrLogs() {
        Cart cart = aliceCart();
        List<String> tokens = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        Invitation viewer = engine.invite(Actor.customer(alice), cart.id(), Role.VIEW, false, DAY, Mutation.none());
        Invitation editor = engine.invite(Actor.customer(alice), cart.id(), Role.EDIT, true, DAY, Mutation.none());
        tokens.add(viewer.token());
        tokens.add(editor.token());
        engine.addItem(editor.actor(), cart.id(), Sku.of("A"), 1);
        engine.get(viewer.actor(), cart.id());
        for (Runnable refused : List.<Runnable>of(
                () -> engine.addItem(viewer.actor(), cart.id(), Sku.of("A"), 1),
                () -> engine.get(Actor.participant(editor.token() + "0"), cart.id()),
                () -> engine.invite(editor.actor(), cart.id(), Role.EDIT, false, DAY, Mutation.none()),
                () -> engine.addItem(editor.actor(), cart.id(), Sku.of("NOPE"), 1))) {
            try {
                refused.run();
            } catch (CartException e) {
                errors.add(e.getMessage() + " " + e);
            }
        }
        engine.removeParticipant(Actor.customer(alice), cart.id(), viewer.participantId());
        try {
            engine.get(viewer.actor(), cart.id());
        } catch (CartException e) {
            errors.add(e.getMessage() + " " + e);
        }

        assertThat(errors).hasSize(5);
        List<String> everything = new ArrayList<>(errors);
        world.published.forEach(e -> everything.add(e.toString()));
        audit.events().forEach(e -> everything.add(e.toJson()));
        everything.addAll(buckets);
        logs.events().forEach(e -> everything.add(e.getFormattedMessage() + " " + e.getMDCPropertyMap()));
        assertThat(buckets).isNotEmpty();
        assertThat(logs.events()).isNotEmpty();
        for (String token : tokens) {
            String hash = dev.cartflow.core.internal.support.GuestTokens.hash(token);
            assertThat(everything).noneMatch(text -> text.contains(token) || text.contains(hash)
                    || text.contains(token.substring(0, 16)));
        }
    }
}
