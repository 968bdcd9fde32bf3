package dev.cartflow.core.internal.rules;

import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.CartOperation;
import dev.cartflow.model.Participant;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The rules of shared carts, pure: who among a cart's participants holds a share token, what each
 * role may run, inviting under the per-cart bound (expired invitations make room and are dropped),
 * and removing. A participant whose invitation has expired holds nothing: its token is refused like
 * a stranger's.
 */
public final class ParticipantRules {
    /** What a viewing participant may run: reading the cart, its prices and its events. */
    private static final Set<CartOperation> VIEW = EnumSet.of(CartOperation.GET, CartOperation.PRICE,
            CartOperation.CHANGES_SINCE);
    /** What an editing participant may run besides: lines, codes, shipping. */
    private static final Set<CartOperation> EDIT = EnumSet.of(CartOperation.ADD_ITEM, CartOperation.SET_QUANTITY,
            CartOperation.REMOVE_LINES, CartOperation.BULK, CartOperation.CLEAR, CartOperation.APPLY_CODE,
            CartOperation.REMOVE_CODE, CartOperation.SELECT_SHIPPING);
    /** What only an editing participant allowed to check out may run. */
    private static final Set<CartOperation> CHECKOUT = EnumSet.of(CartOperation.CHECKOUT, CartOperation.FREEZE,
            CartOperation.UNFREEZE);

    private ParticipantRules() {
    }

    /**
     * Whether some participant could run the operation at all; everything else (invitations, merge,
     * the owner's country, address and metadata, other carts, data-subject requests) is the owner's.
     *
     * @param operation the operation
     * @return true when a role allows it
     */
    public static boolean participantOperation(CartOperation operation) {
        return VIEW.contains(operation) || EDIT.contains(operation) || CHECKOUT.contains(operation);
    }

    /**
     * Whether this participant's role allows the operation.
     *
     * @param participant who
     * @param operation   what
     * @return true when allowed
     */
    public static boolean allows(Participant participant, CartOperation operation) {
        if (VIEW.contains(operation)) {
            return true;
        }
        boolean edits = participant.role() == Participant.Role.EDIT;
        if (EDIT.contains(operation)) {
            return edits;
        }
        return CHECKOUT.contains(operation) && edits && participant.mayCheckout();
    }

    /**
     * The participant of the cart whose invitation the token's hash is, whether expired or not. Every
     * stored hash is compared in constant time.
     *
     * @param cart      the cart
     * @param tokenHash the hash of the presented share token
     * @return the participant, or empty
     */
    public static Optional<Participant> holder(Cart cart, String tokenHash) {
        byte[] presented = tokenHash.getBytes(StandardCharsets.US_ASCII);
        Participant found = null;
        for (Participant participant : cart.participants()) {
            if (MessageDigest.isEqual(presented, participant.tokenHash().getBytes(StandardCharsets.US_ASCII))) {
                found = participant;
            }
        }
        return Optional.ofNullable(found);
    }

    /** Whether the invitation still grants something at {@code now} (like a cart, alive up to its expiry instant). */
    public static boolean live(Participant participant, Instant now) {
        return !now.isAfter(participant.expiresAt());
    }

    /**
     * The cart with a new participant: invitations expired at {@code now} are dropped first (each with
     * its {@code PARTICIPANT_REMOVED} event, reason {@code expired}), then the live ones are counted.
     *
     * @param cart       the cart as stored
     * @param invited    the new participant
     * @param maxPerCart the bound of live participants on one cart
     * @param now        the instant of the change
     * @return the change
     * @throws CartException {@code CART_LIMIT} when the cart already has {@code maxPerCart} live participants
     */
    public static Change invite(Cart cart, Participant invited, int maxPerCart, Instant now) {
        List<Participant> kept = new ArrayList<>();
        List<PendingEvent> events = new ArrayList<>();
        for (Participant participant : cart.participants()) {
            if (live(participant, now)) {
                kept.add(participant);
            } else {
                events.add(removed(participant, "expired"));
            }
        }
        if (kept.size() >= maxPerCart) {
            throw new CartException(CartErrorCode.CART_LIMIT, "a cart has at most " + maxPerCart + " participants");
        }
        kept.add(invited);
        events.add(PendingEvent.of(CartEvent.Type.PARTICIPANT_INVITED, "participant", invited.id(),
                "role", invited.role().name(), "mayCheckout", Boolean.toString(invited.mayCheckout()),
                "expiresAt", invited.expiresAt().toString()));
        return new Change(cart.toBuilder().participants(kept).build(), events);
    }

    /**
     * The cart without a participant; removing one the cart does not have changes nothing, like
     * removing a code that is not applied.
     *
     * @param cart          the cart as stored
     * @param participantId the participant to remove
     * @return the change, or null when there is nothing to remove
     */
    public static @Nullable Change remove(Cart cart, String participantId) {
        List<Participant> kept = new ArrayList<>();
        Participant gone = null;
        for (Participant participant : cart.participants()) {
            if (participant.id().equals(participantId)) {
                gone = participant;
            } else {
                kept.add(participant);
            }
        }
        if (gone == null) {
            return null;
        }
        return new Change(cart.toBuilder().participants(kept).build(), List.of(removed(gone, "revoked")));
    }

    private static PendingEvent removed(Participant participant, String reason) {
        return PendingEvent.of(CartEvent.Type.PARTICIPANT_REMOVED, "participant", participant.id(), "reason", reason);
    }
}
