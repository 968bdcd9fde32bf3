package dev.cartflow.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Regressions: huge exponents, currencies without a minor unit and overflowing promotion values. */
class HostileNumbersTest {
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

    private static void invalid(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(CartException.class,
                e -> assertThat(e.code()).isEqualTo(CartErrorCode.INVALID_INPUT));
    }

    /**
     * Each of these took seconds of BigDecimal arithmetic per call before it was rejected. One call
     * of each is timed against a bound that the bug exceeded many times over and the fix (a few
     * microseconds) stays far below even on a loaded machine: a regression guard, not a benchmark.
     */
    @ParameterizedTest
    @ValueSource(strings = {"1e10000000", "1E+999999999", "1e-10000000", "0.1e2147483647", "9e99999"})
    void parse_hugeExponent_rejectedBeforeAnyArithmetic(String text) {
        long start = System.nanoTime();
        invalid(() -> Money.parse(text, EUR));
        invalid(() -> Rate.parse(text));
        invalid(() -> Rate.percent(text));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void parse_overLongDigits_rejectedBeforeAnyArithmetic() {
        String digits = "1".repeat(5_000_000);
        long start = System.nanoTime();
        invalid(() -> Money.parse(digits, EUR));
        invalid(() -> Rate.parse("0." + digits));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", ".", ".5e", "e5", "1e", "1e+", "--1", "+-1", "1.2.3", "1,5", "0x10", "NaN",
            "Infinity", "\u0661\u0662", "1_000", "1e5 5", "1 000"})
    void decimal_notAPlainDecimal_invalidInput(String text) {
        invalid(() -> Checks.decimal(text, "amount"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "1.", ".5", "-0.25", "+3", " 7 ", "1e2", "1E-2", "2.50e+1", "0e100", "1e100"})
    void decimal_boundedPlainDecimal_parsedExactly(String text) {
        assertThat(Checks.decimal(text, "amount")).isEqualByComparingTo(new java.math.BigDecimal(text.strip()));
    }

    @Test
    void decimal_limits_inclusive() {
        String longest = "1" + "0".repeat(Checks.MAX_DECIMAL_LENGTH - 1);
        assertThat(Checks.decimal(longest, "a")).isEqualByComparingTo(new java.math.BigDecimal(longest));
        invalid(() -> Checks.decimal(longest + "0", "a"));
        assertThat(Checks.decimal("1e" + Checks.MAX_DECIMAL_EXPONENT, "a")).isEqualByComparingTo("1e100");
        invalid(() -> Checks.decimal("1e" + (Checks.MAX_DECIMAL_EXPONENT + 1), "a"));
    }

    @Test
    void parse_exponentWithinBounds_exactAmount() {
        assertThat(Money.parse("1.5e2", EUR).minor()).isEqualTo(15_000);
        assertThat(Money.parse("386e-2", EUR).minor()).isEqualTo(386);
        assertThat(Rate.parse("19e-2")).isEqualTo(Rate.parse("0.19"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"XXX", "XAU", "XAG", "XDR", "XTS"})
    void constructor_currencyWithoutMinorUnit_invalidInput(String code) {
        Currency noMinorUnit = Currency.getInstance(code);
        assertThat(noMinorUnit.getDefaultFractionDigits()).isNegative();
        invalid(() -> Money.ofMinor(1, noMinorUnit));
        invalid(() -> Money.zero(noMinorUnit));
        invalid(() -> Money.parse("1", noMinorUnit));
        invalid(() -> new Cart(CartId.random(), new CartOwner.Customer(new CustomerId("c")), null, noMinorUnit, "DE",
                CartState.ACTIVE, 1, List.of(), List.of(), null, "{}", T0, T0, T0, null));
        invalid(() -> new ExchangeRate(EUR, noMinorUnit, Rate.ONE, T0));
        invalid(() -> new ExchangeRate(noMinorUnit, EUR, Rate.ONE, T0));
    }

    @Test
    void amountAction_valueOverflowingPricing_invalidInput() {
        long max = Promotion.MAX_AMOUNT_MINOR;
        assertThat(Math.multiplyHigh(max, Integer.MAX_VALUE)).isZero();
        assertThat(max * Integer.MAX_VALUE).isPositive();
        Money largest = Money.ofMinor(max, EUR);
        Money tooLarge = Money.ofMinor(max + 1, EUR);
        assertThat(new Promotion.Action.Amount(largest, Promotion.Per.UNIT).amount()).isEqualTo(largest);
        assertThat(new Promotion.Action.FixedPrice(largest).unitPrice()).isEqualTo(largest);
        invalid(() -> new Promotion.Action.Amount(tooLarge, Promotion.Per.UNIT));
        invalid(() -> new Promotion.Action.Amount(Money.ofMinor(Long.MAX_VALUE, EUR), Promotion.Per.ORDER));
        invalid(() -> new Promotion.Action.FixedPrice(tooLarge));
        invalid(() -> Promotion.builder("p").amountOff(tooLarge, Promotion.Per.LINE));
        invalid(() -> new Promotion.Action.Percent(Rate.percent("100.0000000001")));
        invalid(() -> Promotion.builder("p").percentOff("1e10000000"));
    }

    @Test
    void withScale_beyondMaxScale_invalidInputNotArithmeticException() {
        Rate large = new Rate(1_000_000, 0);
        assertThat(large.withScale(Rate.MAX_SCALE).unscaled()).isEqualTo(1_000_000_000_000_000_000L);
        invalid(() -> large.withScale(Rate.MAX_SCALE + 1));
        invalid(() -> Rate.ONE.withScale(40));
        invalid(() -> Rate.pow10(19));
        invalid(() -> Rate.pow10(-1));
        invalid(() -> large.plus(Rate.ONE));
        invalid(() -> Rate.ONE.plus(null));
    }
}
