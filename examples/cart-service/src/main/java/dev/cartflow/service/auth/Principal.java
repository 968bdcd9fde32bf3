package dev.cartflow.service.auth;

/** Who a verified bearer token speaks for. */
public sealed interface Principal {

    /**
     * A signed-in customer.
     *
     * @param customerId the customer's id in the shop
     */
    record Customer(String customerId) implements Principal {
    }

    /**
     * A support agent acting on a shopper's cart.
     *
     * @param staffId  the agent's id
     * @param reason   why they act (a ticket reference), recorded in the audit trail
     * @param readOnly whether the agent may only read
     */
    record Staff(String staffId, String reason, boolean readOnly) implements Principal {
    }
}
