package dev.cartflow.model;

import dev.cartflow.error.CartException;
import java.math.BigDecimal;

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

    /** Validates the range. */
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

    /** Parses a decimal fraction such as {@code "0.19"}. */
    public static Rate parse(String fraction) {
        Checks.notNull(fraction, "rate");
        try {
            BigDecimal value = new BigDecimal(fraction.trim()).stripTrailingZeros();
            if (value.scale() < 0) {
                value = value.setScale(0);
            }
            return new Rate(value.unscaledValue().longValueExact(), value.scale());
        } catch (ArithmeticException | NumberFormatException e) {
            throw CartException.invalidInput("not a rate: '" + fraction + "'");
        }
    }

    /** Parses a percentage such as {@code "10"} or {@code "12.5"} into the fraction {@code 0.10}, {@code 0.125}. */
    public static Rate percent(String percent) {
        Rate p = parse(percent);
        return new Rate(p.unscaled, p.scale + 2);
    }

    /** The rate as a decimal (for formatting and JSON only). */
    public BigDecimal toDecimal() {
        return BigDecimal.valueOf(unscaled, scale);
    }

    /** {@code 10^scale}, the denominator. */
    public long denominator() {
        return pow10(scale);
    }

    /** True when zero. */
    public boolean isZero() {
        return unscaled == 0;
    }

    /** The same value with the given larger or equal scale. */
    public Rate withScale(int newScale) {
        if (newScale < scale) {
            throw CartException.invalidInput("cannot reduce the scale of a rate");
        }
        return new Rate(Math.multiplyExact(unscaled, pow10(newScale - scale)), newScale);
    }

    /** Exact sum of rates (used for several non-compounding tax rates on one base). */
    public Rate plus(Rate other) {
        int s = Math.max(scale, other.scale);
        return new Rate(Math.addExact(withScale(s).unscaled, other.withScale(s).unscaled), s);
    }

    /** {@code 10^n} for {@code 0 <= n <= 18}. */
    public static long pow10(int n) {
        long result = 1;
        for (int i = 0; i < n; i++) {
            result *= 10;
        }
        return result;
    }

    @Override
    public int compareTo(Rate other) {
        return toDecimal().compareTo(other.toDecimal());
    }

    /** Equal when numerically equal, whatever the scale. */
    @Override
    public boolean equals(Object o) {
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
