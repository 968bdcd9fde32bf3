package dev.cartflow.model;

import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One line of a cart: a quantity of one sku from one warehouse.
 *
 * @param id             stable id of the line
 * @param sku            the product
 * @param quantity       units, at least one
 * @param warehouse      where the units come from
 * @param addedUnitPrice the unit price seen when the line was added (null when unknown), so that a
 *                       re-priced cart can report "price changed"
 * @param addedAt        when the line was added; lines are kept in the order they were added
 */
public record LineItem(LineId id, Sku sku, int quantity, String warehouse, @Nullable Money addedUnitPrice, Instant addedAt) {
    /** The warehouse of lines added without one. */
    public static final String DEFAULT_WAREHOUSE = "default";

    /**
     * Validates.
     *
     * @param id             not null
     * @param sku            not null
     * @param quantity       at least one
     * @param warehouse      a {@linkplain Checks#text text} of at most 64 characters
     * @param addedUnitPrice any amount, or null
     * @param addedAt        not null
     * @throws CartException {@link CartErrorCode#INVALID_QUANTITY} when {@code quantity} is not positive;
     *                       {@code INVALID_INPUT} when another component is null or the warehouse breaks its
     *                       rule
     */
    public LineItem {
        Checks.notNull(id, "line id");
        Checks.notNull(sku, "sku");
        Checks.text(warehouse, "warehouse", 64);
        Checks.notNull(addedAt, "added at");
        if (quantity <= 0) {
            throw new CartException(CartErrorCode.INVALID_QUANTITY, "quantity must be positive");
        }
    }

    /**
     * The same line with another quantity.
     *
     * @param newQuantity units, at least one
     * @return a new line with the same id, sku, warehouse, added price and instant
     * @throws CartException {@link CartErrorCode#INVALID_QUANTITY} when {@code newQuantity} is not positive
     */
    public LineItem withQuantity(int newQuantity) {
        return new LineItem(id, sku, newQuantity, warehouse, addedUnitPrice, addedAt);
    }

    /**
     * True when this line holds the given sku from the given warehouse.
     *
     * @param otherSku       the sku to compare
     * @param otherWarehouse the warehouse to compare, exactly (case matters)
     * @return whether both are this line's
     */
    public boolean holds(Sku otherSku, String otherWarehouse) {
        return sku.equals(otherSku) && warehouse.equals(otherWarehouse);
    }
}
