package dev.cartflow.core.internal.privacy;

import dev.cartflow.core.internal.support.Failures;
import dev.cartflow.model.Actor;
import dev.cartflow.model.CartOperation;
import dev.cartflow.model.CustomerId;

/**
 * Who may erase or export a customer's data, in one method so that the security part's general role
 * enforcement can take it over: full support staff and services granted the operation may do both;
 * read-only support staff and the signed-in customer itself may only export. A customer cannot erase
 * itself through the engine: the host confirms such a request and runs it as a service.
 */
final class PrivacyAccess {
    private PrivacyAccess() {
    }

    /** Fails with {@code ACCESS_DENIED} unless the actor may run the operation for the customer. */
    static void authorize(Actor actor, CartOperation operation, CustomerId customerId) {
        boolean export = operation == CartOperation.EXPORT_CUSTOMER;
        boolean allowed;
        if (actor instanceof Actor.Support support) {
            allowed = export || support.role() == Actor.SupportRole.FULL;
        } else if (actor instanceof Actor.Service service) {
            allowed = service.grants().contains(operation);
        } else if (actor instanceof Actor.Customer customer) {
            allowed = export && customer.customerId().equals(customerId);
        } else {
            allowed = false;
        }
        if (!allowed) {
            throw Failures.denied();
        }
    }
}
