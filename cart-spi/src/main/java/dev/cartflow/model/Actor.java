package dev.cartflow.model;

/**
 * Who performs an operation. Every operation runs for an actor; anyone not allowed gets
 * {@code ACCESS_DENIED}, which never reveals whether the cart exists.
 */
public sealed interface Actor {

    /** A guest proving ownership of a guest cart with the secret token it got at creation. */
    static Actor guest(String token) {
        return new Guest(token);
    }

    /** A signed-in customer, acting on their own carts only. */
    static Actor customer(CustomerId customerId) {
        return new Customer(customerId);
    }

    /** Support staff, acting on any cart (the host authenticates them). */
    static Actor support(String staffId) {
        return new Support(staffId);
    }

    /** A trusted back-end service, acting on any cart (the host authenticates it). */
    static Actor service(String name) {
        return new Service(name);
    }

    /**
     * A guest with a cart token.
     *
     * @param token the secret token
     */
    record Guest(String token) implements Actor {
        /** Validates. */
        public Guest {
            Checks.text(token, "token", 256);
        }

        @Override
        public String toString() {
            return "Guest[token=***]";
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
     * Support staff.
     *
     * @param staffId who
     */
    record Support(String staffId) implements Actor {
        /** Validates. */
        public Support {
            Checks.text(staffId, "staff id", 128);
        }
    }

    /**
     * A trusted service.
     *
     * @param name which
     */
    record Service(String name) implements Actor {
        /** Validates. */
        public Service {
            Checks.text(name, "service name", 128);
        }
    }
}
