package dev.cartflow.model;

/** Who a cart belongs to: a guest holding a secret token, or a signed-in customer. */
public sealed interface CartOwner {

    /**
     * A guest cart. The token given to the guest at creation is never stored; only its hash is.
     *
     * @param tokenHash hex SHA-256 of the guest's token
     */
    record Guest(String tokenHash) implements CartOwner {
        /**
         * Validates.
         *
         * @param tokenHash a {@linkplain Checks#text text} of at most 128 characters
         * @throws dev.cartflow.error.CartException {@code INVALID_INPUT} when the hash breaks its rule
         */
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
}
