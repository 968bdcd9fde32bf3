package dev.cartflow.core.memory;

import dev.cartflow.model.PriceQuote;
import dev.cartflow.spi.PricingProvider;
import dev.cartflow.tck.PricingProviderContract;
import java.util.List;

/** The cart-tck pricing contract on {@link InMemoryPricing}. */
class InMemoryPricingContractTest extends PricingProviderContract {
    @Override
    protected PricingProvider newProvider(List<PriceQuote> quotes) {
        InMemoryPricing pricing = new InMemoryPricing();
        quotes.forEach(pricing::put);
        return pricing;
    }
}
