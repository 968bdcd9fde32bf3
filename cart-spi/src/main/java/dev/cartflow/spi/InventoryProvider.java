package dev.cartflow.spi;

import java.util.Map;
import java.util.Set;

/** The host's stock. */
public interface InventoryProvider {
    /**
     * Units available now; a key missing from the result is not tracked (unlimited).
     *
     * @param keys skus and warehouses
     * @return available units by key
     */
    Map<StockKey, Long> available(Set<StockKey> keys);

    /**
     * Reserves units for a checkout, all or nothing. Calling it again with the same reservation id
     * must not reserve twice.
     *
     * @param reservationId idempotency id of the reservation
     * @param units         units to reserve by key
     * @throws CartException {@code OUT_OF_STOCK} when any key has too few units; nothing is then reserved
     */
    void reserve(String reservationId, Map<StockKey, Integer> units);

    /**
     * Releases a reservation; unknown ids are ignored.
     *
     * @param reservationId the id given to {@link #reserve}
     */
    void release(String reservationId);
}
