package dev.cartflow.core;

import dev.cartflow.model.Cart;

/**
 * Both carts after {@link CartEngine#moveLine}, as stored by the one write that changed them.
 *
 * @param from the cart the units left, at its next version
 * @param to   the cart the units joined, at its next version
 */
public record LineMoveResult(Cart from, Cart to) {
}
