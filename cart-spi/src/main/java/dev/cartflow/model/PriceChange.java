package dev.cartflow.model;

/**
 * A line whose unit price differs from the one seen when it was added.
 *
 * @param lineId   the line
 * @param sku      its product
 * @param previous the unit price when added
 * @param current  the unit price now
 */
public record PriceChange(LineId lineId, Sku sku, Money previous, Money current) {
    /**
     * Validates.
     *
     * @param lineId   not null
     * @param sku      not null
     * @param previous not null
     * @param current  not null
     * @throws dev.cartflow.error.CartException {@code INVALID_INPUT} when a component is null
     */
    public PriceChange {
        Checks.notNull(lineId, "line id");
        Checks.notNull(sku, "sku");
        Checks.notNull(previous, "previous");
        Checks.notNull(current, "current");
    }
}
