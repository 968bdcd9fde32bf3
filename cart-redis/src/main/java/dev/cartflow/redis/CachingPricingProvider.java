package dev.cartflow.redis;

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

/**
 * A {@link PricingProvider} decorator that caches quotes in this JVM (Caffeine) per sku, currency,
 * country and customer group, with a TTL; a sku without a price is remembered for a shorter time.
 *
 * <p>Call {@link #priceChanged} when the host's prices change: the affected entries are dropped at
 * once, a lookup that was already running is not stored, and, when built with a
 * {@link CartRedisClient}, the other instances drop theirs on a pub/sub message. The next pricing
 * therefore asks the host again. {@link #warm} preloads popular skus.
 */
public final class CachingPricingProvider implements PricingProvider, AutoCloseable {
    private final PricingProvider delegate;
    private final BatchCache<Key, PriceQuote> cache;
    private final InvalidationBus bus;

    private CachingPricingProvider(Builder b) {
        this.delegate = b.delegate;
        this.cache = new BatchCache<>(b.maxSize, b.ttl, b.negativeTtl);
        this.bus = b.client == null ? null : new InvalidationBus(b.client, b.keyPrefix, "pricing", this::onRemote);
    }

    /**
     * A builder.
     *
     * @param delegate the host's pricing
     * @return a builder: 10 000 entries, 5 min TTL, 30 s for unknown skus, no Redis
     */
    public static Builder builder(PricingProvider delegate) {
        return new Builder(delegate);
    }

    record Key(Sku sku, Currency currency, String country, String customerGroup) {
    }

    @Override
    public Map<Sku, PriceQuote> prices(PriceRequest request) {
        Set<Key> keys = new LinkedHashSet<>();
        for (Sku sku : request.skus()) {
            keys.add(new Key(sku, request.currency(), request.country(), request.customerGroup()));
        }
        Map<Key, PriceQuote> found = cache.getAll(keys, missing -> {
            Set<Sku> skus = new LinkedHashSet<>();
            missing.forEach(k -> skus.add(k.sku()));
            Map<Sku, PriceQuote> quotes = delegate.prices(
                    new PriceRequest(skus, request.currency(), request.country(), request.customerGroup()));
            Map<Key, PriceQuote> byKey = new HashMap<>();
            quotes.forEach((sku, quote) -> byKey.put(
                    new Key(sku, request.currency(), request.country(), request.customerGroup()), quote));
            return byKey;
        });
        Map<Sku, PriceQuote> result = new HashMap<>();
        found.forEach((k, q) -> result.put(k.sku(), q));
        return result;
    }

    /**
     * Drops every cached quote of the skus, here and (with Redis) on the other instances.
     *
     * @param skus skus whose price changed
     */
    public void priceChanged(Collection<Sku> skus) {
        Set<Sku> changed = Set.copyOf(skus);
        cache.invalidateIf(k -> changed.contains(k.sku()));
        if (bus != null) {
            changed.forEach(s -> bus.publish(s.value()));
        }
    }

    /** Drops everything: for a promotion or price-list change that may touch any sku. */
    public void invalidateAll() {
        cache.invalidateAll();
        if (bus != null) {
            bus.publish("*");
        }
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
        if (!skus.isEmpty()) {
            prices(new PriceRequest(Set.copyOf(skus), currency, country, customerGroup));
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
            cache.invalidateIf(k -> k.sku().value().equals(key));
        }
    }

    @Override
    public void close() {
        if (bus != null) {
            bus.close();
        }
    }

    /** Builder of {@link CachingPricingProvider}. */
    public static final class Builder {
        private final PricingProvider delegate;
        private long maxSize = 10_000;
        private Duration ttl = Duration.ofMinutes(5);
        private Duration negativeTtl = Duration.ofSeconds(30);
        private CartRedisClient client;
        private String keyPrefix = "cartflow";

        private Builder(PricingProvider delegate) {
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

        /** How long a quote, and the absence of one, is kept. */
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
        public CachingPricingProvider build() {
            return new CachingPricingProvider(this);
        }
    }
}
