package dev.cartflow.core;

import dev.cartflow.model.Money;
import dev.cartflow.error.CartException;

/**
 * Per-cart limits; a change that would pass one fails with {@code CART_LIMIT}. A cart already over
 * a limit (because the limit was lowered, or a merge united two carts' codes) may still shrink.
 *
 * @param maxLines         most lines on one cart
 * @param maxTotalQuantity most units over all lines
 * @param maxSubtotal      largest subtotal, enforced for carts in its currency; null for none
 * @param maxCodes         most coupon codes on one cart
 */
public record CartLimits(int maxLines, long maxTotalQuantity, Money maxSubtotal, int maxCodes) {
    /** The default of {@link #maxCodes}: more codes than any real order stacks, few enough to bound pricing. */
    public static final int DEFAULT_MAX_CODES = 20;

    /** Generous defaults: 200 lines, 10,000 units, no subtotal limit, {@value #DEFAULT_MAX_CODES} codes. */
    public static final CartLimits DEFAULT = new CartLimits(200, 10_000, null, DEFAULT_MAX_CODES);

    /**
     * Validates.
     *
     * @param maxLines         at least 1
     * @param maxTotalQuantity at least 1
     * @param maxSubtotal      not negative, or null
     * @param maxCodes         at least 1
     * @throws CartException {@code INVALID_INPUT} when a limit is out of range
     */
    public CartLimits {
        if (maxLines < 1 || maxTotalQuantity < 1 || maxSubtotal != null && maxSubtotal.isNegative() || maxCodes < 1) {
            throw CartException.invalidInput("limits must be positive");
        }
    }

    /**
     * Limits with the default number of codes, {@value #DEFAULT_MAX_CODES}.
     *
     * @param maxLines         most lines on one cart
     * @param maxTotalQuantity most units over all lines
     * @param maxSubtotal      largest subtotal, enforced for carts in its currency; null for none
     */
    public CartLimits(int maxLines, long maxTotalQuantity, Money maxSubtotal) {
        this(maxLines, maxTotalQuantity, maxSubtotal, DEFAULT_MAX_CODES);
    }
}
