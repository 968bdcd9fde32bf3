package dev.cartflow.core.internal.pricing;

import dev.cartflow.model.Promotion;
import java.math.RoundingMode;

/**
 * The {@code BUY_X_GET_Y} action: the targeted units are pooled and the cheapest ones by running
 * unit price (exact, ties to the earlier line) are discounted. Stateless: its scratch arrays are the
 * call's ({@link StepContext}).
 */
final class BuyXGetYOff {
    private BuyXGetYOff() {
    }

    /**
     * Writes each targeted line's discount to {@code out}, which must be zero on the targeted lines
     * (the lines given nothing are not written), and records their sum, the total, with
     * {@link StepContext#gave}.
     *
     * @return the total discount, zero when too few units are targeted
     */
    static long apply(Promotion.Action.BuyXGetY action, long[] running, long[] out, StepContext context) {
        PricingLines lines = context.lines();
        Targeting targets = context.targeting();
        RoundingMode rounding = context.rounding();
        int count = targets.count();
        // the targeted units are what the targeting measured; out is fresh, so zero where nothing is written
        long free = discountedUnits(action, targets.measuredUnits());
        if (free == 0) {
            context.gave(0);
            return 0;
        }
        // every unit cheaper than the threshold is discounted; the units left go to the lines priced
        // like the threshold, in line order (ties to the line added earlier). Each line's comparison
        // with the threshold is made once and kept.
        int[] side = context.order();
        // on a few lines the keys' scratch arrays cost more than the cross products they save
        long[] keys = count < KEYS_FROM ? null : unitPriceKeys(lines, targets, running, context.unitKeys());
        if (keys != null) {
            long[] partitionKeys = context.partitionKeys();
            long[] partitionUnits = context.partitionUnits();
            System.arraycopy(keys, 0, partitionKeys, 0, count);
            for (int j = 0; j < count; j++) {
                partitionUnits[j] = lines.quantity(targets.line(j));
            }
            long threshold = cheapestUnitsKey(partitionKeys, partitionUnits, count, free);
            for (int j = 0; j < count; j++) {
                side[j] = Long.compare(keys[j], threshold);
            }
        } else {
            int threshold = cheapestUnitsThreshold(lines, targets, running, free, side);
            for (int j = 0; j < count; j++) {
                side[j] = compareUnitPrice(lines, running, targets.line(j), threshold);
            }
        }
        long left = free;
        for (int j = 0; j < count; j++) {
            if (side[j] < 0) {
                left -= lines.quantity(targets.line(j));
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
        context.gave(full);
        return full;
    }

    /** How many of {@code units} pooled targeted units the action discounts. */
    static long discountedUnits(Promotion.Action.BuyXGetY action, long units) {
        long group = (long) action.buy() + action.get();
        return (units / group) * action.get() + Math.max(0, units % group - action.buy());
    }

    /** Selections over at least this many targeted lines use unit-price keys. */
    static final int KEYS_FROM = 16;
    /** Quantities up to this have a multiplier in {@link #KEY_MULTIPLIER}. */
    private static final int KEY_QUANTITIES = 16;
    /** The least common multiple of 1 to {@link #KEY_QUANTITIES}. */
    private static final long KEY_SCALE = 720_720;
    /** {@code KEY_SCALE / q} for each quantity {@code q} up to {@link #KEY_QUANTITIES}. */
    private static final long[] KEY_MULTIPLIER = new long[KEY_QUANTITIES + 1];
    /** Running amounts up to this, times {@link #KEY_SCALE}, fit a long. */
    private static final long KEY_MAX_RUNNING = Long.MAX_VALUE / KEY_SCALE;

    static {
        for (int q = 1; q <= KEY_QUANTITIES; q++) {
            KEY_MULTIPLIER[q] = KEY_SCALE / q;
        }
    }

    /**
     * Each targeted line's running unit price as one exact integer, by targeted position:
     * {@code running * KEY_SCALE / quantity}, which is whole because every quantity up to
     * {@link #KEY_QUANTITIES} divides {@code KEY_SCALE}. Keys compare exactly as the unit prices do,
     * so the selection compares longs instead of 128-bit cross products. Null when a quantity is
     * larger or an amount too large for this; then the cross products decide.
     */
    private static long[] unitPriceKeys(PricingLines lines, Targeting targets, long[] running, long[] keys) {
        int count = targets.count();
        for (int j = 0; j < count; j++) {
            int line = targets.line(j);
            long quantity = lines.quantity(line);
            long amount = running[line];
            if (quantity > KEY_QUANTITIES || amount > KEY_MAX_RUNNING) {
                return null;
            }
            keys[j] = amount * KEY_MULTIPLIER[(int) quantity];
        }
        return keys;
    }

    /**
     * The unit-price key of the {@code units}-th cheapest of the units {@code unitsAt} (by
     * position) priced at {@code keys}: a weighted quickselect (expected linear) that reorders
     * both arrays alike.
     */
    private static long cheapestUnitsKey(long[] keys, long[] unitsAt, int count, long units) {
        long need = units;
        int lo = 0;
        int hi = count;
        while (true) {
            long pivot = keys[(lo + hi) >>> 1];
            // three-way partition of [lo, hi): cheaper [lo, lt), same [lt, gt), dearer [gt, hi)
            int lt = lo;
            int i = lo;
            int gt = hi;
            long cheaper = 0;
            long same = 0;
            while (i < gt) {
                long key = keys[i];
                long u = unitsAt[i];
                if (key < pivot) {
                    cheaper += u;
                    keys[i] = keys[lt];
                    unitsAt[i++] = unitsAt[lt];
                    keys[lt] = key;
                    unitsAt[lt++] = u;
                } else if (key > pivot) {
                    gt--;
                    keys[i] = keys[gt];
                    unitsAt[i] = unitsAt[gt];
                    keys[gt] = key;
                    unitsAt[gt] = u;
                } else {
                    same += u;
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
