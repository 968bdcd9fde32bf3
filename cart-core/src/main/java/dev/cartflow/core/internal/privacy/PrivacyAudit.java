package dev.cartflow.core.internal.privacy;

import dev.cartflow.core.internal.pipeline.EngineConfig;
import dev.cartflow.core.internal.support.Failures;
import dev.cartflow.core.internal.pipeline.Audit;
import dev.cartflow.core.internal.support.GuestTokens;
import dev.cartflow.model.Actor;
import dev.cartflow.model.CartOperation;
import dev.cartflow.spi.AuditEvent;

/**
 * The audit entries of erasures and exports. The customer concerned appears only as its keyed
 * pseudonym; a shopper acting appears as its pseudonym too, staff and services by their ids.
 */
final class PrivacyAudit {
    private final EngineConfig config;

    PrivacyAudit(EngineConfig config) {
        this.config = config;
    }

    /**
     * Records an entry; a failing audit log is {@code PROVIDER_UNAVAILABLE}, so that an action that
     * cannot be recorded is not done.
     */
    void record(Actor actor, CartOperation operation, String subject, AuditEvent.Outcome outcome, String detail) {
        AuditEvent event = event(actor, operation, subject, outcome, detail);
        Failures.provider("audit log", () -> config.audit().record(event));
    }

    /** Records an entry when it can: the outcome it reports stands even if the audit log fails now. */
    void recordQuietly(Actor actor, CartOperation operation, String subject, AuditEvent.Outcome outcome,
                       String detail) {
        try {
            record(actor, operation, subject, outcome, detail);
        } catch (RuntimeException ignored) {
            // The operation's own result (its error, or an erasure already done) is what the caller must see.
        }
    }

    private AuditEvent event(Actor actor, CartOperation operation, String subject, AuditEvent.Outcome outcome,
                             String detail) {
        String kind;
        String id;
        String reason = null;
        if (actor instanceof Actor.Support support) {
            kind = "SUPPORT";
            id = support.staffId();
            reason = support.reason();
        } else if (actor instanceof Actor.Service service) {
            kind = "SERVICE";
            id = service.name();
        } else if (actor instanceof Actor.Customer customer) {
            kind = "CUSTOMER";
            id = config.pseudonyms().of("customer", customer.customerId().value());
        } else if (actor instanceof Actor.Participant participant) {
            kind = AuditEvent.PARTICIPANT;
            id = config.pseudonyms().of(Audit.PARTICIPANT_TOKEN_KIND, GuestTokens.hash(participant.shareToken()));
        } else {
            Actor.Guest guest = (Actor.Guest) actor;
            kind = "GUEST";
            id = guest.identity() != null ? config.pseudonyms().of("guest", guest.identity())
                    : config.pseudonyms().of("guest-token", GuestTokens.hash(guest.token()));
        }
        return new AuditEvent(config.now(), kind, id, operation, null, subject, reason, outcome, detail);
    }
}
