package dev.cartflow.model;

import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Who performs an operation. Every operation runs for an actor; anyone not allowed gets
 * {@code ACCESS_DENIED}, which never reveals whether the cart exists. The host authenticates
 * actors; the engine decides what each may do.
 */
public sealed interface Actor {

    /**
     * A guest proving ownership of a guest cart with the secret token it got at creation.
     *
     * @param token the secret cart token, at most 256 characters
     * @return the actor, without a guest identity
     * @throws dev.cartflow.error.CartException {@code INVALID_INPUT} when the token is null, blank, too
     *                                          long, holds control characters or is ill-formed UTF-16
     */
    static Actor guest(String token) {
        return new Guest(token, null);
    }

    /**
     * A guest with a stable identity the host vouches for (for example a keyed hash of the e-mail
     * the guest gave), so that per-customer promotion limits apply to guests too.
     *
     * @param token    the secret cart token, at most 256 characters
     * @param identity the stable guest identity (never the e-mail itself), at most 128 characters
     * @return the actor
     * @throws dev.cartflow.error.CartException {@code INVALID_INPUT} when the token or the identity is
     *                                          null, blank, too long, holds control characters or is
     *                                          ill-formed UTF-16
     */
    static Actor guest(String token, String identity) {
        return new Guest(token, Checks.text(identity, "guest identity", 128));
    }

    /**
     * A signed-in customer, acting on their own carts only.
     *
     * @param customerId the customer the host authenticated
     * @return the actor
     * @throws dev.cartflow.error.CartException {@code INVALID_INPUT} when the id is null
     */
    static Actor customer(CustomerId customerId) {
        return new Customer(customerId);
    }

    /**
     * Support staff with full rights, acting on any cart for a stated reason (kept in the audit trail).
     *
     * @param staffId who, at most 128 characters
     * @param reason  why, for example a ticket reference, at most 256 characters
     * @return the actor, with {@link SupportRole#FULL}
     * @throws dev.cartflow.error.CartException {@code INVALID_INPUT} when either text is null, blank, too
     *                                          long, holds control characters or is ill-formed UTF-16
     */
    static Actor support(String staffId, String reason) {
        return new Support(staffId, reason, SupportRole.FULL);
    }

    /**
     * Support staff who may only read, for a stated reason.
     *
     * @param staffId who, at most 128 characters
     * @param reason  why, for example a ticket reference, at most 256 characters
     * @return the actor, with {@link SupportRole#READ_ONLY}
     * @throws dev.cartflow.error.CartException {@code INVALID_INPUT} when either text is null, blank, too
     *                                          long, holds control characters or is ill-formed UTF-16
     */
    static Actor supportReadOnly(String staffId, String reason) {
        return new Support(staffId, reason, SupportRole.READ_ONLY);
    }

    /**
     * Someone the owner shared the cart with, proving it with the share token of their invitation.
     *
     * @param shareToken the secret share token, at most 256 characters
     * @return the actor
     * @throws dev.cartflow.error.CartException {@code INVALID_INPUT} when the token is null, blank, too
     *                                          long, holds control characters or is ill-formed UTF-16
     */
    static Actor participant(String shareToken) {
        return new Participant(shareToken);
    }

    /**
     * A trusted back-end service granted every operation.
     *
     * @param name the service's name, at most 128 characters
     * @return the actor, granted every {@link CartOperation}
     * @throws dev.cartflow.error.CartException {@code INVALID_INPUT} when the name is null, blank, too
     *                                          long, holds control characters or is ill-formed UTF-16
     */
    static Actor service(String name) {
        return new Service(name, EnumSet.allOf(CartOperation.class));
    }

    /**
     * A trusted back-end service limited to the operations it is granted.
     *
     * @param name   the service's name, at most 128 characters
     * @param grants the operations it may run, copied; empty grants nothing
     * @return the actor
     * @throws dev.cartflow.error.CartException {@code INVALID_INPUT} when the name is not a valid text (as
     *                                          for {@link #service(String)}) or the set or an element is
     *                                          null
     */
    static Actor service(String name, Set<CartOperation> grants) {
        return new Service(name, grants);
    }

    /**
     * A guest with a cart token.
     *
     * @param token    the secret token
     * @param identity a stable identity the host vouches for, or null
     */
    record Guest(String token, @Nullable String identity) implements Actor {
        /**
         * Validates.
         *
         * @param token    a {@linkplain Checks#text text} of at most 256 characters
         * @param identity a {@linkplain Checks#text text} of at most 128 characters, or null
         * @throws dev.cartflow.error.CartException {@code INVALID_INPUT} when the token or a non-null identity
         *                                          breaks its rule
         */
        public Guest {
            Checks.text(token, "token", 256);
            if (identity != null) {
                Checks.text(identity, "guest identity", 128);
            }
        }

        @Override
        public String toString() {
            return "Guest[token=***" + (identity == null ? "" : ", identity=***") + "]";
        }
    }

    /**
     * A signed-in customer.
     *
     * @param customerId the customer
     */
    record Customer(CustomerId customerId) implements Actor {
        /**
         * Validates.
         *
         * @param customerId not null
         * @throws dev.cartflow.error.CartException {@code INVALID_INPUT} when the id is null
         */
        public Customer {
            Checks.notNull(customerId, "customer id");
        }
    }

    /**
     * A participant of a shared cart.
     *
     * @param shareToken the secret share token
     */
    record Participant(String shareToken) implements Actor {
        /**
         * Validates.
         *
         * @param shareToken a {@linkplain Checks#text text} of at most 256 characters
         * @throws dev.cartflow.error.CartException {@code INVALID_INPUT} when the token breaks its rule
         */
        public Participant {
            Checks.text(shareToken, "share token", 256);
        }

        @Override
        public String toString() {
            return "Participant[shareToken=***]";
        }
    }

    /** What a member of support staff may do. */
    enum SupportRole {
        /** Only operations that change nothing ({@link CartOperation#readOnly()}). */
        READ_ONLY,
        /** Every operation. */
        FULL
    }

    /**
     * Support staff.
     *
     * @param staffId who
     * @param reason  why they act (for example a ticket reference), recorded in the audit trail
     * @param role    what they may do
     */
    record Support(String staffId, String reason, SupportRole role) implements Actor {
        /**
         * Validates.
         *
         * @param staffId a {@linkplain Checks#text text} of at most 128 characters
         * @param reason  a {@linkplain Checks#text text} of at most 256 characters
         * @param role    not null
         * @throws dev.cartflow.error.CartException {@code INVALID_INPUT} when a component breaks its rule
         */
        public Support {
            Checks.text(staffId, "staff id", 128);
            Checks.text(reason, "support reason", 256);
            Checks.notNull(role, "support role");
        }
    }

    /**
     * A trusted service.
     *
     * @param name   which
     * @param grants the operations it may run
     */
    record Service(String name, Set<CartOperation> grants) implements Actor {
        /**
         * Validates and copies.
         *
         * @param name   a {@linkplain Checks#text text} of at most 128 characters
         * @param grants no null element; copied, an empty set grants nothing
         * @throws dev.cartflow.error.CartException {@code INVALID_INPUT} when the name breaks its rule or the
         *                                          set or an element is null
         */
        public Service {
            Checks.text(name, "service name", 128);
            Checks.notNull(grants, "service grants");
            for (CartOperation grant : grants) {
                Checks.notNull(grant, "service grant");
            }
            grants = grants.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(grants));
        }
    }
}
