package dev.cartflow.spi;

import dev.cartflow.model.CartId;
import dev.cartflow.model.CartOperation;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One entry of the audit trail: a privileged or security-relevant action (a support read or
 * change, a denied access, an erasure, an export, a token failure). It holds no personal data in
 * clear: shoppers appear only as keyed pseudonyms.
 *
 * @param at        when
 * @param actorKind {@code GUEST}, {@code CUSTOMER}, {@code SUPPORT}, {@code SERVICE} or {@code SYSTEM}
 * @param actorId   the staff id or service name; for a guest or customer, their pseudonym
 * @param operation what was attempted
 * @param cartId    the cart concerned, or null
 * @param subject   the pseudonym of the customer whose data was concerned, or null
 * @param reason    the reason support staff gave, or null
 * @param outcome   what happened
 * @param detail    a short machine-readable detail (an error code, a count), never personal data
 */
public record AuditEvent(Instant at, String actorKind, String actorId, CartOperation operation,
                         @Nullable CartId cartId, @Nullable String subject, @Nullable String reason,
                         Outcome outcome, String detail) {

    /** What happened to an audited action. */
    public enum Outcome {
        /** It was allowed and done. */
        ALLOWED,
        /** It was refused (access, role, grant, token, policy). */
        DENIED,
        /** It was allowed and failed. */
        FAILED
    }
}
