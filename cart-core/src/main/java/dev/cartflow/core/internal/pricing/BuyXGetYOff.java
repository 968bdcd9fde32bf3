package dev.cartflow.core.internal.pricing;

import dev.cartflow.model.Promotion;
import java.math.RoundingMode;

/**
 * The {@code BUY_X_GET_Y} action: the targeted units are pooled and the cheapest ones by running
 * unit price (exact, ties to the earlier line) are discounted. One instance per pricing call; its
 * scratch array is reused.
 */
final class BuyXGetYOff {
    private final PricingLines lines;
    private final RoundingMode rounding;
    private int[] order;

    BuyXGetYOff(PricingLines lines, RoundingMode rounding) {
        this.lines = lines;
        this.rounding = rounding;
    }

    /**
     * Writes each targeted line's discount to {@code out}.
     *
     * @return the total discount, zero when too few units are targeted
     */
    long apply(Promotion.Action.BuyXGetY action, Targeting targets, LineAmounts running, LineAmounts out) {
        int count = targets.count();
        long units = 0;
        for (int j = 0; j < count; j++) {
            units += lines.quantity(targets.line(j));
            out.set(targets.line(j), 0);
        }
        long free = discountedUnits(action, units);
        if (free == 0) {
            return 0;
        }
        int threshold = cheapestUnitsThreshold(targets, running, free);
        // every unit cheaper than the threshold line's is discounted; the units left go to the lines
        // priced like the threshold, in line order (ties to the line added earlier)
        long left = free;
        for (int j = 0; j < count; j++) {
            int line = targets.line(j);
            if (compareUnitPrice(running, line, threshold) < 0) {
                left -= lines.quantity(line);
            }
        }
        long num = action.fraction().unscaled();
        long den = Arith.pow10(action.fraction().scale());
        long full = 0;
        for (int j = 0; j < count; j++) {
            int line = targets.line(j);
            long quantity = lines.quantity(line);
            int c = compareUnitPrice(running, line, threshold);
            long k = c < 0 ? quantity : c == 0 ? Math.min(left, quantity) : 0;
            if (c == 0) {
                left -= k;
            }
            if (k > 0) {
                // percent of the exact sum of k running unit prices, rounded once
                long d = Arith.mulDivRound(running.get(line), k, num, quantity, den, rounding);
                out.set(line, d);
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
    private int compareUnitPrice(LineAmounts running, int x, int y) {
        return Arith.compareProducts(running.get(x), lines.quantity(y), running.get(y), lines.quantity(x));
    }

    /**
     * A line whose running unit price is that of the {@code units}-th cheapest targeted unit: a
     * weighted quickselect (expected linear), because only the threshold matters, not an order.
     */
    private int cheapestUnitsThreshold(Targeting targets, LineAmounts running, long units) {
        int count = targets.count();
        int[] a = order == null ? order = new int[lines.size()] : order;
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
            while (i < gt) {
                int c = compareUnitPrice(running, a[i], pivot);
                if (c < 0) {
                    int tmp = a[lt];
                    a[lt++] = a[i];
                    a[i++] = tmp;
                } else if (c > 0) {
                    int tmp = a[--gt];
                    a[gt] = a[i];
                    a[i] = tmp;
                } else {
                    i++;
                }
            }
            long cheaper = 0;
            for (int j = lo; j < lt; j++) {
                cheaper += lines.quantity(a[j]);
            }
            long same = 0;
            for (int j = lt; j < gt; j++) {
                same += lines.quantity(a[j]);
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
