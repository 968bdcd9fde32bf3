package dev.cartflow.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoneyTest {
    private static final Currency EUR = Currency.getInstance("EUR");

    private static void fails(Runnable call, CartErrorCode code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(CartException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }

    @ParameterizedTest
    @CsvSource({"EUR,3.86,386", "JPY,500,500", "KWD,1.234,1234", "EUR,-0.01,-1", "EUR,7,700"})
    void parse_currencyScale_minorUnits(String currency, String text, long minor) {
        Money m = Money.parse(text, Currency.getInstance(currency));
        assertThat(m.minor()).isEqualTo(minor);
        assertThat(Money.parse(m.toDecimalString(), m.currency())).isEqualTo(m);
    }

    @Test
    void parse_moreDigitsThanCurrency_invalidInput() {
        fails(() -> Money.parse("1.005", EUR), CartErrorCode.INVALID_INPUT);
        fails(() -> Money.parse("1.5", Currency.getInstance("JPY")), CartErrorCode.INVALID_INPUT);
        fails(() -> Money.parse("abc", EUR), CartErrorCode.INVALID_INPUT);
    }

    @Test
    void plus_otherCurrency_currencyMismatch() {
        fails(() -> Money.parse("1.00", EUR).plus(Money.parse("1.00", Currency.getInstance("USD"))),
                CartErrorCode.CURRENCY_MISMATCH);
    }

    @Test
    void arithmetic_overflow_invalidInput() {
        Money max = Money.ofMinor(Long.MAX_VALUE, EUR);
        fails(() -> max.plus(Money.ofMinor(1, EUR)), CartErrorCode.INVALID_INPUT);
        fails(() -> max.times(2), CartErrorCode.INVALID_INPUT);
        fails(() -> Money.ofMinor(Long.MIN_VALUE, EUR).minus(Money.ofMinor(1, EUR)), CartErrorCode.INVALID_INPUT);
    }

    @Test
    void toDecimalString_alwaysCurrencyDigits() {
        assertThat(Money.ofMinor(380, EUR).toDecimalString()).isEqualTo("3.80");
        assertThat(Money.ofMinor(5, Currency.getInstance("KWD")).toDecimalString()).isEqualTo("0.005");
    }

    private static final Currency USD = Currency.getInstance("USD");

    @Test
    void plus_sameCurrency_exactSum() {
        assertThat(Money.ofMinor(250, EUR).plus(Money.ofMinor(130, EUR))).isEqualTo(Money.ofMinor(380, EUR));
        assertThat(Money.ofMinor(-5, EUR).plus(Money.ofMinor(5, EUR)).isZero()).isTrue();
    }

    @Test
    void minus_sameCurrency_exactDifferenceOtherCurrencyMismatch() {
        assertThat(Money.ofMinor(250, EUR).minus(Money.ofMinor(300, EUR))).isEqualTo(Money.ofMinor(-50, EUR));
        fails(() -> Money.ofMinor(1, EUR).minus(Money.ofMinor(1, USD)), CartErrorCode.CURRENCY_MISMATCH);
        fails(() -> Money.ofMinor(1, EUR).minus(null), CartErrorCode.INVALID_INPUT);
    }

    @Test
    void times_quantity_exactProduct() {
        assertThat(Money.ofMinor(250, EUR).times(3)).isEqualTo(Money.ofMinor(750, EUR));
        assertThat(Money.ofMinor(250, EUR).times(0).isZero()).isTrue();
        assertThat(Money.ofMinor(250, EUR).times(-2)).isEqualTo(Money.ofMinor(-500, EUR));
    }

    @Test
    void compareTo_sameCurrency_orderOtherCurrencyMismatch() {
        Money small = Money.ofMinor(1, EUR);
        Money large = Money.ofMinor(2, EUR);
        assertThat(small.compareTo(large)).isNegative();
        assertThat(large.compareTo(small)).isPositive();
        assertThat(small.compareTo(Money.ofMinor(1, EUR))).isZero();
        fails(() -> small.compareTo(Money.ofMinor(1, USD)), CartErrorCode.CURRENCY_MISMATCH);
    }

    @Test
    void isNegativeAndIsZero_signOfAmount() {
        assertThat(Money.zero(EUR).isNegative()).isFalse();
        assertThat(Money.zero(EUR).isZero()).isTrue();
        assertThat(Money.ofMinor(-1, EUR).isNegative()).isTrue();
        assertThat(Money.ofMinor(-1, EUR).isZero()).isFalse();
        assertThat(Money.ofMinor(1, EUR).isNegative()).isFalse();
        assertThat(Money.ofMinor(1, EUR).isZero()).isFalse();
    }

    @Test
    void toString_decimalAndCode() {
        assertThat(Money.ofMinor(380, EUR).toString()).isEqualTo("3.80 EUR");
        assertThat(Money.ofMinor(-5, Currency.getInstance("JPY")).toString()).isEqualTo("-5 JPY");
    }

    @Test
    void scaleAndToDecimal_currencyFractionDigits() {
        assertThat(Money.ofMinor(1, Currency.getInstance("KWD")).scale()).isEqualTo(3);
        assertThat(Money.ofMinor(1, Currency.getInstance("JPY")).scale()).isZero();
        assertThat(Money.ofMinor(386, EUR).toDecimal()).isEqualByComparingTo("3.86");
        assertThat(Money.ofMinor(386, EUR).toDecimal().scale()).isEqualTo(2);
    }

    @Test
    void parse_rangeOfALong_inclusive() {
        assertThat(Money.parse("92233720368547758.07", EUR).minor()).isEqualTo(Long.MAX_VALUE);
        assertThat(Money.parse("-92233720368547758.08", EUR).minor()).isEqualTo(Long.MIN_VALUE);
        fails(() -> Money.parse("92233720368547758.08", EUR), CartErrorCode.INVALID_INPUT);
        fails(() -> Money.parse("1.00", null), CartErrorCode.INVALID_INPUT);
        fails(() -> Money.parse(null, EUR), CartErrorCode.INVALID_INPUT);
        assertThat(Money.parse(" 1.5 ", EUR).minor()).isEqualTo(150);
    }

    @Test
    void requireSameCurrency_sameCurrency_passes() {
        Money.ofMinor(1, EUR).requireSameCurrency(Money.ofMinor(2, EUR));
        fails(() -> Money.ofMinor(1, EUR).requireSameCurrency(Money.ofMinor(2, USD)), CartErrorCode.CURRENCY_MISMATCH);
    }

    @Test
    void constructor_nullCurrency_invalidInput() {
        fails(() -> Money.ofMinor(1, null), CartErrorCode.INVALID_INPUT);
    }
}
