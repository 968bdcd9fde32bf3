package dev.cartflow.core.internal.rules;

import dev.cartflow.error.CartException;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartKind;
import dev.cartflow.model.Promotion;
import java.util.List;

/**
 * What a cart's {@link CartKind} allows. Only a shopping cart is checked out or merged into; a wish
 * list takes no coupon codes and is priced without the promotions that need a checkout, so that it
 * never shows a price that only an order could get. A saved-for-later cart is priced like a
 * shopping cart.
 */
public final class CartKindRules {
    private CartKindRules() {
    }

    /**
     * Whether a promotion needs a checkout: a coupon code (redeemed by an order) or uses counted at
     * checkout ({@code maxUses}, {@code maxUsesPerCustomer}). Automatic promotions without use
     * limits (a sale) do not: they are what the shopper would pay today.
     *
     * @param promotion the promotion
     * @return true when only an order can get it
     */
    public static boolean needsCheckout(Promotion promotion) {
        return promotion.coded() || promotion.maxUses() > 0 || promotion.maxUsesPerCustomer() > 0;
    }

    /**
     * The promotions a cart is priced with: all of them, except on a wish list, which never sees
     * those that {@linkplain #needsCheckout need a checkout}.
     *
     * @param cart       the cart to price
     * @param promotions the promotions the provider offers for it
     * @return the promotions to hand to the pricer
     */
    public static List<Promotion> pricedWith(Cart cart, List<Promotion> promotions) {
        if (cart.kind() != CartKind.WISH_LIST) {
            return promotions;
        }
        return promotions.stream().filter(p -> !needsCheckout(p)).toList();
    }

    /**
     * Refuses a coupon code on a wish list ({@code INVALID_INPUT}: the caller sent a code to a cart
     * that never takes one), before the promotions are asked.
     *
     * @param cart the cart the code is for
     */
    public static void requireCodesAllowed(Cart cart) {
        if (cart.kind() == CartKind.WISH_LIST) {
            throw CartException.invalidInput("a wish list takes no coupon codes");
        }
    }

    /**
     * Refuses the checkout of a named cart ({@code INVALID_INPUT}): only a shopping cart is checked
     * out; move its lines to the shopping cart first.
     *
     * @param cart the cart to check out
     */
    public static void requireCheckoutable(Cart cart) {
        if (cart.kind() != CartKind.SHOPPING) {
            throw CartException.invalidInput("only a shopping cart is checked out, not a " + cart.kind());
        }
    }

    /**
     * Refuses a named cart as the target of a merge ({@code INVALID_INPUT}): a guest's cart joins the
     * customer's shopping cart.
     *
     * @param cart the named target
     */
    public static void requireMergeTarget(Cart cart) {
        if (cart.kind() != CartKind.SHOPPING) {
            throw CartException.invalidInput("a guest cart merges into a shopping cart, not a " + cart.kind());
        }
    }
}
