package dev.cartflow.service.http;

import dev.cartflow.model.Money;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * An amount in JSON: a decimal string in the currency's own fraction digits beside the currency
 * code ({@code {"amount": "12.34", "currency": "EUR"}}, JPY {@code "1200"}), never a JSON number.
 *
 * @param amount   the decimal amount
 * @param currency the ISO 4217 code
 */
@Schema(name = "Money", example = "{\"amount\": \"12.34\", \"currency\": \"EUR\"}")
public record MoneyJson(@Schema(example = "12.34") String amount, @Schema(example = "EUR") String currency) {

    /** The JSON form of an amount, or null for null. */
    static @Nullable MoneyJson of(@Nullable Money money) {
        return money == null ? null : new MoneyJson(money.toDecimalString(), money.currency().getCurrencyCode());
    }
}
