package dev.cartflow.redis;

import dev.cartflow.error.CartException;
import dev.cartflow.model.Product;
import dev.cartflow.model.Sku;
import dev.cartflow.spi.CatalogProvider;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * A {@link CatalogProvider} decorator that caches products in this JVM (Caffeine) with a TTL; an
 * unknown sku is remembered for a shorter time.
 *
 * <p>Call {@link #productChanged} when products change (limits, countries, or availability after a
 * stock change): the entries are dropped here and, when built with a {@link CartRedisClient}, on
 * the other instances through pub/sub. A lookup racing the invalidation is not stored.
 * {@link #warm} preloads popular skus.
 */
public final class CachingCatalogProvider implements CatalogProvider, AutoCloseable {
    private final CatalogProvider delegate;
    private final BatchCache<Sku, Product> cache;
    private final InvalidationBus bus;

    private CachingCatalogProvider(Builder b) {
        this.delegate = b.delegate;
        this.cache = new BatchCache<>(b.maxSize, b.ttl, b.negativeTtl);
        this.bus = b.client == null ? null : new InvalidationBus(b.client, b.keyPrefix, "catalog", this::onRemote);
    }

    /**
     * A builder.
     *
     * @param delegate the host's catalog
     * @return a builder: 10 000 entries, 10 min TTL, 30 s for unknown skus, no Redis
     */
    public static Builder builder(CatalogProvider delegate) {
        return new Builder(delegate);
    }

    @Override
    public Map<Sku, Product> products(Set<Sku> skus) {
        return cache.getAll(skus, delegate::products);
    }

    /**
     * Drops the skus here and (with Redis) on the other instances.
     *
     * @param skus changed products, or products whose stock changed
     */
    public void productChanged(Collection<Sku> skus) {
        Set<Sku> changed = Set.copyOf(skus);
        cache.invalidateIf(changed::contains);
        if (bus != null) {
            changed.forEach(s -> bus.publish(s.value()));
        }
    }

    /** Drops everything, here and on the other instances. */
    public void invalidateAll() {
        cache.invalidateAll();
        if (bus != null) {
            bus.publish("*");
        }
    }

    /**
     * Loads popular skus in one call to the host.
     *
     * @param skus the skus
     */
    public void warm(Collection<Sku> skus) {
        if (!skus.isEmpty()) {
            products(Set.copyOf(skus));
        }
    }

    /** Lookups answered locally. */
    public long hits() {
        return cache.hits.get();
    }

    /** Batch calls made to the host. */
    public long loads() {
        return cache.loads.get();
    }

    private void onRemote(String key) {
        if (key.equals("*")) {
            cache.invalidateAll();
        } else {
            cache.invalidateIf(s -> s.value().equals(key));
        }
    }

    @Override
    public void close() {
        if (bus != null) {
            bus.close();
        }
    }

    /** Builder of {@link CachingCatalogProvider}. */
    public static final class Builder {
        private final CatalogProvider delegate;
        private long maxSize = 10_000;
        private Duration ttl = Duration.ofMinutes(10);
        private Duration negativeTtl = Duration.ofSeconds(30);
        private CartRedisClient client;
        private String keyPrefix = "cartflow";

        private Builder(CatalogProvider delegate) {
            this.delegate = CartException.requireNonNull(delegate, "delegate");
        }

        /** Entry limit. */
        public Builder maximumSize(long maxSize) {
            if (maxSize < 1) {
                throw CartException.invalidInput("maxSize must be at least 1");
            }
            this.maxSize = maxSize;
            return this;
        }

        /** How long a product, and the absence of one, is kept. */
        public Builder ttl(Duration ttl, Duration negativeTtl) {
            if (ttl == null || negativeTtl == null || ttl.isNegative() || negativeTtl.isNegative()) {
                throw CartException.invalidInput("ttls must not be negative");
            }
            this.ttl = ttl;
            this.negativeTtl = negativeTtl;
            return this;
        }

        /** Shares invalidations with other instances through Redis pub/sub. */
        public Builder redis(CartRedisClient client, String keyPrefix) {
            new RedisKeys(keyPrefix);
            this.client = CartException.requireNonNull(client, "client");
            this.keyPrefix = keyPrefix;
            return this;
        }

        /** The provider. */
        public CachingCatalogProvider build() {
            return new CachingCatalogProvider(this);
        }
    }
}
