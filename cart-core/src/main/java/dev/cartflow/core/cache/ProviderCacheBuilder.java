package dev.cartflow.core.cache;

import dev.cartflow.core.internal.observe.SafeObserver;
import dev.cartflow.core.observe.CartObserver;
import dev.cartflow.error.CartException;
import java.time.Duration;
import java.util.function.Function;

/**
 * Configures a provider cache ({@link CachingCatalogProvider#builder}, {@link CachingPricingProvider#builder});
 * every setter validates at once and throws {@code INVALID_INPUT}.
 *
 * @param <C> the cache it builds
 */
public final class ProviderCacheBuilder<C> {
    private final Function<CacheSettings, C> factory;
    private long maximumSize = 10_000;
    private Duration ttl;
    private Duration negativeTtl = Duration.ofSeconds(30);
    private CartObserver observer = CartObserver.NONE;

    ProviderCacheBuilder(Duration defaultTtl, Function<CacheSettings, C> factory) {
        this.ttl = defaultTtl;
        this.factory = factory;
    }

    /**
     * The most entries kept (default 10 000); beyond it the least useful go.
     *
     * @param maximumSize at least 1
     * @return this builder
     */
    public ProviderCacheBuilder<C> maximumSize(long maximumSize) {
        if (maximumSize < 1) {
            throw CartException.invalidInput("maximumSize must be at least 1");
        }
        this.maximumSize = maximumSize;
        return this;
    }

    /**
     * How long an answer, and the absence of one (an unknown sku), is kept after it was loaded.
     *
     * @param ttl         lifetime of a found entry, not negative
     * @param negativeTtl lifetime of "not found", not negative (default 30 s)
     * @return this builder
     */
    public ProviderCacheBuilder<C> ttl(Duration ttl, Duration negativeTtl) {
        if (ttl == null || negativeTtl == null || ttl.isNegative() || negativeTtl.isNegative()) {
            throw CartException.invalidInput("ttls must be given and not negative");
        }
        this.ttl = ttl;
        this.negativeTtl = negativeTtl;
        return this;
    }

    /**
     * Told of every lookup, hit or miss, one per key ({@link CartObserver#cacheAccessed}, cache name
     * {@code catalog} or {@code prices}); by default nobody. What the observer throws is ignored.
     *
     * @param observer the observer, for example cart-micrometer's
     * @return this builder
     */
    public ProviderCacheBuilder<C> observer(CartObserver observer) {
        this.observer = SafeObserver.of(CartException.requireNonNull(observer, "observer"));
        return this;
    }

    /**
     * Builds the cache (empty).
     *
     * @return the cache
     */
    public C build() {
        requireCaffeine();
        return factory.apply(new CacheSettings(maximumSize, ttl, negativeTtl, observer));
    }

    /** Caffeine is an optional dependency of cart-core: say so instead of a NoClassDefFoundError. */
    private static void requireCaffeine() {
        try {
            Class.forName("com.github.benmanes.caffeine.cache.Caffeine", false,
                    ProviderCacheBuilder.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw CartException.internal("provider caches need com.github.ben-manes.caffeine:caffeine on the "
                    + "class path (an optional dependency of cart-core)", e);
        }
    }
}
