package dev.cartflow.core.internal.pricing;

import dev.cartflow.model.Promotion;
import java.math.RoundingMode;

/**
 * The {@code BUY_X_GET_Y} action: the targeted units are pooled and the cheapest ones by running
 * unit price (exact, ties to the earlier line) are discounted. Stateless: its scratch array is the
 * call's ({@link StepContext#order()}).
 */
final class BuyXGetYOff {
    private BuyXGetYOff() {
    }

    /**
     * Writes each targeted line's discount to {@code out}.
     *
     * @return the total discount, zero when too few units are targeted
     */
    static long apply(Promotion.Action.BuyXGetY action, long[] running, long[] out, StepContext context) {
        PricingLines lines = context.lines();
        Targeting targets = context.targeting();
        RoundingMode rounding = context.rounding();
        int count = targets.count();
        long units = 0;
        for (int j = 0; j < count; j++) {
            units += lines.quantity(targets.line(j));
            out[targets.line(j)] = 0;
        }
        long free = discountedUnits(action, units);
        if (free == 0) {
            return 0;
        }
        int[] scratch = context.order();
        int threshold = cheapestUnitsThreshold(lines, targets, running, free, scratch);
        // every unit cheaper than the threshold line's is discounted; the units left go to the lines
        // priced like the threshold, in line order (ties to the line added earlier). Each line's
        // comparison with the threshold is made once and kept (the selection no longer needs scratch).
        int[] side = scratch;
        long left = free;
        for (int j = 0; j < count; j++) {
            int line = targets.line(j);
            int c = compareUnitPrice(lines, running, line, threshold);
            side[j] = c;
            if (c < 0) {
                left -= lines.quantity(line);
            }
        }
        long num = action.fraction().unscaled();
        long den = Arith.pow10(action.fraction().scale());
        long full = 0;
        for (int j = 0; j < count; j++) {
            int c = side[j];
            if (c > 0) {
                continue;
            }
            int line = targets.line(j);
            long quantity = lines.quantity(line);
            long k = c < 0 ? quantity : Math.min(left, quantity);
            if (c == 0) {
                left -= k;
            }
            if (k > 0) {
                // percent of the exact sum of k running unit prices, rounded once
                long d = Arith.mulDivRound(running[line], k, num, quantity, den, rounding);
                out[line] = d;
                full += d;
            }
        }
        return full;
    }

    /** How many of {@code units} pooled targeted units the action discounts. */
    static long discountedUnits(Promotion.Action.BuyXGetY action, long units) {
        long group = (long) action.buy() + action.get();
        return (units / group) * action.get() + Math.max(0, units % group - action.buy());
    }

    /** Orders lines by exact running unit price ({@code running / quantity}) without dividing. */
    private static int compareUnitPrice(PricingLines lines, long[] running, int x, int y) {
        return Arith.compareProducts(running[x], lines.quantity(y), running[y], lines.quantity(x));
    }

    /**
     * A line whose running unit price is that of the {@code units}-th cheapest targeted unit: a
     * weighted quickselect (expected linear), because only the threshold matters, not an order.
     */
    private static int cheapestUnitsThreshold(PricingLines lines, Targeting targets, long[] running, long units,
                                              int[] a) {
        int count = targets.count();
        for (int j = 0; j < count; j++) {
            a[j] = targets.line(j);
        }
        long need = units;
        int lo = 0;
        int hi = count;
        while (true) {
            int pivot = a[(lo + hi) >>> 1];
            // three-way partition of a[lo, hi): cheaper [lo, lt), same [lt, gt), dearer [gt, hi)
            int lt = lo;
            int i = lo;
            int gt = hi;
            // the units on each side are summed while partitioning, not in passes after it
            long cheaper = 0;
            long same = 0;
            while (i < gt) {
                int x = a[i];
                int c = compareUnitPrice(lines, running, x, pivot);
                if (c < 0) {
                    cheaper += lines.quantity(x);
                    a[i++] = a[lt];
                    a[lt++] = x;
                } else if (c > 0) {
                    a[i] = a[--gt];
                    a[gt] = x;
                } else {
                    same += lines.quantity(x);
                    i++;
                }
            }
            if (need <= cheaper) {
                hi = lt;
            } else if (need <= cheaper + same) {
                return pivot;
            } else {
                need -= cheaper + same;
                lo = gt;
            }
        }
    }
}
