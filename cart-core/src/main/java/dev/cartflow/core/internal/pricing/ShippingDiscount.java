package dev.cartflow.core.internal.pricing;

import dev.cartflow.model.Promotion;
import dev.cartflow.model.Promotion.Action;
import dev.cartflow.model.PromotionResult;
import dev.cartflow.model.ShippingMethod;

/**
 * Shipping: the method's price or free above its threshold, then each shipping promotion on it.
 * Stateless: the targeting and rounding are the call's {@link StepContext}.
 */
final class ShippingDiscount {
    private ShippingDiscount() {
    }

    /**
     * The shipping amount before shipping promotions: zero without a method or without lines (a
     * shopper who emptied the cart must not see a shipping charge), or when the items' amount
     * after item and order discounts reaches {@code freeAbove}; else the method's price.
     */
    static long base(ShippingMethod method, int lines, long items) {
        if (method == null || lines == 0
                || method.freeAbove() != null && items >= method.freeAbove().minor()) {
            return 0;
        }
        return method.price().minor();
    }

    /**
     * Applies one shipping promotion (its filters and conditions look at the lines) and records its
     * outcome at {@code i}.
     *
     * @param base    shipping before any shipping promotion, for basis {@code ORIGINAL}
     * @param current shipping left by the shipping promotions before it
     * @param running the lines' running amounts, by line index, for its filters and conditions
     * @return the shipping left after it
     */
    static long apply(int i, Promotion promotion, long base, long current, long[] running, Outcomes outcomes,
                      StepContext context) {
        Targeting targeting = context.targeting();
        if (!targeting.select(promotion, running)) {
            outcomes.set(i, targeting.failure(), 0, targeting.reason());
            QualificationHints.measure(i, promotion, targeting, outcomes);
            return current;
        }
        Action action = promotion.action();
        long full;
        if (action instanceof Action.Percent percent) {
            full = Arith.mulDivRound(promotion.basis() == Promotion.Basis.ORIGINAL ? base : current,
                    percent.fraction().unscaled(), Arith.pow10(percent.fraction().scale()), context.rounding());
        } else if (action instanceof Action.Amount amount) {
            full = amount.amount().minor();
        } else if (action instanceof Action.FixedPrice fixed) {
            full = Math.max(0, current - fixed.unitPrice().minor());
        } else {
            outcomes.set(i, PromotionResult.CONDITION_NOT_MET, 0, "buy X get Y does not apply to shipping");
            return current;
        }
        if (full == 0) {
            outcomes.set(i, PromotionResult.CONDITION_NOT_MET, 0,
                    current == 0 ? "shipping is already zero" : "its action gives nothing on the shipping");
            return current;
        }
        long given = Math.min(full, current);
        String reason = given < full ? "capped so that shipping does not go below zero" : "applied";
        if (promotion.maxDiscount() != null && given > promotion.maxDiscount().minor()) {
            given = promotion.maxDiscount().minor();
            reason = "capped at its maxDiscount";
        }
        outcomes.set(i, given < full ? PromotionResult.CAPPED : PromotionResult.APPLIED, given, reason);
        return current - given;
    }
}
