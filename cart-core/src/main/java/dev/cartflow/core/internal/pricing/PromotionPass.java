package dev.cartflow.core.internal.pricing;

import dev.cartflow.model.Promotion;
import dev.cartflow.model.Promotion.Action;
import dev.cartflow.model.Promotion.Basis;
import dev.cartflow.model.Promotion.Conditions;
import dev.cartflow.model.Promotion.Scope;
import dev.cartflow.model.PromotionResult;
import dev.cartflow.model.ShippingMethod;
import java.util.List;

/**
 * One run of an ordered list of promotions over the lines: item and order promotions first, then
 * the shipping ones, each on the amounts the ones before it left. The pricer runs one pass for the
 * non-exclusive promotions together and one per exclusive promotion alone, then keeps the best.
 */
final class PromotionPass {
    private final LineTable t;
    private final List<Promotion> promotions;
    private final int shippingFrom;

    /** Running amount of every line. */
    final long[] running;
    /** Per promotion (in pass order): its result, amount, reason and, for line promotions, per-line shares. */
    final PromotionResult[] results;
    final long[] amounts;
    final String[] reasons;
    final long[][] lineShares;
    /**
     * Per line, how many promotions gave it something; lets the pricer skip untouched lines. Null
     * while no line promotion applied.
     */
    int[] sharesPerLine;
    long itemDiscount;
    long shippingBase;
    long shippingRunning;

    /**
     * @param promotions   eligible promotions: item and order ones sorted, then shipping ones sorted
     * @param shippingFrom index of the first shipping promotion in {@code promotions}
     */
    PromotionPass(LineTable table, List<Promotion> promotions, int shippingFrom) {
        this.t = table;
        this.promotions = promotions;
        this.shippingFrom = shippingFrom;
        int p = promotions.size();
        running = table.original.clone();
        results = new PromotionResult[p];
        amounts = new long[p];
        reasons = new String[p];
        lineShares = new long[p][];
    }

    /** Runs the pass. */
    void run(ShippingMethod method) {
        // The first STOP_FURTHER that gave something, by priority order: it stops every promotion
        // after it in that order, shipping promotions included, but not those before it.
        Promotion stopper = null;
        for (int i = 0; i < shippingFrom; i++) {
            if (stopper != null) {
                set(i, PromotionResult.STOPPED, 0, "a STOP_FURTHER promotion before it applied");
                continue;
            }
            applyToLines(i, promotions.get(i));
            if (stops(i)) {
                stopper = promotions.get(i);
            }
        }
        long items = 0;
        for (int line = 0; line < t.n; line++) {
            items = Math.addExact(items, running[line]);
        }
        itemDiscount = 0;
        for (int line = 0; line < t.n; line++) {
            itemDiscount += t.original[line] - running[line];
        }
        if (method == null || t.n == 0) {
            // nothing to ship: a shopper who emptied the cart must not see a shipping charge
            shippingBase = 0;
        } else if (method.freeAbove() != null && items >= method.freeAbove().minor()) {
            shippingBase = 0;
        } else {
            shippingBase = method.price().minor();
        }
        shippingRunning = shippingBase;
        for (int i = shippingFrom; i < promotions.size(); i++) {
            if (stopper != null && PromotionOrder.compare(stopper, promotions.get(i)) < 0) {
                set(i, PromotionResult.STOPPED, 0, "a STOP_FURTHER promotion before it applied");
                continue;
            }
            applyToShipping(i, promotions.get(i));
            if (stops(i) && (stopper == null || PromotionOrder.compare(promotions.get(i), stopper) < 0)) {
                stopper = promotions.get(i);
            }
        }
    }

    /** Discount of items, order and shipping together: what exclusive options are compared by. */
    long totalDiscount() {
        return itemDiscount + (shippingBase - shippingRunning);
    }

    /** Index in pass order of the first promotion (by priority, then id) that gave something, or -1. */
    int firstGiving() {
        int best = -1;
        for (int i = 0; i < amounts.length; i++) {
            if (amounts[i] > 0 && (best < 0 || PromotionOrder.compare(promotions.get(i), promotions.get(best)) < 0)) {
                best = i;
            }
        }
        return best;
    }

    Promotion promotion(int i) {
        return promotions.get(i);
    }

    int size() {
        return promotions.size();
    }

    private boolean stops(int i) {
        return promotions.get(i).stacking() == Promotion.Stacking.STOP_FURTHER && amounts[i] > 0;
    }

    private void set(int i, PromotionResult result, long amount, String reason) {
        results[i] = result;
        amounts[i] = amount;
        reasons[i] = reason;
    }

    /**
     * Collects the targeted lines into {@code t.targets} and checks the conditions; returns the
     * number of targets, or -1 after recording why the promotion does not apply.
     */
    private int targetAndCheck(int i, Promotion p) {
        Conditions c = p.conditions();
        if (!c.customerGroups().isEmpty()
                && (t.cart.customerGroup() == null || !c.customerGroups().contains(t.cart.customerGroup()))) {
            set(i, PromotionResult.CONDITION_NOT_MET, 0, "customer group not eligible");
            return -1;
        }
        if (!c.countries().isEmpty() && !c.countries().contains(t.cart.country())) {
            set(i, PromotionResult.CONDITION_NOT_MET, 0, "ship-to country not eligible");
            return -1;
        }
        int count = 0;
        long units = 0;
        long amount = 0;
        int[] targets = t.targets();
        // Promotion.Target.matches, inlined so that the emptiness of each filter is decided once per
        // promotion rather than once per line; keep the two in step
        Promotion.Target target = p.target();
        java.util.Set<dev.cartflow.model.Sku> skuFilter = target.skus().isEmpty() ? null : target.skus();
        java.util.Set<String> categoryFilter = target.categories().isEmpty() ? null : target.categories();
        java.util.Set<String> brandFilter = target.brands().isEmpty() ? null : target.brands();
        String[] categories = t.categories;
        String[] brands = t.brands;
        for (int line = 0; line < t.n; line++) {
            if ((skuFilter == null || skuFilter.contains(t.skus[line]))
                    && (categoryFilter == null || categories[line] != null && categoryFilter.contains(categories[line]))
                    && (brandFilter == null || brands[line] != null && brandFilter.contains(brands[line]))) {
                targets[count++] = line;
                units += t.quantity[line];
                amount = Math.addExact(amount, running[line]);
            }
        }
        if (count == 0) {
            set(i, PromotionResult.NO_TARGET, 0, "no line matches its filters");
            return -1;
        }
        if (units < c.minQuantity()) {
            set(i, PromotionResult.CONDITION_NOT_MET, 0, "fewer targeted units than " + c.minQuantity());
            return -1;
        }
        if (c.minSubtotal() != null && amount < c.minSubtotal().minor()) {
            set(i, PromotionResult.CONDITION_NOT_MET, 0, "targeted amount below " + c.minSubtotal());
            return -1;
        }
        return count;
    }

    private void applyToLines(int i, Promotion p) {
        int count = targetAndCheck(i, p);
        if (count < 0) {
            return;
        }
        int[] idx = t.targets();
        // the shares are computed in place in the array the pass keeps, not in scratch space that
        // would then be copied
        long[] out = new long[t.n];
        Action action = p.action();
        boolean order = p.target().scope() == Scope.ORDER;
        long full = 0;
        if (action instanceof Action.Percent percent) {
            long num = percent.fraction().unscaled();
            long den = Arith.pow10(percent.fraction().scale());
            boolean original = p.basis() == Basis.ORIGINAL;
            if (order) {
                long base = 0;
                long targetedRunning = 0;
                for (int j = 0; j < count; j++) {
                    int line = idx[j];
                    base = Math.addExact(base, original ? t.original[line] : running[line]);
                    targetedRunning += running[line];
                }
                full = Arith.mulDivRound(base, num, den, t.rounding);
                t.allocate(Math.min(full, targetedRunning), idx, count, running, out);
            } else {
                for (int j = 0; j < count; j++) {
                    int line = idx[j];
                    long d = Arith.mulDivRound(original ? t.original[line] : running[line], num, den, t.rounding);
                    full = Math.addExact(full, d);
                    out[line] = Math.min(d, running[line]);
                }
            }
        } else if (action instanceof Action.Amount amount) {
            long value = amount.amount().minor();
            if (order || amount.per() == Promotion.Per.ORDER) {
                long targetedRunning = 0;
                for (int j = 0; j < count; j++) {
                    targetedRunning += running[idx[j]];
                }
                full = value;
                t.allocate(Math.min(full, targetedRunning), idx, count, running, out);
            } else {
                boolean perUnit = amount.per() == Promotion.Per.UNIT;
                for (int j = 0; j < count; j++) {
                    int line = idx[j];
                    long d = perUnit ? Math.multiplyExact(value, t.quantity[line]) : value;
                    full = Math.addExact(full, d);
                    out[line] = Math.min(d, running[line]);
                }
            }
        } else if (action instanceof Action.FixedPrice fixed) {
            long price = fixed.unitPrice().minor();
            for (int j = 0; j < count; j++) {
                int line = idx[j];
                long d = Math.max(0, running[line] - Math.multiplyExact(price, t.quantity[line]));
                full += d;
                out[line] = d;
            }
        } else if (action instanceof Action.BuyXGetY bxgy) {
            full = buyXGetY(bxgy, idx, count, out);
        }
        if (full == 0) {
            set(i, PromotionResult.CONDITION_NOT_MET, 0, "its action gives nothing on the targeted lines");
            return;
        }
        long given = 0;
        for (int j = 0; j < count; j++) {
            given += out[idx[j]];
        }
        boolean capped = given < full;
        if (p.maxDiscount() != null && given > p.maxDiscount().minor()) {
            // the cap is shared in proportion to what each line would have got without it
            long cap = p.maxDiscount().minor();
            long[] capped2 = t.work2();
            t.allocate(cap, idx, count, out, capped2);
            for (int j = 0; j < count; j++) {
                out[idx[j]] = capped2[idx[j]];
            }
            given = cap;
            capped = true;
        }
        int[] sharesPerLine = this.sharesPerLine == null ? this.sharesPerLine = new int[t.n] : this.sharesPerLine;
        for (int j = 0; j < count; j++) {
            int line = idx[j];
            running[line] -= out[line];
            if (out[line] > 0) {
                sharesPerLine[line]++;
            }
        }
        lineShares[i] = out;
        set(i, capped ? PromotionResult.CAPPED : PromotionResult.APPLIED, given,
                capped ? (p.maxDiscount() != null && given == p.maxDiscount().minor()
                        ? "capped at its maxDiscount" : "capped so that no amount goes below zero") : "applied");
    }

    /**
     * Pools the targeted units; the cheapest ones by running unit price (exact, ties to the earlier
     * line) are discounted. Returns the full discount and writes each line's share to {@code out}.
     */
    private long buyXGetY(Action.BuyXGetY a, int[] idx, int count, long[] out) {
        long units = 0;
        for (int j = 0; j < count; j++) {
            units += t.quantity[idx[j]];
            out[idx[j]] = 0;
        }
        long group = (long) a.buy() + a.get();
        long free = (units / group) * a.get() + Math.max(0, units % group - a.buy());
        if (free == 0) {
            return 0;
        }
        int threshold = cheapestUnitsThreshold(idx, count, free);
        // every unit cheaper than the threshold line's is discounted; the units left go to the lines
        // priced like the threshold, in line order (ties to the line added earlier)
        long[] qty = t.quantity;
        long left = free;
        for (int j = 0; j < count; j++) {
            if (compareUnitPrice(idx[j], threshold) < 0) {
                left -= qty[idx[j]];
            }
        }
        long num = a.fraction().unscaled();
        long den = Arith.pow10(a.fraction().scale());
        long full = 0;
        for (int j = 0; j < count; j++) {
            int line = idx[j];
            int c = compareUnitPrice(line, threshold);
            long k = c < 0 ? qty[line] : c == 0 ? Math.min(left, qty[line]) : 0;
            if (c == 0) {
                left -= k;
            }
            if (k == 0) {
                continue;
            }
            // percent of the exact sum of k running unit prices, rounded once
            long d = Arith.mulDivRound(Math.multiplyExact(running[line], k), num,
                    Math.multiplyExact(qty[line], den), t.rounding);
            out[line] = d;
            full += d;
        }
        return full;
    }

    /** Orders lines by exact running unit price ({@code running / quantity}) without dividing. */
    private int compareUnitPrice(int x, int y) {
        return Arith.compareProducts(running[x], t.quantity[y], running[y], t.quantity[x]);
    }

    /**
     * A line whose running unit price is that of the {@code units}-th cheapest targeted unit: a
     * weighted quickselect (expected linear), because only the threshold matters, not an order.
     */
    private int cheapestUnitsThreshold(int[] idx, int count, long units) {
        int[] a = t.order();
        System.arraycopy(idx, 0, a, 0, count);
        long[] qty = t.quantity;
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
                int c = compareUnitPrice(a[i], pivot);
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
                cheaper += qty[a[j]];
            }
            long same = 0;
            for (int j = lt; j < gt; j++) {
                same += qty[a[j]];
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

    private void applyToShipping(int i, Promotion p) {
        if (targetAndCheck(i, p) < 0) {
            return;
        }
        Action action = p.action();
        long full;
        if (action instanceof Action.Percent percent) {
            long base = p.basis() == Basis.ORIGINAL ? shippingBase : shippingRunning;
            full = Arith.mulDivRound(base, percent.fraction().unscaled(), Arith.pow10(percent.fraction().scale()),
                    t.rounding);
        } else if (action instanceof Action.Amount amount) {
            full = amount.amount().minor();
        } else if (action instanceof Action.FixedPrice fixed) {
            full = Math.max(0, shippingRunning - fixed.unitPrice().minor());
        } else {
            set(i, PromotionResult.CONDITION_NOT_MET, 0, "buy X get Y does not apply to shipping");
            return;
        }
        if (full == 0) {
            set(i, PromotionResult.CONDITION_NOT_MET, 0,
                    shippingRunning == 0 ? "shipping is already zero" : "its action gives nothing on the shipping");
            return;
        }
        long given = Math.min(full, shippingRunning);
        String reason = given < full ? "capped so that shipping does not go below zero" : "applied";
        if (p.maxDiscount() != null && given > p.maxDiscount().minor()) {
            given = p.maxDiscount().minor();
            reason = "capped at its maxDiscount";
        }
        shippingRunning -= given;
        set(i, given < full ? PromotionResult.CAPPED : PromotionResult.APPLIED, given, reason);
    }
}
