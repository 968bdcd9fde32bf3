package dev.cartflow.spi;

import dev.cartflow.model.ExchangeRate;
import java.util.Currency;
import java.util.Optional;

/**
 * Optional: converts prices quoted in another currency than the cart's. Asked once per foreign
 * currency among an operation's quotes.
 *
 * <p>Thread-safe: the engine calls it from any number of threads at once. A failure is reported as
 * a {@code CartException} (a plain exception becomes {@code PROVIDER_UNAVAILABLE} in the engine);
 * a null answer is a failure too.
 */
@FunctionalInterface
public interface ExchangeRateProvider {
    /**
     * The current rate from one currency to another.
     *
     * @param from the currency of the quote
     * @param to   the cart's currency
     * @return the rate, or empty when there is none ({@code CURRENCY_MISMATCH})
     */
    Optional<ExchangeRate> rate(Currency from, Currency to);
}
