package dev.cartflow.spi;

import dev.cartflow.error.CartException;

import dev.cartflow.model.Sku;

/**
 * A sku in a warehouse.
 *
 * @param sku       the product
 * @param warehouse the warehouse as the cart line names it ({@value dev.cartflow.model.LineItem#DEFAULT_WAREHOUSE}
 *                  for lines added without one)
 */
public record StockKey(Sku sku, String warehouse) {
    /**
     * Validates that both are present.
     *
     * @param sku       the product; required
     * @param warehouse the warehouse as a cart line names it; required
     * @throws CartException {@code INVALID_INPUT} when either is null
     */
    public StockKey {
        if (sku == null || warehouse == null) {
            throw CartException.invalidInput("sku and warehouse are required");
        }
    }
}
