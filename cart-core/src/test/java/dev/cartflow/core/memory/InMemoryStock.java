package dev.cartflow.core.memory;

import dev.cartflow.spi.StockKey;
import java.util.Map;

/** Seeds an {@link InMemoryInventory} for the stock contracts. */
final class InMemoryStock {
    private InMemoryStock() {
    }

    static InMemoryInventory of(Map<StockKey, Long> levels) {
        InMemoryInventory inventory = new InMemoryInventory();
        levels.forEach((key, units) -> inventory.setStock(key.sku(), key.warehouse(), units));
        return inventory;
    }
}
