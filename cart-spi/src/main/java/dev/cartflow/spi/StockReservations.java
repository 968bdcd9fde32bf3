package dev.cartflow.spi;

import dev.cartflow.error.CartException;
import java.util.Map;

/**
 * Holds units for a checkout: an optional capability beside {@link InventoryProvider}, for hosts
 * whose stock system reserves. Thread-safe. Checked by {@code StockReservationsContract} in
 * {@code cart-tck}.
 */
public interface StockReservations {
    /** Reservations that hold nothing, for hosts that only read stock levels. */
    StockReservations NONE = new StockReservations() {
        @Override
        public void reserve(String reservationId, Map<StockKey, Integer> units) {
        }

        @Override
        public void release(String reservationId) {
        }
    };

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
