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
    /**
     * Validates.
     *
     * @param from a currency with a minor unit
     * @param to   a currency with a minor unit
     * @param rate not null
     * @param asOf not null
     * @throws dev.cartflow.error.CartException {@code INVALID_INPUT} when a component is null or a currency has
     *                                          no minor unit
     */
    public ExchangeRate {
        Checks.currency(from, "from");
        Checks.currency(to, "to");
        Checks.notNull(rate, "rate");
        Checks.notNull(asOf, "as of");
    }
}
