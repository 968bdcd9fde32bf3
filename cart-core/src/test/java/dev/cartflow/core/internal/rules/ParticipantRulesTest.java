package dev.cartflow.core.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartflow.core.internal.support.GuestTokens;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CartOperation;
import dev.cartflow.model.CartOwner;
import dev.cartflow.model.CartState;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.Participant;
import dev.cartflow.model.Participant.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The pure rules of shared carts: the role table, who holds a token, the bound, removal. */
class ParticipantRulesTest {
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final Set<CartOperation> READS = EnumSet.of(CartOperation.GET, CartOperation.PRICE,
            CartOperation.CHANGES_SINCE);
    private static final Set<CartOperation> EDITS = EnumSet.of(CartOperation.ADD_ITEM, CartOperation.SET_QUANTITY,
            CartOperation.REMOVE_LINES, CartOperation.BULK, CartOperation.CLEAR, CartOperation.APPLY_CODE,
            CartOperation.REMOVE_CODE, CartOperation.SELECT_SHIPPING);
    private static final Set<CartOperation> CHECKOUT = EnumSet.of(CartOperation.CHECKOUT, CartOperation.FREEZE,
            CartOperation.UNFREEZE);

    private static Participant participant(String id, String token, Role role, boolean mayCheckout, Instant expiresAt) {
        return new Participant(id, GuestTokens.hash(token), role, mayCheckout, NOW.minusSeconds(60), expiresAt);
    }

    private static Cart cart(List<Participant> participants) {
        return new Cart(CartId.random(), new CartOwner.Customer(new CustomerId("c-1")), null,
                Currency.getInstance("EUR"), "DE", CartState.ACTIVE, 3, List.of(), List.of(), null, "{}", NOW, NOW,
                NOW.plus(Duration.ofDays(9)), null).toBuilder().participants(participants).build();
    }

    @Test
    void allows_everyOperationAndRole_followsTheDocumentedTable() {
        Participant viewer = participant("p-v", "t-v", Role.VIEW, false, NOW);
        Participant editor = participant("p-e", "t-e", Role.EDIT, false, NOW);
        Participant buyer = participant("p-b", "t-b", Role.EDIT, true, NOW);
        for (CartOperation op : CartOperation.values()) {
            assertThat(ParticipantRules.allows(viewer, op)).as("VIEW %s", op).isEqualTo(READS.contains(op));
            assertThat(ParticipantRules.allows(editor, op)).as("EDIT %s", op)
                    .isEqualTo(READS.contains(op) || EDITS.contains(op));
            assertThat(ParticipantRules.allows(buyer, op)).as("EDIT+checkout %s", op)
                    .isEqualTo(READS.contains(op) || EDITS.contains(op) || CHECKOUT.contains(op));
            assertThat(ParticipantRules.participantOperation(op)).as("any role %s", op)
                    .isEqualTo(ParticipantRules.allows(buyer, op));
        }
    }

    @Test
    void holder_seededTokens_findsExactlyTheInvitationOfTheToken() {
        long seed = 20261201L;
        Random random = new Random(seed);
        List<Participant> participants = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String token = Long.toHexString(random.nextLong()) + i;
            tokens.add(token);
            participants.add(participant("p-" + i, token, Role.VIEW, false, NOW));
        }
        Cart cart = cart(participants);
        for (int i = 0; i < tokens.size(); i++) {
            assertThat(ParticipantRules.holder(cart, GuestTokens.hash(tokens.get(i)))).as("seed %d", seed)
                    .map(Participant::id).contains("p-" + i);
            assertThat(ParticipantRules.holder(cart, GuestTokens.hash(tokens.get(i) + "x"))).as("seed %d", seed).isEmpty();
        }
        assertThat(ParticipantRules.holder(cart, tokens.get(0))).as("a token is not its own hash").isEmpty();
    }

    @Test
    void live_atAndAfterTheExpiryInstant_aliveThenGone() {
        Participant p = participant("p-1", "t", Role.VIEW, false, NOW);
        assertThat(ParticipantRules.live(p, NOW)).isTrue();
        assertThat(ParticipantRules.live(p, NOW.plusNanos(1))).isFalse();
    }

    @Test
    void invite_fullOfLiveParticipants_cartLimit_expiredOnesDroppedWithEvents() {
        Participant live = participant("p-live", "t1", Role.EDIT, false, NOW.plusSeconds(1));
        Participant old = participant("p-old", "t2", Role.VIEW, false, NOW.minusSeconds(1));
        Participant fresh = participant("p-new", "t3", Role.VIEW, false, NOW.plusSeconds(60));

        assertThatThrownBy(() -> ParticipantRules.invite(cart(List.of(live)), fresh, 1, NOW))
                .isInstanceOfSatisfying(CartException.class, e -> assertThat(e.code()).isEqualTo(CartErrorCode.CART_LIMIT));
        Change change = ParticipantRules.invite(cart(List.of(old, live)), fresh, 2, NOW);

        assertThat(change.cart().participants()).extracting(Participant::id).containsExactly("p-live", "p-new");
        assertThat(change.events()).extracting(PendingEvent::type).containsExactly(CartEvent.Type.PARTICIPANT_REMOVED,
                CartEvent.Type.PARTICIPANT_INVITED);
        assertThat(change.events().get(0).data()).containsEntry("participant", "p-old").containsEntry("reason", "expired");
        assertThat(change.events().get(1).data()).containsEntry("participant", "p-new").containsEntry("role", "VIEW")
                .containsEntry("mayCheckout", "false").containsEntry("expiresAt", NOW.plusSeconds(60).toString());
        assertThat(change.events().toString()).doesNotContain(fresh.tokenHash());
    }

    @Test
    void remove_presentAndAbsent_removesWithEventOrChangesNothing() {
        Participant a = participant("p-a", "ta", Role.VIEW, false, NOW);
        Participant b = participant("p-b", "tb", Role.EDIT, true, NOW);
        Cart cart = cart(List.of(a, b));

        Change change = ParticipantRules.remove(cart, "p-a");

        assertThat(change.cart().participants()).containsExactly(b);
        assertThat(change.events()).singleElement().satisfies(e -> assertThat(e.data())
                .containsEntry("participant", "p-a").containsEntry("reason", "revoked"));
        assertThat(ParticipantRules.remove(cart, "p-zz")).isNull();
    }
}
