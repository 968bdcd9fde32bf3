package dev.cartflow.service.demo;

import dev.cartflow.core.memory.InMemoryInventory;
import dev.cartflow.model.LineItem;
import dev.cartflow.model.Sku;
import dev.cartflow.spi.StockKey;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The demo shop's stock: two warehouses (the default one, where a line comes from unless it names
 * another, and Hamburg). Only the products listed here are tracked; the others (MUG and TEA among
 * them, which other tests add freely) are unlimited. The desk lamp runs short, the planter is sold
 * out, and the tent is mostly in Hamburg.
 */
final class DemoStock {
    /** The second warehouse. */
    static final String HAMBURG = "hamburg";

    /**
     * Units of a product in a warehouse.
     *
     * @param sku       the product
     * @param warehouse the warehouse
     * @param units     how many
     */
    record Level(String sku, String warehouse, long units) {
    }

    /** Every tracked level. */
    static final List<Level> LEVELS = List.of(
            new Level("LAMP", LineItem.DEFAULT_WAREHOUSE, 3),
            new Level("LAMP", HAMBURG, 5),
            new Level("PLANTER", LineItem.DEFAULT_WAREHOUSE, 0),
            new Level("PLANTER", HAMBURG, 0),
            new Level("TENT", LineItem.DEFAULT_WAREHOUSE, 2),
            new Level("TENT", HAMBURG, 40),
            new Level("HEADPHONES", LineItem.DEFAULT_WAREHOUSE, 500),
            new Level("JACKET", LineItem.DEFAULT_WAREHOUSE, 500),
            new Level("WINE", LineItem.DEFAULT_WAREHOUSE, 1_000),
            new Level("WINE", HAMBURG, 1_000));

    private DemoStock() {
    }

    /** The stock, as the engine's inventory and reservations. */
    static InMemoryInventory inventory() {
        InMemoryInventory inventory = new InMemoryInventory();
        LEVELS.forEach(level -> inventory.setStock(Sku.of(level.sku()), level.warehouse(), level.units()));
        return inventory;
    }

    /** The stock keys of a product in every warehouse that tracks it; empty for an untracked product. */
    static Set<StockKey> keys(String sku) {
        return LEVELS.stream().filter(level -> level.sku().equals(sku))
                .map(level -> new StockKey(Sku.of(sku), level.warehouse())).collect(Collectors.toSet());
    }
}
