package dev.cartflow.core.cache;

import dev.cartflow.core.internal.snapshot.Fallbacks;
import dev.cartflow.core.internal.snapshot.FallbackReporting;
import dev.cartflow.core.internal.support.Decorator;
import dev.cartflow.error.CartException;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.Sku;
import dev.cartflow.spi.PriceRequest;
import dev.cartflow.spi.PricingProvider;
import java.time.Duration;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A {@link PricingProvider} decorator that caches quotes in this JVM (Caffeine) per sku, currency,
 * country and customer group, with a TTL; a sku without a price is remembered for a shorter time.
 * Missing quotes are asked from the host in one call.
 *
 * <p>Call {@link #invalidate} when the host's prices change: the affected entries are dropped at
 * once and a lookup that was already running is not stored, so the next pricing asks the host
 * again. To reach the other instances of the application, route invalidations through a
 * cross-instance channel such as {@code cart-redis}'s {@code RedisCacheInvalidation}.
 * {@link #warm} preloads popular skus.
 *
 * <p>Needs Caffeine ({@code com.github.ben-manes.caffeine:caffeine}) on the class path: an
 * optional dependency of cart-core that a host using this cache adds. Thread-safe.
 */
public final class CachingPricingProvider implements PricingProvider, ProviderCache, Decorator,
        FallbackReporting<PricingProvider> {
    private final PricingProvider delegate;
    private final BatchCache<Key, PriceQuote> cache;

    private CachingPricingProvider(PricingProvider delegate, CacheSettings settings) {
        this.delegate = delegate;
        this.cache = new BatchCache<>(settings, "prices");
    }

    /**
     * A builder.
     *
     * @param delegate the host's pricing
     * @return a builder: 10 000 entries, 5 min TTL, 30 s for unknown skus
     */
    public static ProviderCacheBuilder<CachingPricingProvider> builder(PricingProvider delegate) {
        CartException.requireNonNull(delegate, "delegate");
        return new ProviderCacheBuilder<>(Duration.ofMinutes(5), s -> new CachingPricingProvider(delegate, s));
    }

    private record Key(Sku sku, Currency currency, String country, String customerGroup) {
    }

    @Override
    public Map<Sku, PriceQuote> prices(PriceRequest request) {
        return prices(request, name -> {
        });
    }

    /** The quotes; an answer of a fallback behind this cache is passed on and reported, never stored. */
    private Map<Sku, PriceQuote> prices(PriceRequest request, Consumer<String> onFallback) {
        CartException.requireNonNull(request, "request");
        PricingProvider source = Fallbacks.view(delegate, PricingProvider.class, name -> {
            cache.forgetLoadsInFlight();
            onFallback.accept(name);
        });
        Set<Key> keys = new LinkedHashSet<>();
        for (Sku sku : request.skus()) {
            keys.add(key(sku, request));
        }
        Map<Key, PriceQuote> found = cache.getAll(keys, missing -> {
            Set<Sku> skus = new LinkedHashSet<>();
            missing.forEach(k -> skus.add(k.sku()));
            Map<Sku, PriceQuote> quotes = source.prices(
                    new PriceRequest(skus, request.currency(), request.country(), request.customerGroup()));
            Map<Key, PriceQuote> byKey = new HashMap<>();
            if (quotes != null) {
                quotes.forEach((sku, quote) -> byKey.put(key(sku, request), quote));
            }
            return byKey;
        });
        Map<Sku, PriceQuote> result = new HashMap<>();
        found.forEach((k, q) -> result.put(k.sku(), q));
        return result;
    }

    private static Key key(Sku sku, PriceRequest request) {
        return new Key(sku, request.currency(), request.country(), request.customerGroup());
    }

    /** Drops every cached quote of the skus, in every currency, country and customer group. */
    @Override
    public void invalidate(Collection<Sku> skus) {
        Set<Sku> changed = BatchCache.copyOf(skus, "skus");
        cache.invalidateIf(k -> changed.contains(k.sku()));
    }

    /** Drops everything: for a promotion or price-list change that may touch any sku. */
    @Override
    public void invalidateAll() {
        cache.invalidateAll();
    }

    /**
     * Loads quotes for popular skus in one call to the host.
     *
     * @param skus          the skus
     * @param currency      the currency
     * @param country       ship-to country
     * @param customerGroup customer group, or null
     */
    public void warm(Collection<Sku> skus, Currency currency, String country, String customerGroup) {
        Set<Sku> popular = BatchCache.copyOf(skus, "skus");
        if (!popular.isEmpty()) {
            prices(new PriceRequest(popular, currency, country, customerGroup));
        }
    }

    /**
     * Lookups answered locally.
     *
     * @return the count since the cache was built
     */
    public long hits() {
        return cache.hits.get();
    }

    /**
     * Batch calls made to the host.
     *
     * @return the count since the cache was built
     */
    public long loads() {
        return cache.loads.get();
    }

    /**
     * A view that reports the fallbacks of a resilience decorator behind this cache
     * ({@code core.resilience}) to one snapshot.
     *
     * @param onFallback told the name of a provider whose fallback answered
     * @return the view
     */
    @Override
    public PricingProvider reportingTo(Consumer<String> onFallback) {
        return request -> prices(request, onFallback);
    }

    /** The provider this cache wraps, for the engine's health report. */
    @Override
    public Object decorated() {
        return delegate;
    }
}
