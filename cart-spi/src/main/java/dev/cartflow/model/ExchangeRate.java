package dev.cartflow.model;

import java.time.Instant;
import java.util.Currency;

/**
 * A rate to convert prices: one unit of {@code from} is {@code rate} units of {@code to}.
 *
 * @param from  source currency
 * @param to    target currency
 * @param rate  exact rate
 * @param asOf  when the rate was quoted
 */
public record ExchangeRate(Currency from, Currency to, Rate rate, Instant asOf) {
    /** Validates. */
    public ExchangeRate {
        Checks.currency(from, "from");
        Checks.currency(to, "to");
        Checks.notNull(rate, "rate");
        Checks.notNull(asOf, "as of");
    }
}
