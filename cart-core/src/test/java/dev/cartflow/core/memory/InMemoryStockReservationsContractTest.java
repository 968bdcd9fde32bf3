package dev.cartflow.core.memory;

import dev.cartflow.spi.StockKey;
import dev.cartflow.spi.StockReservations;
import dev.cartflow.tck.StockReservationsContract;
import java.util.Map;

/** The cart-tck reservations contract on {@link InMemoryInventory} (its levels are read back too). */
class InMemoryStockReservationsContractTest extends StockReservationsContract {
    @Override
    protected StockReservations newReservations(Map<StockKey, Long> levels) {
        return InMemoryStock.of(levels);
    }
}
