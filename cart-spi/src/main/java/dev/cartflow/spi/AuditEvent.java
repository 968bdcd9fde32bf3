package dev.cartflow.spi;

import dev.cartflow.error.CartException;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CartOperation;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One entry of the audit trail: a privileged or security-relevant action (a support read or
 * change, a service call with its grant, a denied access, an erasure, an export, a token failure).
 * It holds no personal data in clear: shoppers appear only as keyed pseudonyms.
 *
 * @param at        when
 * @param actorKind {@link #GUEST}, {@link #CUSTOMER}, {@link #SUPPORT}, {@link #SERVICE}, {@link #SYSTEM}
 *                  or {@link #PARTICIPANT}
 * @param actorId   the staff id or service name; for a guest or customer, their pseudonym; for a
 *                  participant of a shared cart, its invitation's id (or, when the token matched no
 *                  invitation, the pseudonym of the token's hash)
 * @param operation what was attempted
 * @param cartId    the cart concerned, or null
 * @param subject   the pseudonym of the customer whose data was concerned, or null
 * @param reason    the reason support staff gave, or null
 * @param outcome   what happened
 * @param detail    a short machine-readable detail (an error code, a count, the grant used), never
 *                  personal data
 */
public record AuditEvent(Instant at, String actorKind, String actorId, CartOperation operation,
                         @Nullable CartId cartId, @Nullable String subject, @Nullable String reason,
                         Outcome outcome, String detail) {

    /** Actor kind of a guest (its id is the pseudonym of its identity, or of its token's hash). */
    public static final String GUEST = "GUEST";
    /** Actor kind of a signed-in customer (its id is the customer's pseudonym). */
    public static final String CUSTOMER = "CUSTOMER";
    /** Actor kind of support staff (its id is the staff id). */
    public static final String SUPPORT = "SUPPORT";
    /** Actor kind of a trusted service (its id is the service name). */
    public static final String SERVICE = "SERVICE";
    /** Actor kind of the engine or the host acting on its own (jobs, data-protection requests). */
    public static final String SYSTEM = "SYSTEM";
    /** Actor kind of a participant of a shared cart (its id is the invitation's id). */
    public static final String PARTICIPANT = "PARTICIPANT";

    /** What happened to an audited action. */
    public enum Outcome {
        /** It was allowed (and is being or was done). */
        ALLOWED,
        /** It was refused (access, role, grant, token, policy). */
        DENIED,
        /** It was allowed and failed. */
        FAILED
    }

    /**
     * Validates: everything but {@code cartId}, {@code subject} and {@code reason} is required. The
     * texts are kept as given: not trimmed, and {@code actorKind} is not checked against the
     * constants.
     *
     * @param at        when; required
     * @param actorKind one of the actor kind constants, such as {@link #SUPPORT}; required
     * @param actorId   the actor's id or pseudonym; required
     * @param operation what was attempted; required
     * @param cartId    the cart concerned, or null
     * @param subject   the concerned customer's pseudonym, or null
     * @param reason    the reason support staff gave, or null
     * @param outcome   what happened; required
     * @param detail    a short machine-readable detail; required, may be empty
     * @throws CartException {@code INVALID_INPUT} when a required field is null
     */
    public AuditEvent {
        if (at == null || actorKind == null || actorId == null || operation == null || outcome == null
                || detail == null) {
            throw CartException.invalidInput("audit event needs at, actor kind and id, operation, outcome and detail");
        }
    }

    /**
     * The event as one compact JSON object (what a data-subject export returns for it).
     *
     * @return the JSON text
     */
    public String toJson() {
        StringBuilder json = new StringBuilder(256).append('{');
        field(json, "at", at.toString()).append(',');
        field(json, "actorKind", actorKind).append(',');
        field(json, "actorId", actorId).append(',');
        field(json, "operation", operation.name()).append(',');
        field(json, "cartId", cartId == null ? null : cartId.toString()).append(',');
        field(json, "subject", subject).append(',');
        field(json, "reason", reason).append(',');
        field(json, "outcome", outcome.name()).append(',');
        field(json, "detail", detail);
        return json.append('}').toString();
    }

    private static StringBuilder field(StringBuilder json, String name, @Nullable String value) {
        json.append('"').append(name).append("\":");
        if (value == null) {
            return json.append("null");
        }
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"');
    }
}
