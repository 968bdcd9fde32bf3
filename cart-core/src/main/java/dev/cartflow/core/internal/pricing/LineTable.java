package dev.cartflow.core.internal.pricing;

import dev.cartflow.model.Cart;
import dev.cartflow.model.LineItem;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.PricingPolicy;
import dev.cartflow.model.Product;
import dev.cartflow.model.Rate;
import dev.cartflow.model.Sku;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/**
 * The lines of one pricing call as parallel primitive arrays, plus scratch space shared by the
 * promotion passes of that call (they run one after another, never concurrently). One instance per
 * call keeps the pricer itself stateless and thread-safe.
 */
final class LineTable {
    final int n;
    final Cart cart;
    final Currency currency;
    final RoundingMode rounding;
    final boolean inclusive;
    final boolean unitTax;
    final LineItem[] items;
    final PriceQuote[] quotes;
    final Sku[] skus;
    final String[] categories;
    final String[] brands;
    final long[] quantity;
    /** Price times quantity: the amount before any promotion. */
    final long[] original;

    // scratch, reused by every pass; allocated on first use, because a cart without promotions
    // needs none of it
    private int[] targets;
    private int[] order;
    private long[] work2;
    private long[] remainders;
    private long[] selectBuffer;
    long[] taxScratch = new long[4];

    LineTable(Cart cart, Map<Sku, Product> products, Map<Sku, PriceQuote> prices, PricingPolicy policy) {
        this.cart = cart;
        this.currency = cart.currency();
        this.rounding = policy.rounding();
        this.inclusive = policy.taxMode() == PricingPolicy.TaxMode.INCLUSIVE;
        this.unitTax = policy.taxCalculation() == PricingPolicy.TaxCalculation.UNIT;
        List<LineItem> lines = cart.lines();
        n = lines.size();
        items = lines.toArray(new LineItem[0]);
        quotes = new PriceQuote[n];
        skus = new Sku[n];
        categories = new String[n];
        brands = new String[n];
        quantity = new long[n];
        original = new long[n];
        // every line is checked for a missing product before any currency is looked at, because
        // PRODUCT_NOT_FOUND takes precedence over CURRENCY_MISMATCH
        for (int i = 0; i < n; i++) {
            Sku sku = items[i].sku();
            Product product = products.get(sku);
            PriceQuote quote = prices.get(sku);
            if (product == null || quote == null) {
                throw new CartException(CartErrorCode.PRODUCT_NOT_FOUND, "no product or price for " + sku);
            }
            categories[i] = product.category();
            brands[i] = product.brand();
            quotes[i] = quote;
        }
        for (int i = 0; i < n; i++) {
            PriceQuote quote = quotes[i];
            if (!quote.unitPrice().currency().equals(currency)) {
                throw new CartException(CartErrorCode.CURRENCY_MISMATCH, "price of " + quote.sku() + " is in "
                        + quote.unitPrice().currency() + ", cart is in " + currency);
            }
            skus[i] = items[i].sku();
            quantity[i] = items[i].quantity();
            original[i] = Math.multiplyExact(quote.unitPrice().minor(), quantity[i]);
        }
    }

    int[] targets() {
        return targets == null ? targets = new int[n] : targets;
    }

    int[] order() {
        return order == null ? order = new int[n] : order;
    }

    long[] work2() {
        return work2 == null ? work2 = new long[n] : work2;
    }

    /**
     * Splits {@code amount} over the lines {@code idx[0..count)} in proportion to {@code weight[line]}
     * by largest remainder, writing each share to {@code out[line]}. The shares add up exactly to
     * {@code amount}, which must not exceed the sum of the weights when it is positive; a zero weight
     * gets zero; leftover minor units go to the largest fractional parts, ties to the earlier line.
     */
    void allocate(long amount, int[] idx, int count, long[] weight, long[] out) {
        long total = 0;
        for (int j = 0; j < count; j++) {
            total = Math.addExact(total, weight[idx[j]]);
        }
        if (total == 0 || amount == 0) {
            for (int j = 0; j < count; j++) {
                out[idx[j]] = 0;
            }
            if (amount != 0) {
                throw new ArithmeticException("nothing to allocate to");
            }
            return;
        }
        long[] remainders = this.remainders == null ? this.remainders = new long[n] : this.remainders;
        long given = 0;
        for (int j = 0; j < count; j++) {
            int line = idx[j];
            long w = weight[line];
            long share = Arith.mulDivFloor(amount, w, total);
            out[line] = share;
            remainders[line] = Arith.remainder(amount, w, total, share);
            given += share;
        }
        long left = amount - given; // fewer than count, so an int
        if (left == 0) {
            return;
        }
        // The leftover units go to the `left` largest remainders, ties to the earlier line. Only the
        // threshold remainder is needed, not an order, so a linear selection replaces a sort.
        int k = (int) left;
        long[] buf = selectBuffer == null ? selectBuffer = new long[n] : selectBuffer;
        for (int j = 0; j < count; j++) {
            buf[j] = remainders[idx[j]];
        }
        long threshold = kthLargest(buf, count, k - 1);
        for (int j = 0; j < count && k > 0; j++) {
            if (remainders[idx[j]] > threshold) {
                out[idx[j]]++;
                k--;
            }
        }
        // idx is in line order, so the ties at the threshold go to the earlier lines
        for (int j = 0; j < count && k > 0; j++) {
            if (remainders[idx[j]] == threshold) {
                out[idx[j]]++;
                k--;
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

    /**
     * Tax of an amount (net in exclusive mode, gross in inclusive mode) of {@code units} units taxed
     * at {@code rates}; the tax per rate is written to {@link #taxScratch}. With unit calculation the
     * amount is split over the units by largest remainder (equal weights: the first {@code amount %
     * units} units get one minor unit more) and each unit's tax is rounded.
     */
    long tax(long amount, long units, List<Rate> rates) {
        int k = rates.size();
        if (taxScratch.length < k) {
            taxScratch = new long[k];
        }
        long[] out = taxScratch;
        if (k == 0) {
            return 0;
        }
        if (k == 1) {
            // the common case, without the common-scale bookkeeping; the same figures as below with
            // maxScale = the rate's scale
            Rate rate = rates.get(0);
            long numerator = rate.unscaled();
            long divisor = Arith.pow10(rate.scale());
            if (inclusive) {
                divisor = Math.addExact(divisor, numerator);
            }
            long t;
            if (unitTax && units > 1) {
                long base = amount / units;
                long extra = amount % units;
                long low = Arith.mulDivRound(base, numerator, divisor, rounding);
                long high = extra == 0 ? 0 : Arith.mulDivRound(base + 1, numerator, divisor, rounding);
                t = Math.addExact(Math.multiplyExact(low, units - extra), Math.multiplyExact(high, extra));
            } else {
                t = Arith.mulDivRound(amount, numerator, divisor, rounding);
            }
            out[0] = t;
            return t;
        }
        int maxScale = 0;
        for (int r = 0; r < k; r++) {
            maxScale = Math.max(maxScale, rates.get(r).scale());
        }
        long denominator = Arith.pow10(maxScale);
        // inclusive: the share of rate r in gross g is g * r / (1 + sum of rates), all on a common scale
        long divisor = denominator;
        if (inclusive) {
            for (int r = 0; r < k; r++) {
                divisor = Math.addExact(divisor, scaled(rates.get(r), maxScale));
            }
        }
        boolean perUnit = unitTax && units > 1;
        long base = perUnit ? amount / units : amount;
        long extra = perUnit ? amount % units : 0;
        long sum = 0;
        for (int r = 0; r < k; r++) {
            long numerator = scaled(rates.get(r), maxScale);
            long t;
            if (perUnit) {
                long low = Arith.mulDivRound(base, numerator, divisor, rounding);
                long high = extra == 0 ? 0 : Arith.mulDivRound(base + 1, numerator, divisor, rounding);
                t = Math.addExact(Math.multiplyExact(low, units - extra), Math.multiplyExact(high, extra));
            } else {
                t = Arith.mulDivRound(base, numerator, divisor, rounding);
            }
            out[r] = t;
            sum = Math.addExact(sum, t);
        }
        return sum;
    }

    private static long scaled(Rate rate, int scale) {
        return Math.multiplyExact(rate.unscaled(), Arith.pow10(scale - rate.scale()));
    }

    /** Numeric equality of rates without the {@code BigDecimal} that {@link Rate#equals} uses. */
    static boolean sameRate(Rate a, Rate b) {
        if (a.scale() == b.scale()) {
            return a.unscaled() == b.unscaled();
        }
        int s = Math.max(a.scale(), b.scale());
        return scaled(a, s) == scaled(b, s);
    }
}
