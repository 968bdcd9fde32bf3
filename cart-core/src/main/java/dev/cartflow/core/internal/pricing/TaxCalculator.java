package dev.cartflow.core.internal.pricing;

import dev.cartflow.error.CartException;
import dev.cartflow.model.PricingPolicy;
import dev.cartflow.model.Rate;
import java.math.RoundingMode;
import java.util.List;

/**
 * Tax of one amount at its rates, by the policy's mode (exclusive: added; inclusive: contained) and
 * calculation (per line or per unit). One instance per pricing call; the tax per rate of the last
 * call is readable through {@link #perRate}.
 */
final class TaxCalculator {
    private final RoundingMode rounding;
    private final boolean inclusive;
    private final boolean unitTax;
    private long[] perRate = new long[4];

    TaxCalculator(PricingPolicy policy) {
        this.rounding = policy.rounding();
        this.inclusive = policy.taxMode() == PricingPolicy.TaxMode.INCLUSIVE;
        this.unitTax = policy.taxCalculation() == PricingPolicy.TaxCalculation.UNIT;
    }

    /** Whether prices contain their tax. */
    boolean inclusive() {
        return inclusive;
    }

    /** The tax at rate {@code r} (by position in the rates) of the last {@link #tax} call. */
    long perRate(int r) {
        return perRate[r];
    }

    /**
     * Tax of an amount (net in exclusive mode, gross in inclusive mode) of {@code units} units taxed
     * at {@code rates}. With unit calculation the amount is split over the units by largest
     * remainder (the first {@code amount % units} units get one minor unit more) and each unit's
     * tax is rounded.
     *
     * @throws CartException {@code INVALID_INPUT} when the tax does not fit a long
     */
    long tax(long amount, long units, List<Rate> rates) {
        try {
            return compute(amount, units, rates);
        } catch (ArithmeticException e) {
            // rates go up to 1000000: the tax of a huge amount may not be representable
            throw Arith.amountOverflow();
        }
    }

    private long compute(long amount, long units, List<Rate> rates) {
        int k = rates.size();
        if (perRate.length < k) {
            perRate = new long[k];
        }
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
            long t = share(amount, units, numerator, divisor);
            perRate[0] = t;
            return t;
        }
        int maxScale = 0;
        for (int r = 0; r < k; r++) {
            maxScale = Math.max(maxScale, rates.get(r).scale());
        }
        // inclusive: the share of rate r in gross g is g * r / (1 + sum of rates), all on a common scale
        long divisor = Arith.pow10(maxScale);
        if (inclusive) {
            for (int r = 0; r < k; r++) {
                divisor = Math.addExact(divisor, scaled(rates.get(r), maxScale));
            }
        }
        long sum = 0;
        for (int r = 0; r < k; r++) {
            long t = share(amount, units, scaled(rates.get(r), maxScale), divisor);
            perRate[r] = t;
            sum = Math.addExact(sum, t);
        }
        return sum;
    }

    /** {@code amount * numerator / divisor}, rounded once, or per unit with unit calculation. */
    private long share(long amount, long units, long numerator, long divisor) {
        if (!unitTax || units <= 1) {
            return Arith.mulDivRound(amount, numerator, divisor, rounding);
        }
        long base = amount / units;
        long extra = amount % units;
        long low = Arith.mulDivRound(base, numerator, divisor, rounding);
        long high = extra == 0 ? 0 : Arith.mulDivRound(base + 1, numerator, divisor, rounding);
        return Math.addExact(Math.multiplyExact(low, units - extra), Math.multiplyExact(high, extra));
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
