package dev.cartflow.spi;

import dev.cartflow.model.CustomerId;
import java.util.List;
import java.util.Map;

/**
 * Optional capability of any store that keeps data about customers (carts, events, outbox,
 * stored responses, redemptions, audit): erasure and export for data-protection requests. The
 * engine asks every configured store that implements it. Implementations must be thread-safe and
 * idempotent: erasing twice erases nothing the second time.
 */
public interface PersonalDataStore {

    /**
     * Deletes or anonymizes everything this store keeps about a customer.
     *
     * @param customerId the customer
     * @param subject    the engine's keyed pseudonym of the customer, for stores that keep only it
     * @return per kind of record, how many were deleted or anonymized
     */
    Map<String, Integer> eraseCustomer(CustomerId customerId, String subject);

    /**
     * Everything this store keeps about a customer.
     *
     * @param customerId the customer
     * @param subject    the engine's keyed pseudonym of the customer
     * @return the records
     */
    List<PersonalRecord> exportCustomer(CustomerId customerId, String subject);
}
