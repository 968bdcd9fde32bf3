package dev.cartflow.model;

/** Who a cart belongs to: a guest holding a secret token, or a signed-in customer. */
public sealed interface CartOwner {

    /**
     * A guest cart. The token given to the guest at creation is never stored; only its hash is.
     *
     * @param tokenHash hex SHA-256 of the guest's token
     */
    record Guest(String tokenHash) implements CartOwner {
        /** Validates. */
        public Guest {
            Checks.text(tokenHash, "token hash", 128);
        }
    }

    /**
     * A customer cart.
     *
     * @param customerId the customer's id
     */
    record Customer(CustomerId customerId) implements CartOwner {
        /** Validates. */
        public Customer {
            Checks.notNull(customerId, "customer id");
        }
    }
}
