package dev.cartflow.core;

import dev.cartflow.model.Money;
import dev.cartflow.error.CartException;

/**
 * Per-cart limits; a change that would pass one fails with {@code CART_LIMIT}. A cart already over
 * a limit (because the limit was lowered) may still shrink.
 *
 * @param maxLines         most lines on one cart
 * @param maxTotalQuantity most units over all lines
 * @param maxSubtotal      largest subtotal, enforced for carts in its currency; null for none
 */
public record CartLimits(int maxLines, long maxTotalQuantity, Money maxSubtotal) {
    /** Generous defaults: 200 lines, 10,000 units, no subtotal limit. */
    public static final CartLimits DEFAULT = new CartLimits(200, 10_000, null);

    /** Validates. */
    public CartLimits {
        if (maxLines < 1 || maxTotalQuantity < 1 || maxSubtotal != null && maxSubtotal.isNegative()) {
            throw CartException.invalidInput("limits must be positive");
        }
    }
}
