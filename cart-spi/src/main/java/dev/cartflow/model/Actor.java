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

    /** A guest proving ownership of a guest cart with the secret token it got at creation. */
    static Actor guest(String token) {
        return new Guest(token, null);
    }

    /**
     * A guest with a stable identity the host vouches for (for example a keyed hash of the e-mail
     * the guest gave), so that per-customer promotion limits apply to guests too.
     *
     * @param token    the secret cart token
     * @param identity the stable guest identity (never the e-mail itself)
     * @return the actor
     */
    static Actor guest(String token, String identity) {
        return new Guest(token, Checks.text(identity, "guest identity", 128));
    }

    /** A signed-in customer, acting on their own carts only. */
    static Actor customer(CustomerId customerId) {
        return new Customer(customerId);
    }

    /**
     * Support staff with full rights, acting on any cart for a stated reason (kept in the audit trail).
     *
     * @param staffId who
     * @param reason  why, for example a ticket reference
     * @return the actor
     */
    static Actor support(String staffId, String reason) {
        return new Support(staffId, reason, SupportRole.FULL);
    }

    /** Support staff who may only read, for a stated reason. */
    static Actor supportReadOnly(String staffId, String reason) {
        return new Support(staffId, reason, SupportRole.READ_ONLY);
    }

    /**
     * Someone the owner shared the cart with, proving it with the share token of their invitation.
     *
     * @param shareToken the secret share token
     * @return the actor
     */
    static Actor participant(String shareToken) {
        return new Participant(shareToken);
    }

    /** A trusted back-end service granted every operation. */
    static Actor service(String name) {
        return new Service(name, EnumSet.allOf(CartOperation.class));
    }

    /** A trusted back-end service limited to the operations it is granted. */
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
        /** Validates. */
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
        /** Validates. */
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
        /** Validates. */
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
        /** Validates. */
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
        /** Validates and copies. */
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
