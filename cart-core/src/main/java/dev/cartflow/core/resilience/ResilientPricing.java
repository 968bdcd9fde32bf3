package dev.cartflow.core.resilience;

import dev.cartflow.core.internal.snapshot.Fallbacks;
import dev.cartflow.core.internal.snapshot.FallbackReporting;
import dev.cartflow.error.CartException;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.Sku;
import dev.cartflow.spi.PriceRequest;
import dev.cartflow.spi.PricingProvider;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** Prices behind a guard, remembered per sku, currency, country and customer group. */
final class ResilientPricing extends Decorated implements PricingProvider, FallbackReporting<PricingProvider> {
    private record Key(Sku sku, Currency currency, String country, @Nullable String customerGroup) {
    }

    private final PricingProvider delegate;
    private final @Nullable PricingProvider defaults;
    private final FallbackChain<Key, PriceQuote> chain;

    ResilientPricing(PricingProvider delegate, ProviderPolicy policy, @Nullable PricingProvider defaults) {
        super(new Guard(Fallbacks.PRICING, policy, defaults != null || policy.lastKnownGoodEntries() > 0));
        this.delegate = delegate;
        this.defaults = defaults;
        this.chain = new FallbackChain<>(guard, policy);
    }

    @Override
    public Map<Sku, PriceQuote> prices(PriceRequest request) {
        return prices(request, NOBODY);
    }

    private Map<Sku, PriceQuote> prices(PriceRequest request, Consumer<String> onFallback) {
        CartException.requireNonNull(request, "request");
        Set<Key> keys = new LinkedHashSet<>();
        for (Sku sku : request.skus()) {
            keys.add(new Key(sku, request.currency(), request.country(), request.customerGroup()));
        }
        Map<Key, PriceQuote> found = chain.batch(keys, byKey(delegate, request),
                defaults == null ? null : byKey(defaults, request), onFallback);
        Map<Sku, PriceQuote> answer = new HashMap<>();
        found.forEach((key, quote) -> answer.put(key.sku(), quote));
        return answer;
    }

    /** Asks a provider for the skus of some keys, all of one request's currency, country and group. */
    private static Function<Set<Key>, Map<Key, PriceQuote>> byKey(PricingProvider provider, PriceRequest request) {
        return keys -> {
            Set<Sku> skus = new LinkedHashSet<>();
            keys.forEach(k -> skus.add(k.sku()));
            Map<Sku, PriceQuote> quotes = provider.prices(
                    new PriceRequest(skus, request.currency(), request.country(), request.customerGroup()));
            if (quotes == null) {
                return null;
            }
            Map<Key, PriceQuote> byKey = new HashMap<>();
            quotes.forEach((sku, quote) -> byKey.put(
                    new Key(sku, request.currency(), request.country(), request.customerGroup()), quote));
            return byKey;
        };
    }

    @Override
    public PricingProvider reportingTo(Consumer<String> onFallback) {
        return request -> prices(request, onFallback);
    }
}
