package dev.cartflow.spi;

import java.util.Map;
import java.util.Set;

/**
 * The host's stock levels, read when lines grow and at checkout. A host with only a stock feed
 * implements just this; reservations at checkout are the separate {@link StockReservations}.
 * Thread-safe: called from any number of threads at once. Checked by {@code InventoryContract} in
 * {@code cart-tck}.
 */
@FunctionalInterface
public interface InventoryProvider {
    /**
     * Units available now; a key missing from the result is not tracked (unlimited).
     *
     * @param keys skus and warehouses
     * @return available units by key
     */
    Map<StockKey, Long> available(Set<StockKey> keys);
}
