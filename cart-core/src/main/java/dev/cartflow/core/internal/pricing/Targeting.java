package dev.cartflow.core.internal.pricing;

import dev.cartflow.model.Cart;
import dev.cartflow.model.Promotion;
import dev.cartflow.model.PromotionResult;

/**
 * The line-dependent part of eligibility: which lines a promotion targets (by
 * {@link Promotion.Target#matches}, the one home of the filter rule) and whether its conditions
 * hold on them as they stand. One instance per pricing call, reused by every promotion: the
 * selection of the last {@link #select} call stays readable until the next one.
 */
final class Targeting {
    private final PricingLines lines;
    private final int[] selected;
    private int count;
    private PromotionResult failure;
    private String reason;

    Targeting(PricingLines lines) {
        this.lines = lines;
        this.selected = new int[lines.size()];
    }

    /**
     * Selects the lines {@code promotion} targets and checks its conditions on their running
     * amounts.
     *
     * @return true when it may apply; otherwise {@link #failure()} and {@link #reason()} say why
     */
    boolean select(Promotion promotion, LineAmounts running) {
        Promotion.Conditions conditions = promotion.conditions();
        Cart cart = lines.cart();
        count = 0;
        if (!conditions.customerGroups().isEmpty()
                && (cart.customerGroup() == null || !conditions.customerGroups().contains(cart.customerGroup()))) {
            return fail(PromotionResult.CONDITION_NOT_MET, "customer group not eligible");
        }
        if (!conditions.countries().isEmpty() && !conditions.countries().contains(cart.country())) {
            return fail(PromotionResult.CONDITION_NOT_MET, "ship-to country not eligible");
        }
        Promotion.Target target = promotion.target();
        long units = 0;
        long amount = 0;
        for (int line = 0; line < lines.size(); line++) {
            if (target.matches(lines.sku(line), lines.category(line), lines.brand(line))) {
                selected[count++] = line;
                units += lines.quantity(line);
                amount += running.get(line); // at most the subtotal, which fits
            }
        }
        if (count == 0) {
            return fail(PromotionResult.NO_TARGET, "no line matches its filters");
        }
        if (units < conditions.minQuantity()) {
            return fail(PromotionResult.CONDITION_NOT_MET, "fewer targeted units than " + conditions.minQuantity());
        }
        if (conditions.minSubtotal() != null && amount < conditions.minSubtotal().minor()) {
            return fail(PromotionResult.CONDITION_NOT_MET, "targeted amount below " + conditions.minSubtotal());
        }
        return true;
    }

    private boolean fail(PromotionResult result, String why) {
        failure = result;
        reason = why;
        return false;
    }

    /** Number of targeted lines. */
    int count() {
        return count;
    }

    /** The line index of the {@code j}-th targeted line; targeted lines are in line order. */
    int line(int j) {
        return selected[j];
    }

    PromotionResult failure() {
        return failure;
    }

    String reason() {
        return reason;
    }
}
