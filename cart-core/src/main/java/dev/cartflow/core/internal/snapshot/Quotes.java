package dev.cartflow.core.internal.snapshot;

import dev.cartflow.model.ExchangeRate;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.Sku;
import java.util.Map;

/**
 * Quotes in the cart's currency.
 *
 * @param bySku        quote by sku
 * @param exchangeRate the one exchange rate used, or null when none or several were
 */
public record Quotes(Map<Sku, PriceQuote> bySku, ExchangeRate exchangeRate) {
}
