package dev.cartflow.core.internal.rules;

import dev.cartflow.core.CartLimits;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Cart;
import dev.cartflow.model.LineItem;
import dev.cartflow.model.Money;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.Sku;
import java.util.Map;

/**
 * The cart-wide limits: lines, units and subtotal ({@code CART_LIMIT}), and amounts that do not fit
 * a {@code long} at all. A cart already over a limit (because the limit was lowered) may shrink.
 */
final class CartLimitRules {
    private final CartLimits limits;

    CartLimitRules(CartLimits limits) {
        this.limits = limits;
    }

    /**
     * A subtotal in minor units, or the fact that it does not fit a {@code long}.
     *
     * @param minor     the sum, when it fits
     * @param overflows whether a line amount or the sum overflowed
     */
    record Subtotal(long minor, boolean overflows) {
        static final Subtotal ZERO = new Subtotal(0, false);
    }

    /** The exact subtotal of units at their quotes; skus without a quote count nothing. */
    static Subtotal subtotal(Map<Sku, Long> units, Map<Sku, PriceQuote> quotes) {
        long sum = 0;
        try {
            for (Map.Entry<Sku, Long> e : units.entrySet()) {
                PriceQuote quote = quotes.get(e.getKey());
                if (quote != null) {
                    sum = Math.addExact(sum, Math.multiplyExact(quote.unitPrice().minor(), e.getValue()));
                }
            }
        } catch (ArithmeticException e) {
            return new Subtotal(Long.MAX_VALUE, true);
        }
        return new Subtotal(sum, false);
    }

    /**
     * An amount that overflows is what the caller sent ({@code INVALID_INPUT}, first in precedence)
     * unless a subtotal limit applies, which then reports it in its own place as {@code CART_LIMIT}.
     */
    void refuseOverflow(Cart cart, Subtotal after) {
        if (after.overflows() && maxSubtotal(cart) == null) {
            throw CartException.invalidInput("a line amount or the cart's subtotal does not fit in minor units");
        }
    }

    void check(Cart cart, int lineCount, long units, Subtotal after, Map<Sku, PriceQuote> quotes) {
        if (lineCount > limits.maxLines() && lineCount > cart.lines().size()) {
            throw new CartException(CartErrorCode.CART_LIMIT, "a cart holds at most " + limits.maxLines() + " lines");
        }
        if (units > limits.maxTotalQuantity() && units > cart.totalQuantity()) {
            throw new CartException(CartErrorCode.CART_LIMIT,
                    "a cart holds at most " + limits.maxTotalQuantity() + " units");
        }
        if (units > Integer.MAX_VALUE) {
            throw new CartException(CartErrorCode.QUANTITY_LIMIT, "quantity too large");
        }
        Money max = maxSubtotal(cart);
        if (max == null) {
            return;
        }
        if (after.overflows() || after.minor() > max.minor() && after.minor() > before(cart, quotes).minor()) {
            throw new CartException(CartErrorCode.CART_LIMIT, "a cart's subtotal is at most " + max);
        }
    }

    private static Subtotal before(Cart cart, Map<Sku, PriceQuote> quotes) {
        Map<Sku, Long> units = new java.util.LinkedHashMap<>();
        for (LineItem line : cart.lines()) {
            units.merge(line.sku(), (long) line.quantity(), Long::sum);
        }
        return subtotal(units, quotes);
    }

    private Money maxSubtotal(Cart cart) {
        Money max = limits.maxSubtotal();
        return max != null && max.currency().equals(cart.currency()) ? max : null;
    }
}
