package dev.cartflow.core.memory;

import dev.cartflow.model.Sku;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.spi.InventoryProvider;
import dev.cartflow.spi.StockReservations;
import dev.cartflow.spi.StockKey;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Thread-safe stock in memory. Skus never given a stock level are untracked (unlimited). */
public final class InMemoryInventory implements InventoryProvider, StockReservations {
    private final Map<StockKey, Long> stock = new HashMap<>();
    private final Map<String, Map<StockKey, Integer>> reservations = new HashMap<>();

    /** Empty: nothing tracked. */
    public InMemoryInventory() {
    }

    /**
     * Sets the units of a sku in a warehouse.
     *
     * @param sku       the product; not null
     * @param warehouse the warehouse; not null ({@link dev.cartflow.model.LineItem#DEFAULT_WAREHOUSE} for
     *                  lines added without one)
     * @param units     units available, not negative ({@code INVALID_INPUT}); reservations take from them
     * @return this inventory
     */
    public synchronized InMemoryInventory setStock(Sku sku, String warehouse, long units) {
        if (units < 0) {
            throw CartException.invalidInput("stock must not be negative");
        }
        stock.put(new StockKey(sku, warehouse), units);
        return this;
    }

    @Override
    public synchronized Map<StockKey, Long> available(Set<StockKey> keys) {
        Map<StockKey, Long> result = new HashMap<>();
        for (StockKey key : keys) {
            Long units = stock.get(key);
            if (units != null) {
                result.put(key, units);
            }
        }
        return result;
    }

    @Override
    public synchronized void reserve(String reservationId, Map<StockKey, Integer> units) {
        if (reservations.containsKey(reservationId)) {
            return;
        }
        for (Map.Entry<StockKey, Integer> e : units.entrySet()) {
            Long available = stock.get(e.getKey());
            if (available != null && available < e.getValue()) {
                throw new CartException(CartErrorCode.OUT_OF_STOCK, "only " + available + " of " + e.getKey().sku());
            }
        }
        for (Map.Entry<StockKey, Integer> e : units.entrySet()) {
            stock.computeIfPresent(e.getKey(), (k, v) -> v - e.getValue());
        }
        reservations.put(reservationId, Map.copyOf(units));
    }

    @Override
    public synchronized void release(String reservationId) {
        Map<StockKey, Integer> units = reservations.remove(reservationId);
        if (units != null) {
            units.forEach((k, v) -> stock.computeIfPresent(k, (key, s) -> s + v));
        }
    }
}
