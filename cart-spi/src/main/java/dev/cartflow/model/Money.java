package dev.cartflow.model;

import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * An exact amount of money: a {@code long} count of the currency's minor units (its default
 * fraction digits: JPY 0, EUR 2, KWD 3). Arithmetic is exact; overflow is an {@code INVALID_INPUT}
 * and mixing currencies a {@code CURRENCY_MISMATCH}.
 *
 * @param minor    amount in minor units
 * @param currency the currency, which must have a non-negative default fraction digits
 */
public record Money(long minor, Currency currency) implements Comparable<Money> {

    /** Validates the currency. */
    public Money {
        Checks.currency(currency, "currency");
    }

    /** An amount in minor units. */
    public static Money ofMinor(long minor, Currency currency) {
        return new Money(minor, currency);
    }

    /** Zero in the currency. */
    public static Money zero(Currency currency) {
        return new Money(0, currency);
    }

    /**
     * Parses a decimal string such as {@code "3.86"}; more fraction digits than the currency
     * has are an {@code INVALID_INPUT}, never silently rounded. The text is bounded before any
     * arithmetic (see {@link Checks#decimal}), so a hostile exponent costs nothing.
     */
    public static Money parse(String decimal, Currency currency) {
        Checks.currency(currency, "currency");
        BigDecimal value = Checks.decimal(decimal, "amount");
        try {
            BigDecimal scaled = value.setScale(currency.getDefaultFractionDigits(), RoundingMode.UNNECESSARY);
            return new Money(scaled.unscaledValue().longValueExact(), currency);
        } catch (ArithmeticException e) {
            throw CartException.invalidInput("not an amount in " + currency.getCurrencyCode()
                    + " (too many fraction digits, or out of range)");
        }
    }

    /** The minor-unit scale of the currency. */
    public int scale() {
        return currency.getDefaultFractionDigits();
    }

    /** The amount as a decimal (for formatting and JSON only). */
    public BigDecimal toDecimal() {
        return BigDecimal.valueOf(minor, scale());
    }

    /** Plain decimal string with exactly the currency's fraction digits, such as {@code "3.80"}. */
    public String toDecimalString() {
        return toDecimal().toPlainString();
    }

    /** Exact sum; fails on another currency or overflow. */
    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(addExact(minor, other.minor), currency);
    }

    /** Exact difference; fails on another currency or overflow. */
    public Money minus(Money other) {
        requireSameCurrency(other);
        try {
            return new Money(Math.subtractExact(minor, other.minor), currency);
        } catch (ArithmeticException e) {
            throw CartException.invalidInput("amount overflow");
        }
    }

    /** Exact product with a quantity; fails on overflow. */
    public Money times(long quantity) {
        try {
            return new Money(Math.multiplyExact(minor, quantity), currency);
        } catch (ArithmeticException e) {
            throw CartException.invalidInput("amount overflow");
        }
    }

    /** True when below zero. */
    public boolean isNegative() {
        return minor < 0;
    }

    /** True when zero. */
    public boolean isZero() {
        return minor == 0;
    }

    /** Fails with {@code CURRENCY_MISMATCH} unless {@code other} is in this currency. */
    public void requireSameCurrency(Money other) {
        Checks.notNull(other, "amount");
        if (!currency.equals(other.currency)) {
            throw new CartException(CartErrorCode.CURRENCY_MISMATCH,
                    "amounts in " + currency + " and " + other.currency + " cannot be combined");
        }
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return Long.compare(minor, other.minor);
    }

    @Override
    public String toString() {
        return toDecimalString() + " " + currency.getCurrencyCode();
    }

    private static long addExact(long a, long b) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            throw CartException.invalidInput("amount overflow");
        }
    }
}
