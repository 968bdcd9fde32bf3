package dev.cartflow.model;

import dev.cartflow.error.CartException;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * An exact non-negative decimal fraction, such as a tax rate {@code 0.19} or a discount of
 * {@code 0.125}: {@code unscaled / 10^scale}. Kept as two primitives so that pricing needs no
 * {@code BigDecimal} in its per-line loop.
 *
 * @param unscaled the digits, at least zero
 * @param scale    the number of fraction digits, 0 to 12
 */
public record Rate(long unscaled, int scale) implements Comparable<Rate> {
    /** The largest supported scale. */
    public static final int MAX_SCALE = 12;
    /** Zero. */
    public static final Rate ZERO = new Rate(0, 0);
    /** One (100 %). */
    public static final Rate ONE = new Rate(1, 0);

    /**
     * Validates the range.
     *
     * @param unscaled at least zero, and at most 1000000 once divided by {@code 10^scale}
     * @param scale    0 to {@link #MAX_SCALE}
     * @throws CartException {@code INVALID_INPUT} when the value is negative or above 1000000, or the scale is
     *                       out of range
     */
    public Rate {
        if (unscaled < 0) {
            throw CartException.invalidInput("a rate must not be negative");
        }
        if (scale < 0 || scale > MAX_SCALE) {
            throw CartException.invalidInput("a rate has at most " + MAX_SCALE + " fraction digits");
        }
        if (unscaled > 1_000_000L * pow10(scale)) {
            throw CartException.invalidInput("a rate must not exceed 1000000");
        }
    }

    /**
     * Parses a decimal fraction such as {@code "0.19"}. The text is bounded before any arithmetic
     * (see {@link Checks#decimal}), so a hostile exponent costs nothing. Trailing zeros are dropped:
     * {@code "0.190"} gives the rate {@code 0.19} with scale 2.
     *
     * @param fraction the fraction, such as {@code "0.19"} or {@code "1e-2"}; surrounding white space is
     *                 ignored
     * @return the exact rate
     * @throws CartException {@code INVALID_INPUT} when the text is null or not a bounded decimal, or the
     *                       value is negative, above 1000000 or needs more than {@link #MAX_SCALE}
     *                       fraction digits
     */
    public static Rate parse(String fraction) {
        BigDecimal stripped = Checks.decimal(fraction, "rate").stripTrailingZeros();
        // "1e2" strips to scale -2; a rate keeps a scale of at least 0
        BigDecimal value = stripped.setScale(Math.max(stripped.scale(), 0));
        try {
            return new Rate(value.unscaledValue().longValueExact(), value.scale());
        } catch (ArithmeticException e) {
            throw CartException.invalidInput("a rate must not exceed 1000000");
        }
    }

    /**
     * Parses a percentage such as {@code "10"} or {@code "12.5"} into the fraction {@code 0.10}, {@code 0.125}.
     *
     * @param percent the percentage, read as by {@link #parse}
     * @return the percentage divided by 100
     * @throws CartException {@code INVALID_INPUT} when {@link #parse} fails on the text or the fraction
     *                       needs more than {@link #MAX_SCALE} fraction digits (a percentage with more
     *                       than 10)
     */
    public static Rate percent(String percent) {
        Rate p = parse(percent);
        return new Rate(p.unscaled, p.scale + 2);
    }

    /**
     * The rate as a decimal (for formatting and JSON only).
     *
     * @return {@code unscaled / 10^scale}, with {@link #scale()} fraction digits
     */
    public BigDecimal toDecimal() {
        return BigDecimal.valueOf(unscaled, scale);
    }

    /**
     * {@code 10^scale}, the denominator.
     *
     * @return {@code 10^scale}, 1 to {@code 10^12}
     */
    public long denominator() {
        return pow10(scale);
    }

    /**
     * True when zero.
     *
     * @return whether {@link #unscaled()} is zero
     */
    public boolean isZero() {
        return unscaled == 0;
    }

    /**
     * The same value with the given larger or equal scale, at most {@link #MAX_SCALE}. Cannot
     * overflow: a rate is at most 10^6, so its digits at scale 12 stay below 10^18.
     *
     * @param newScale from {@link #scale()} to {@link #MAX_SCALE}
     * @return an equal rate at {@code newScale}
     * @throws CartException {@code INVALID_INPUT} when {@code newScale} is below {@link #scale()} or above
     *                       {@link #MAX_SCALE}
     */
    public Rate withScale(int newScale) {
        if (newScale < scale || newScale > MAX_SCALE) {
            throw CartException.invalidInput("a rate's scale can only grow, up to " + MAX_SCALE);
        }
        return new Rate(unscaled * pow10(newScale - scale), newScale);
    }

    /**
     * Exact sum of rates (used for several non-compounding tax rates on one base). Two rates of at
     * most 10^6 sum below 2 * 10^18, so the addition cannot overflow; a sum over 10^6 fails as any
     * such rate does.
     *
     * @param other the rate to add
     * @return the sum, at the larger of the two scales
     * @throws CartException {@code INVALID_INPUT} when {@code other} is null or the sum is above 1000000
     */
    public Rate plus(Rate other) {
        Checks.notNull(other, "rate");
        int s = Math.max(scale, other.scale);
        return new Rate(withScale(s).unscaled + other.withScale(s).unscaled, s);
    }

    /**
     * {@code 10^n} for {@code 0 <= n <= 18}.
     *
     * @param n the exponent
     * @return {@code 10^n}
     * @throws CartException {@code INVALID_INPUT} for any other {@code n}
     */
    public static long pow10(int n) {
        if (n < 0 || n > 18) {
            throw CartException.invalidInput("10^" + n + " does not fit a long");
        }
        long result = 1;
        for (int i = 0; i < n; i++) {
            result *= 10;
        }
        return result;
    }

    /** Numeric order, whatever the scales. */
    @Override
    public int compareTo(Rate other) {
        Checks.notNull(other, "rate");
        return toDecimal().compareTo(other.toDecimal());
    }

    /** Equal when numerically equal, whatever the scale. */
    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof Rate r && compareTo(r) == 0;
    }

    @Override
    public int hashCode() {
        return toDecimal().stripTrailingZeros().hashCode();
    }

    @Override
    public String toString() {
        return toDecimal().toPlainString();
    }
}
