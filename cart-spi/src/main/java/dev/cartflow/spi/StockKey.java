package dev.cartflow.spi;

import dev.cartflow.error.CartException;

import dev.cartflow.model.Sku;

/**
 * A sku in a warehouse.
 *
 * @param sku       the product
 * @param warehouse the warehouse
 */
public record StockKey(Sku sku, String warehouse) {
    /** Validates. */
    public StockKey {
        if (sku == null || warehouse == null) {
            throw CartException.invalidInput("sku and warehouse are required");
        }
    }
}
