package dev.cartflow.core.memory;

import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.Sku;
import dev.cartflow.error.CartException;
import dev.cartflow.spi.PriceRequest;
import dev.cartflow.spi.PricingProvider;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A thread-safe price list in memory: one quote per sku, whatever the country or group. */
public final class InMemoryPricing implements PricingProvider {
    private final Map<Sku, PriceQuote> quotes = new ConcurrentHashMap<>();

    /** An empty price list. */
    public InMemoryPricing() {
    }

    /**
     * Adds or replaces a quote (a price change).
     *
     * @param quote the quote, keyed by its sku; not null ({@code INVALID_INPUT})
     * @return this price list
     */
    public InMemoryPricing put(PriceQuote quote) {
        if (quote == null) {
            throw CartException.invalidInput("quote must not be null");
        }
        quotes.put(quote.sku(), quote);
        return this;
    }

    /**
     * Removes the quote of a sku (the product is no longer sold at any price).
     *
     * @param sku the sku, not null ({@code INVALID_INPUT}); one without a quote changes nothing
     */
    public void remove(Sku sku) {
        quotes.remove(CartException.requireNonNull(sku, "sku"));
    }

    @Override
    public Map<Sku, PriceQuote> prices(PriceRequest request) {
        Map<Sku, PriceQuote> result = new HashMap<>();
        for (Sku sku : request.skus()) {
            PriceQuote q = quotes.get(sku);
            if (q != null) {
                result.put(sku, q);
            }
        }
        return result;
    }
}
