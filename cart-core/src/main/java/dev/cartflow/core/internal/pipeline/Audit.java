package dev.cartflow.core.internal.pipeline;

import dev.cartflow.core.internal.support.Failures;
import dev.cartflow.core.internal.support.GuestTokens;
import dev.cartflow.core.internal.support.Pseudonyms;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CartOperation;
import dev.cartflow.model.CartOwner;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.Participant;
import dev.cartflow.spi.AuditEvent;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Writing the audit trail ({@link EngineConfig#audit()}): events built from the actor with every
 * shopper as a keyed pseudonym. Recording an allowed privileged action must succeed, or the action
 * is not done ({@code PROVIDER_UNAVAILABLE}); recording a denial is best effort, since the denial
 * stands either way. Stateless: the data-protection operations build one to record erasures and
 * exports.
 */
public final class Audit {
    /** The pseudonym kind of customer ids: {@link AuditEvent#subject()} of a customer's data. */
    public static final String CUSTOMER_KIND = "customer";
    /** The pseudonym kind of guest identities the host vouches for. */
    public static final String GUEST_KIND = "guest";
    private static final String GUEST_TOKEN_KIND = "guest-token";
    /** The pseudonym kind of share tokens (of their hash in the audit trail, of the token in rate-limit buckets). */
    public static final String PARTICIPANT_TOKEN_KIND = "participant-token";

    private final EngineConfig config;

    /** The audit trail of this engine. */
    public Audit(EngineConfig config) {
        this.config = config;
    }

    /**
     * Records an allowed action before it is done.
     *
     * @param actor     who acts
     * @param operation what
     * @param cartId    on which cart, or null
     * @param subject   whose data, as a pseudonym, or null
     * @param detail    the role or grant that allowed it, or another short machine-readable detail
     * @throws dev.cartflow.error.CartException {@code PROVIDER_UNAVAILABLE} when the audit log fails
     */
    public void allowed(Actor actor, CartOperation operation, @Nullable CartId cartId, @Nullable String subject,
                        String detail) {
        AuditEvent event = event(actor, operation, cartId, subject, AuditEvent.Outcome.ALLOWED, detail);
        Failures.provider("audit log", () -> config.audit().record(event));
    }

    /**
     * Records a denial; a failing audit log is reported to the observer and does not change the denial.
     *
     * @param actor     who was refused
     * @param operation what
     * @param cartId    on which cart, or null
     * @param subject   whose data, as a pseudonym, or null
     * @param detail    why ({@code ROLE}, {@code GRANT}, {@code TOKEN}, {@code FOREIGN_CART}, ...)
     */
    public void denied(Actor actor, CartOperation operation, @Nullable CartId cartId, @Nullable String subject,
                       String detail) {
        recordDenial(() -> event(actor, operation, cartId, subject, AuditEvent.Outcome.DENIED, detail));
    }

    /**
     * Records the denial of a guest that has no cart and so no token yet (guest cart creation).
     *
     * @param operation what
     * @param detail    why
     */
    public void deniedAnonymousGuest(CartOperation operation, String detail) {
        recordDenial(() -> new AuditEvent(config.now(), AuditEvent.GUEST, "anonymous", operation, null, null, null,
                AuditEvent.Outcome.DENIED, detail));
    }

    private void recordDenial(Supplier<AuditEvent> event) {
        try {
            config.audit().record(event.get());
        } catch (RuntimeException e) {
            try {
                config.observer().failureSwallowed("audit log", e);
            } catch (RuntimeException ignored) {
                // An observer must not turn a denial into another error.
            }
        }
    }

    /**
     * An event at the engine's now, with the actor's kind, id and reason.
     *
     * @param actor     who
     * @param operation what
     * @param cartId    the cart, or null
     * @param subject   the pseudonym of the customer concerned, or null
     * @param outcome   what happened
     * @param detail    a short machine-readable detail, never personal data
     * @return the event
     */
    public AuditEvent event(Actor actor, CartOperation operation, @Nullable CartId cartId, @Nullable String subject,
                            AuditEvent.Outcome outcome, String detail) {
        return new AuditEvent(config.now(), kind(actor), actorId(actor), operation, cartId, subject,
                actor instanceof Actor.Support support ? support.reason() : null, outcome, detail);
    }

    /** The subject pseudonym of a customer, as audit entries, erasure and export know it. */
    public String subject(CustomerId customerId) {
        return config.pseudonyms().of(CUSTOMER_KIND, customerId.value());
    }

    /** The subject of a cart's data: its customer's pseudonym, or null for a guest cart. */
    public @Nullable String subjectOf(Cart cart) {
        return cart.owner() instanceof CartOwner.Customer customer ? subject(customer.customerId()) : null;
    }

    /** The pseudonym of a guest identity the host vouches for. */
    public String guestIdentity(String identity) {
        return config.pseudonyms().of(GUEST_KIND, identity);
    }

    private static String kind(Actor actor) {
        if (actor instanceof Actor.Guest) {
            return AuditEvent.GUEST;
        } else if (actor instanceof Actor.Customer) {
            return AuditEvent.CUSTOMER;
        } else if (actor instanceof Actor.Support) {
            return AuditEvent.SUPPORT;
        } else if (actor instanceof Actor.Participant) {
            return AuditEvent.PARTICIPANT;
        }
        return AuditEvent.SERVICE;
    }

    private String actorId(Actor actor) {
        if (actor instanceof Actor.Guest guest) {
            return guest.identity() != null ? guestIdentity(guest.identity())
                    : config.pseudonyms().of(GUEST_TOKEN_KIND, GuestTokens.hash(guest.token()));
        } else if (actor instanceof Actor.Customer customer) {
            return subject(customer.customerId());
        } else if (actor instanceof Actor.Support support) {
            return support.staffId();
        } else if (actor instanceof Actor.Participant participant) {
            // Before its invitation is found, a participant is known only by its token.
            return config.pseudonyms().of(PARTICIPANT_TOKEN_KIND, GuestTokens.hash(participant.shareToken()));
        }
        return ((Actor.Service) actor).name();
    }

    /**
     * Records what a participant of a shared cart did or was refused, by its invitation's id.
     *
     * @param participant whose invitation the token is
     * @param operation   what
     * @param cartId      the shared cart
     * @param outcome     {@code ALLOWED} (recorded before the change, and required to succeed) or {@code DENIED}
     * @param detail      the role, or why it was refused
     * @throws dev.cartflow.error.CartException {@code PROVIDER_UNAVAILABLE} when an allowed change cannot be recorded
     */
    public void participant(Participant participant, CartOperation operation, CartId cartId,
                            AuditEvent.Outcome outcome, String detail) {
        AuditEvent event = new AuditEvent(config.now(), AuditEvent.PARTICIPANT, participant.id(), operation, cartId,
                null, null, outcome, detail);
        if (outcome == AuditEvent.Outcome.DENIED) {
            recordDenial(() -> event);
        } else {
            Failures.provider("audit log", () -> config.audit().record(event));
        }
    }
}
