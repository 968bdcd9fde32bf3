package dev.cartflow.core.cache;

import dev.cartflow.core.internal.snapshot.Fallbacks;
import dev.cartflow.core.internal.snapshot.FallbackReporting;
import dev.cartflow.core.internal.support.Decorator;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Product;
import dev.cartflow.model.Sku;
import dev.cartflow.spi.CatalogProvider;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A {@link CatalogProvider} decorator that caches products in this JVM (Caffeine) with a TTL; an
 * unknown sku is remembered for a shorter time. Missing skus are asked from the host in one call.
 *
 * <p>Call {@link #invalidate} when products change (limits, countries, or availability after a
 * stock change); a lookup racing the invalidation is not stored. To reach the other instances of
 * the application, route invalidations through a cross-instance channel such as
 * {@code cart-redis}'s {@code RedisCacheInvalidation}. {@link #warm} preloads popular skus.
 *
 * <p>Needs Caffeine ({@code com.github.ben-manes.caffeine:caffeine}) on the class path: an
 * optional dependency of cart-core that a host using this cache adds. Thread-safe.
 */
public final class CachingCatalogProvider implements CatalogProvider, ProviderCache, Decorator,
        FallbackReporting<CatalogProvider> {
    private final CatalogProvider delegate;
    private final BatchCache<Sku, Product> cache;

    private CachingCatalogProvider(CatalogProvider delegate, CacheSettings settings) {
        this.delegate = delegate;
        this.cache = new BatchCache<>(settings, "catalog");
    }

    /**
     * A builder.
     *
     * @param delegate the host's catalog
     * @return a builder: 10 000 entries, 10 min TTL, 30 s for unknown skus
     */
    public static ProviderCacheBuilder<CachingCatalogProvider> builder(CatalogProvider delegate) {
        CartException.requireNonNull(delegate, "delegate");
        return new ProviderCacheBuilder<>(Duration.ofMinutes(10), s -> new CachingCatalogProvider(delegate, s));
    }

    @Override
    public Map<Sku, Product> products(Set<Sku> skus) {
        CartException.requireNonNull(skus, "skus");
        return products(skus, name -> {
        });
    }

    @Override
    public void invalidate(Collection<Sku> skus) {
        Set<Sku> changed = BatchCache.copyOf(skus, "skus");
        cache.invalidateIf(changed::contains);
    }

    @Override
    public void invalidateAll() {
        cache.invalidateAll();
    }

    /**
     * Loads popular skus in one call to the host.
     *
     * @param skus the skus
     */
    public void warm(Collection<Sku> skus) {
        Set<Sku> popular = BatchCache.copyOf(skus, "skus");
        if (!popular.isEmpty()) {
            products(popular);
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
    public CatalogProvider reportingTo(Consumer<String> onFallback) {
        return skus -> products(skus, onFallback);
    }

    /** The products; an answer of a fallback behind this cache is passed on and reported, never stored. */
    private Map<Sku, Product> products(Set<Sku> skus, Consumer<String> onFallback) {
        CartException.requireNonNull(skus, "skus");
        CatalogProvider source = Fallbacks.view(delegate, CatalogProvider.class, name -> {
            cache.forgetLoadsInFlight();
            onFallback.accept(name);
        });
        return cache.getAll(skus, source::products);
    }

    /** The provider this cache wraps, for the engine's health report. */
    @Override
    public Object decorated() {
        return delegate;
    }
}
