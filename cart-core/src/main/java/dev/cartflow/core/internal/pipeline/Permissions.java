package dev.cartflow.core.internal.pipeline;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.cartflow.core.internal.rules.ParticipantRules;
import dev.cartflow.core.security.SecurityPolicy;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartOperation;
import dev.cartflow.model.Participant;
import java.io.IOException;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What each kind of actor may run, the one home of roles, grants and guest policies: read-only
 * support only {@link CartOperation#readOnly()} operations, full support everything, a service what
 * it is granted, a guest what the {@link SecurityPolicy} does not deny it, and what the policy
 * requires of a guest's cart; a participant of a shared cart what its role allows. Which cart an actor may touch (ownership) is {@link Access}'s job.
 */
public final class Permissions {
    private static final JsonFactory JSON = new JsonFactory();
    /** The details of refusals, as the audit trail records them. */
    static final String ROLE = "ROLE";
    static final String GRANT = "GRANT";
    static final String GUEST_POLICY = "GUEST_POLICY";
    static final String EXPIRED = "EXPIRED";

    private final SecurityPolicy policy;

    /** Permissions under this policy. */
    public Permissions(SecurityPolicy policy) {
        this.policy = policy;
    }

    /**
     * Why an actor may not run an operation at all, whatever the cart.
     *
     * @param actor     who
     * @param operation what
     * @return {@code ROLE}, {@code GRANT} or {@code GUEST_POLICY}, or null when it may
     */
    public @Nullable String refusal(Actor actor, CartOperation operation) {
        if (actor instanceof Actor.Support support) {
            return support.role() == Actor.SupportRole.FULL || operation.readOnly() ? null : ROLE;
        } else if (actor instanceof Actor.Service service) {
            return service.grants().contains(operation) ? null : GRANT;
        } else if (actor instanceof Actor.Guest) {
            return policy.deniesGuests(operation) ? GUEST_POLICY : null;
        } else if (actor instanceof Actor.Participant) {
            // Which role may run what on the cart is checked once the invitation is found (participantRefusal).
            return ParticipantRules.participantOperation(operation) ? null : ROLE;
        }
        return null;
    }

    /**
     * What allowed a privileged actor an operation, for its audit entry.
     *
     * @param actor     a support or service actor that may run it
     * @param operation the operation
     * @return {@code role:FULL}, {@code role:READ_ONLY} or {@code grant:<operation>}
     */
    static String allowance(Actor actor, CartOperation operation) {
        return actor instanceof Actor.Support support ? "role:" + support.role() : "grant:" + operation;
    }

    /**
     * Whether guests may create guest carts at all.
     *
     * @return false when the policy denies {@code CREATE_GUEST_CART}
     */
    public boolean guestCartsAllowed() {
        return !policy.deniesGuests(CartOperation.CREATE_GUEST_CART);
    }

    /**
     * The first metadata key the policy requires of a guest's cart for an operation that it lacks.
     *
     * @param actor     who acts on its own cart
     * @param operation what
     * @param cart      the cart as stored
     * @return the missing key, or null when nothing is missing (or the actor is not a guest)
     */
    public @Nullable String missingGuestMetadata(Actor actor, CartOperation operation, Cart cart) {
        if (!(actor instanceof Actor.Guest)) {
            return null;
        }
        for (String key : policy.requiredGuestMetadata(operation)) {
            if (!hasValue(cart.metadata(), key)) {
                return key;
            }
        }
        return null;
    }

    /** The refusal of a guest whose cart lacks what the policy requires; only its owner gets here. */
    static CartException missing(CartOperation operation, String key) {
        return new CartException(CartErrorCode.ACCESS_DENIED,
                "a guest cart needs the metadata key '" + key + "' for " + operation);
    }

    /**
     * Why a participant of a shared cart may not run an operation on it: its invitation has expired
     * ({@code EXPIRED}), or its role does not allow the operation ({@code ROLE}; checkout needs an
     * editing role allowed to check out). The table is {@link ParticipantRules}'.
     *
     * @param participant whose invitation the token is
     * @param operation   what
     * @param now         the instant of the access
     * @return the refusal, or null when it may
     */
    public @Nullable String participantRefusal(Participant participant, CartOperation operation, Instant now) {
        if (!ParticipantRules.live(participant, now)) {
            return EXPIRED;
        }
        return ParticipantRules.allows(participant, operation) ? null : ROLE;
    }

    /** Whether the stored metadata object has this top-level key with a value other than null or blank text. */
    private static boolean hasValue(@Nullable String metadata, String key) {
        if (metadata == null || metadata.isEmpty()) {
            return false;
        }
        try (JsonParser parser = JSON.createParser(metadata)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals(key)) {
                    return value != JsonToken.VALUE_NULL
                            && !(value == JsonToken.VALUE_STRING && parser.getText().isBlank());
                }
                parser.skipChildren();
            }
            return false;
        } catch (IOException e) {
            // Stored metadata was normalized when it was set; unreadable metadata is a bug.
            throw CartException.internal("stored metadata is not a JSON object", e);
        }
    }
}
