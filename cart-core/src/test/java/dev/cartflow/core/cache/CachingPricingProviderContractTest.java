package dev.cartflow.core.cache;

import dev.cartflow.core.memory.InMemoryPricing;
import dev.cartflow.error.CartException;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.spi.PricingProvider;
import dev.cartflow.tck.PricingProviderContract;
import java.util.List;
import java.util.Optional;

/** The cart-tck pricing contract on {@link CachingPricingProvider} over an in-memory price list. */
class CachingPricingProviderContractTest extends PricingProviderContract {
    @Override
    protected PricingProvider newProvider(List<PriceQuote> quotes) {
        InMemoryPricing host = new InMemoryPricing();
        quotes.forEach(host::put);
        return CachingPricingProvider.builder(host).build();
    }

    @Override
    protected Optional<PricingProvider> failingProvider() {
        return Optional.of(CachingPricingProvider.builder(request -> {
            throw CartException.providerUnavailable("prices down", null);
        }).build());
    }
}
