package dev.cartflow.core.memory;

import dev.cartflow.spi.InventoryProvider;
import dev.cartflow.spi.StockKey;
import dev.cartflow.tck.InventoryContract;
import java.util.Map;

/** The cart-tck stock-level contract on {@link InMemoryInventory}. */
class InMemoryInventoryContractTest extends InventoryContract {
    @Override
    protected InventoryProvider newInventory(Map<StockKey, Long> levels) {
        return InMemoryStock.of(levels);
    }
}
