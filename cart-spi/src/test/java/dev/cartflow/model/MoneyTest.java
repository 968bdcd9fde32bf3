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
}
