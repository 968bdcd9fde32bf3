package dev.cartflow.service.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.model.Money;
import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** google.type.Money from the engine's amounts: exact to the minor unit in every currency. */
class CartMessagesTest {

    @ParameterizedTest
    @CsvSource({"12.34, EUR", "0.05, EUR", "-4.90, EUR", "1200, JPY", "-7, JPY", "1.250, KWD", "-0.001, KWD",
            "92233720368547758.07, EUR"})
    void money_amount_isExactInUnitsAndNanosWithOneSign(String decimal, String currency) {
        Money amount = Money.parse(decimal, Currency.getInstance(currency));

        com.google.type.Money message = CartMessages.money(amount);

        assertThat(message.getCurrencyCode()).isEqualTo(currency);
        BigDecimal back = BigDecimal.valueOf(message.getUnits()).add(BigDecimal.valueOf(message.getNanos(), 9));
        assertThat(back.compareTo(amount.toDecimal())).as("units %d nanos %d", message.getUnits(), message.getNanos())
                .isZero();
        assertThat(message.getUnits() == 0 || message.getNanos() == 0
                || Long.signum(message.getUnits()) == Integer.signum(message.getNanos())).isTrue();
    }
}
