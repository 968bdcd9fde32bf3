package dev.cartflow.core.internal.pricing;

/**
 * Splits one amount over targeted lines by the largest-remainder method (the scenario format's
 * allocation of order amounts and of capped discounts). Stateless: its scratch arrays are the
 * call's ({@link StepContext}), reused by every allocation of that call, which run one after another.
 */
final class Allocation {
    private Allocation() {
    }

    /**
     * Splits {@code amount} over the lines {@code context} targets, in proportion to {@code weight}
     * (by line index), writing each share to {@code out}. The shares add up exactly to {@code amount}, which must not exceed the
     * sum of the weights; a zero weight gets zero; leftover minor units go to the largest
     * fractional parts, ties to the earlier line. {@code out} may be {@code weight}: each weight is
     * read before its line's share is written.
     *
     * @param total the sum of the targeted lines' weights, which the callers have at hand already
     *              (a sum of line amounts or of shares of them: it fits)
     */
    static void allocate(long amount, long[] weight, long total, long[] out, StepContext context) {
        Targeting targets = context.targeting();
        int count = targets.count();
        if (total == 0 || amount == 0) {
            for (int j = 0; j < count; j++) {
                out[targets.line(j)] = 0;
            }
            return;
        }
        long[] remainder = context.remainders();
        long given = 0;
        if (Math.multiplyHigh(amount, total) == 0 && amount * total >= 0) {
            // amount times the weights' sum fits a long, so amount times any weight does: the
            // figures of Arith.mulDivFloor without its checks per line (every real cart)
            for (int j = 0; j < count; j++) {
                int line = targets.line(j);
                long product = amount * weight[line];
                long share = product / total;
                out[line] = share;
                remainder[j] = product - share * total;
                given += share;
            }
        } else {
            for (int j = 0; j < count; j++) {
                int line = targets.line(j);
                long w = weight[line];
                long share = Arith.mulDivFloor(amount, w, total);
                out[line] = share;
                remainder[j] = Arith.remainder(amount, w, total, share);
                given += share;
            }
        }
        int left = (int) (amount - given); // fewer than count
        if (left == 0) {
            return;
        }
        // Only the threshold remainder is needed, not an order, so a linear selection replaces a sort.
        long[] buffer = context.selectBuffer();
        System.arraycopy(remainder, 0, buffer, 0, count);
        long threshold = kthLargest(buffer, count, left - 1);
        for (int j = 0; j < count && left > 0; j++) {
            if (remainder[j] > threshold) {
                out[targets.line(j)]++;
                left--;
            }
        }
        // targeted lines are in line order, so the ties at the threshold go to the earlier lines
        for (int j = 0; j < count && left > 0; j++) {
            if (remainder[j] == threshold) {
                out[targets.line(j)]++;
                left--;
            }
        }
    }

    /**
     * The value that would stand at position {@code k} (0-based) if {@code a[0..n)} were sorted in
     * descending order; reorders {@code a}. Quickselect with a middle pivot: expected linear, and
     * the result does not depend on the pivot, so pricing stays deterministic.
     */
    static long kthLargest(long[] a, int n, int k) {
        int lo = 0;
        int hi = n - 1;
        while (lo < hi) {
            long pivot = a[(lo + hi) >>> 1];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] > pivot) {
                    i++;
                }
                while (a[j] < pivot) {
                    j--;
                }
                if (i <= j) {
                    long t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return a[k];
            }
        }
        return a[k];
    }
}
