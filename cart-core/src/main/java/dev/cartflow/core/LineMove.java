package dev.cartflow.core;

import dev.cartflow.error.CartException;
import dev.cartflow.model.CartId;
import dev.cartflow.model.LineId;
import org.jspecify.annotations.Nullable;

/**
 * What {@link CartEngine#moveLine} moves: units of one line of a cart into another cart of the same
 * owner (a shopping cart and its "saved for later" cart, a wish list and the shopping cart).
 *
 * @param from     the cart the line is on
 * @param lineId   the line
 * @param to       the cart the units go to; not {@code from}
 * @param quantity units to move, at least one and at most the line's quantity; null for the whole line
 */
public record LineMove(CartId from, LineId lineId, CartId to, @Nullable Integer quantity) {
    /**
     * Validates the shape; the quantity is checked by the engine ({@code INVALID_QUANTITY}), like an add's.
     *
     * @param from     the source cart; not null
     * @param lineId   the line; not null
     * @param to       the target cart; not null and not {@code from}
     * @param quantity units to move, or null for the whole line
     * @throws CartException {@code INVALID_INPUT} when a cart or the line is missing, or both carts are one
     */
    public LineMove {
        if (from == null || lineId == null || to == null) {
            throw CartException.invalidInput("a move needs its source cart, line and target cart");
        }
        if (from.equals(to)) {
            throw CartException.invalidInput("a line cannot be moved to the cart it is on");
        }
    }

    /**
     * Moves a whole line.
     *
     * @param from   the cart the line is on
     * @param lineId the line
     * @param to     the cart it goes to
     * @return the move
     */
    public static LineMove whole(CartId from, LineId lineId, CartId to) {
        return new LineMove(from, lineId, to, null);
    }
}
