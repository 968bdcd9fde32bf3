package dev.cartflow.core.privacy;

import dev.cartflow.model.Actor;
import dev.cartflow.model.CustomerId;

/**
 * A data subject's requests: erase everything stored about a customer, or export it. From
 * {@code CartEngine.dataProtection()}; thread-safe. Each request asks every store of the engine that
 * keeps personal data (the repository, the promotion usage store, the audit log when it can, and the
 * stores given to {@code CartEngineBuilder.personalDataStore}), and is recorded in the audit trail
 * under the customer's keyed pseudonym, never the id in clear.
 *
 * <p>Who may: an erasure is for full support staff and for services granted
 * {@code ERASE_CUSTOMER}; an export also for read-only support, services granted
 * {@code EXPORT_CUSTOMER} and the signed-in customer itself. Anyone else gets {@code ACCESS_DENIED}.
 * Every failure is a {@link dev.cartflow.error.CartException}: a failing store is
 * {@code PROVIDER_UNAVAILABLE}, an engine wired with a repository or usage store that cannot erase is
 * {@code INTERNAL} (and nothing is touched).
 */
public interface CustomerData {

    /**
     * Deletes or anonymizes everything the engine's stores keep about a customer: their carts (and
     * the guest carts merged into them), lines, codes, events, stored responses, redemptions and audit
     * entries. Erasing again touches nothing; an unknown customer gives an empty report.
     *
     * @param actor      full support staff or a service granted {@code ERASE_CUSTOMER}
     * @param customerId the customer
     * @return what was touched, per store and kind of record
     */
    ErasureReport erase(Actor actor, CustomerId customerId);

    /**
     * Everything the engine's stores keep about a customer, as one JSON document: format
     * {@code cartflow.customer-export}, {@code version} 1, the customer id, the instant of the export
     * and, per store and kind of record, every record with its id and content.
     *
     * @param actor      the customer itself, support staff or a service granted {@code EXPORT_CUSTOMER}
     * @param customerId the customer
     * @return the JSON document
     */
    String export(Actor actor, CustomerId customerId);
}
