package dev.cartflow.spi;

import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.Sku;
import java.util.Map;

/**
 * The host's prices. A quote should be in the requested currency; a quote in another currency is
 * converted by the {@link ExchangeRateProvider} when one is configured, and is a
 * {@code CURRENCY_MISMATCH} otherwise.
 */
@FunctionalInterface
public interface PricingProvider {
    /**
     * Unit prices of the requested skus; a sku missing from the result has no price
     * ({@code PRODUCT_NOT_FOUND}).
     *
     * @param request skus, currency, country and customer group
     * @return quotes by sku
     */
    Map<Sku, PriceQuote> prices(PriceRequest request);
}
