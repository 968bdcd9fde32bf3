package dev.cartflow.core.internal.pricing;

import dev.cartflow.model.Cart;
import dev.cartflow.model.Promotion;
import dev.cartflow.model.PromotionResult;

/**
 * The line-dependent part of eligibility: which lines a promotion targets (by
 * {@link Promotion.Target#matches}, the one home of the filter rule) and whether its conditions
 * hold on them as they stand. One instance per pricing call (in its {@link StepContext}), reused by
 * every promotion: the selection of the last {@link #select} call stays readable until the next one.
 */
final class Targeting {
    /** Carts of at least this many lines are grouped by category and brand ({@link LineGroups}). */
    private static final int GROUPED_FROM = 16;
    private final PricingLines lines;
    private final int[] selected;
    private int count;
    private PromotionResult failure;
    private String reason;
    /** What the last select measured for the threshold conditions; -1 units when it measured nothing. */
    private long measuredUnits;
    private long measuredAmount;
    /** The lines by category and brand, made at the first promotion without skus; null when there are too many. */
    private LineGroups groups;
    private boolean grouped;

    Targeting(PricingLines lines) {
        this.lines = lines;
        this.selected = new int[lines.size()];
    }

    /**
     * Selects the lines {@code promotion} targets and checks its conditions on their running
     * amounts ({@code running}, by line index).
     *
     * @return true when it may apply; otherwise {@link #failure()} and {@link #reason()} say why
     */
    boolean select(Promotion promotion, long[] running) {
        Promotion.Conditions conditions = promotion.conditions();
        Cart cart = lines.cart();
        count = 0;
        measuredUnits = -1;
        if (!conditions.customerGroups().isEmpty()
                && (cart.customerGroup() == null || !conditions.customerGroups().contains(cart.customerGroup()))) {
            fail(PromotionResult.CONDITION_NOT_MET, "customer group not eligible");
            return false;
        }
        if (!conditions.countries().isEmpty() && !conditions.countries().contains(cart.country())) {
            fail(PromotionResult.CONDITION_NOT_MET, "ship-to country not eligible");
            return false;
        }
        Promotion.Target target = promotion.target();
        long units = 0;
        long amount = 0;
        LineGroups byGroup = target.skus().isEmpty() ? groups() : null;
        if (byGroup != null) {
            // the filter is asked once per (category, brand) group; no line of an unmatched group is looked at
            long mask = byGroup.matching(target);
            if (mask != 0) {
                count = byGroup.select(mask, selected);
                units = byGroup.units(mask);
                for (int j = 0; j < count; j++) {
                    amount += running[selected[j]]; // at most the subtotal, which fits
                }
            }
        } else {
            for (int line = 0; line < lines.size(); line++) {
                if (target.matches(lines.sku(line), lines.category(line), lines.brand(line))) {
                    selected[count++] = line;
                    units += lines.quantity(line);
                    amount += running[line];
                }
            }
        }
        measuredUnits = units;
        measuredAmount = amount;
        if (count == 0) {
            fail(PromotionResult.NO_TARGET, "no line matches its filters");
            return false;
        }
        if (units < conditions.minQuantity()) {
            fail(PromotionResult.CONDITION_NOT_MET, "fewer targeted units than " + conditions.minQuantity());
            return false;
        }
        if (conditions.minSubtotal() != null && amount < conditions.minSubtotal().minor()) {
            fail(PromotionResult.CONDITION_NOT_MET, "targeted amount below " + conditions.minSubtotal());
            return false;
        }
        return true;
    }

    private LineGroups groups() {
        if (!grouped) {
            // on a few lines, grouping them costs more than asking the filter per line
            groups = lines.size() < GROUPED_FROM ? null : LineGroups.of(lines);
            grouped = true;
        }
        return groups;
    }

    private void fail(PromotionResult result, String why) {
        failure = result;
        reason = why;
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

    /**
     * The targeted units the last {@link #select} measured for {@code minQuantity}, or -1 when it
     * stopped before measuring (customer group or country not eligible).
     */
    long measuredUnits() {
        return measuredUnits;
    }

    /** The running amount of the targeted lines the last {@link #select} measured for {@code minSubtotal}. */
    long measuredAmount() {
        return measuredAmount;
    }
}
