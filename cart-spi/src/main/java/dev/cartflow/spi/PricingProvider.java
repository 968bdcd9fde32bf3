package dev.cartflow.spi;

import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.Sku;
import java.util.Map;

/**
 * The host's prices. A quote should be in the requested currency; a quote in another currency is
 * converted by the {@link ExchangeRateProvider} when one is configured, and is a
 * {@code CURRENCY_MISMATCH} otherwise. Called at most once per attempt with every sku the
 * operation needs; a sku without a price is absent from the answer.
 *
 * <p>Thread-safe: the engine calls it from any number of threads at once. A failure is reported as
 * a {@code CartException} (a plain exception becomes {@code PROVIDER_UNAVAILABLE} in the engine);
 * a null answer is a failure too.
 * Checked by {@code PricingProviderContract} in {@code cart-tck}.
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
