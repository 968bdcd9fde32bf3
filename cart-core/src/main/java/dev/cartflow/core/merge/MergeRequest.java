package dev.cartflow.core.merge;

import dev.cartflow.model.CartId;
import dev.cartflow.model.CustomerId;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Checks;

/**
 * A merge at sign-in: the guest cart (proved by its token, unless the actor is support or a
 * service) into the customer's active cart.
 *
 * @param guestCartId the guest cart
 * @param guestToken  the guest's token; may be null when the actor is support or a service
 * @param customerId  the customer signing in
 * @param policy      how quantities of a sku in both carts combine
 * @param targetCartId the customer cart to merge into, or null for the customer's active cart (and,
 *                     when there is none, the guest cart becomes the customer's)
 */
public record MergeRequest(CartId guestCartId, String guestToken, CustomerId customerId, MergePolicy policy,
                           CartId targetCartId) {
    /**
     * Validates; a null policy means {@link MergePolicy#SUM}.
     *
     * @param guestCartId  not null
     * @param guestToken   null, or 1 to 256 characters, not blank, without control characters
     * @param customerId   not null
     * @param policy       the policy, or null for {@link MergePolicy#SUM}
     * @param targetCartId the customer cart, or null
     * @throws CartException {@code INVALID_INPUT} when the guest cart or the customer is missing, or the token is out
     *                       of shape
     */
    public MergeRequest {
        if (guestCartId == null || customerId == null) {
            throw CartException.invalidInput("guest cart and customer are required");
        }
        if (guestToken != null) {
            Checks.text(guestToken, "guest token", 256);
        }
        policy = policy == null ? MergePolicy.SUM : policy;
    }

    /**
     * A merge into the customer's active cart.
     *
     * @param guestCartId the guest cart
     * @param guestToken  the guest's token; may be null when the actor is support or a service
     * @param customerId  the customer signing in
     * @param policy      how quantities of a sku in both carts combine; null for
     *                    {@link MergePolicy#SUM}
     */
    public MergeRequest(CartId guestCartId, String guestToken, CustomerId customerId, MergePolicy policy) {
        this(guestCartId, guestToken, customerId, policy, null);
    }
}
