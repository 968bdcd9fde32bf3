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

    /**
     * Validates the currency.
     *
     * @param minor    any {@code long}
     * @param currency a currency with a minor unit (default fraction digits 0 or more)
     * @throws CartException {@code INVALID_INPUT} when the currency is null or has no minor unit ({@code XXX},
     *                       {@code XAU})
     */
    public Money {
        Checks.currency(currency, "currency");
    }

    /**
     * An amount in minor units.
     *
     * @param minor    the amount in minor units of the currency (cents for EUR, yen for JPY), any sign
     * @param currency the currency
     * @return the amount
     * @throws CartException {@code INVALID_INPUT} when the currency is null or has no minor unit
     */
    public static Money ofMinor(long minor, Currency currency) {
        return new Money(minor, currency);
    }

    /**
     * Zero in the currency.
     *
     * @param currency the currency
     * @return zero minor units of it
     * @throws CartException {@code INVALID_INPUT} when the currency is null or has no minor unit
     */
    public static Money zero(Currency currency) {
        return new Money(0, currency);
    }

    /**
     * Parses a decimal string such as {@code "3.86"}; fraction digits beyond the currency's that
     * are not zero are an {@code INVALID_INPUT}, never silently rounded ({@code "3.860"} is accepted in
     * EUR, {@code "3.865"} is not). The text is bounded before any arithmetic (see
     * {@link Checks#decimal}), so a hostile exponent costs nothing.
     *
     * @param decimal  the amount in major units, such as {@code "-3.86"} or {@code "1.5e2"}; surrounding
     *                 white space is ignored
     * @param currency the currency, which sets how many fraction digits are allowed
     * @return the exact amount
     * @throws CartException {@code INVALID_INPUT} when the text is null or not a bounded decimal, has
     *                       non-zero digits beyond the currency's fraction digits or does not fit a
     *                       {@code long} of minor units, or when the currency is null or has no minor unit
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

    /**
     * The minor-unit scale of the currency.
     *
     * @return the currency's default fraction digits, 0 or more (JPY 0, EUR 2, KWD 3)
     */
    public int scale() {
        return currency.getDefaultFractionDigits();
    }

    /**
     * The amount as a decimal (for formatting and JSON only).
     *
     * @return the amount in major units, with exactly {@link #scale()} fraction digits
     */
    public BigDecimal toDecimal() {
        return BigDecimal.valueOf(minor, scale());
    }

    /**
     * Plain decimal string with exactly the currency's fraction digits, such as {@code "3.80"}.
     *
     * @return the amount in major units without exponent and without currency; {@link #parse} reads it back
     */
    public String toDecimalString() {
        return toDecimal().toPlainString();
    }

    /**
     * Exact sum; fails on another currency or overflow.
     *
     * @param other an amount in the same currency
     * @return a new amount, this plus {@code other}
     * @throws CartException {@code CURRENCY_MISMATCH} when {@code other} is in another currency;
     *                       {@code INVALID_INPUT} when it is null or the sum overflows a {@code long}
     */
    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(addExact(minor, other.minor), currency);
    }

    /**
     * Exact difference; fails on another currency or overflow.
     *
     * @param other an amount in the same currency
     * @return a new amount, this minus {@code other} (negative when {@code other} is larger)
     * @throws CartException {@code CURRENCY_MISMATCH} when {@code other} is in another currency;
     *                       {@code INVALID_INPUT} when it is null or the difference overflows a {@code long}
     */
    public Money minus(Money other) {
        requireSameCurrency(other);
        try {
            return new Money(Math.subtractExact(minor, other.minor), currency);
        } catch (ArithmeticException e) {
            throw CartException.invalidInput("amount overflow");
        }
    }

    /**
     * Exact product with a quantity; fails on overflow.
     *
     * @param quantity the factor, any sign
     * @return a new amount in the same currency
     * @throws CartException {@code INVALID_INPUT} when the product overflows a {@code long}
     */
    public Money times(long quantity) {
        try {
            return new Money(Math.multiplyExact(minor, quantity), currency);
        } catch (ArithmeticException e) {
            throw CartException.invalidInput("amount overflow");
        }
    }

    /**
     * True when below zero.
     *
     * @return whether {@link #minor()} is negative
     */
    public boolean isNegative() {
        return minor < 0;
    }

    /**
     * True when zero.
     *
     * @return whether {@link #minor()} is zero
     */
    public boolean isZero() {
        return minor == 0;
    }

    /**
     * Fails with {@code CURRENCY_MISMATCH} unless {@code other} is in this currency.
     *
     * @param other the amount to check
     * @throws CartException {@code CURRENCY_MISMATCH} when {@code other} is in another currency;
     *                       {@code INVALID_INPUT} when it is null
     */
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
