package dev.cartflow.redis;

import dev.cartflow.core.observe.CartObserver;
import dev.cartflow.error.CartException;
import dev.cartflow.spi.CartStorage;
import java.time.Duration;

/** Builder of {@link CachingCartRepository}; setters validate, {@link #build()} freezes. */
public final class CachingCartRepositoryBuilder extends RepositoryBuilder<CachingCartRepositoryBuilder> {
    final CartStorage delegate;
    final CartRedisClient client;
    Duration minTtl = Duration.ofMinutes(5);
    Duration maxTtl = Duration.ofDays(7);
    Duration expiryGrace = Duration.ofHours(1);
    Duration tombstoneTtl = Duration.ofMinutes(1);
    int failureThreshold = 3;
    Duration openDelay = Duration.ofSeconds(1);
    long nearCacheSize;
    Duration nearCacheTtl = Duration.ofSeconds(5);
    boolean trackSkus;
    int maxPendingRefresh = 10_000;
    CartObserver observer = CartObserver.NONE;

    CachingCartRepositoryBuilder(CartStorage delegate, CartRedisClient client) {
        this.delegate = CartException.requireNonNull(delegate, "delegate");
        this.client = CartException.requireNonNull(client, "client");
    }

    /**
     * How long an entry lives: until {@code expiresAt + grace}, but at least {@code min} and at most
     * {@code max}. Defaults 5 min, 7 days, 1 h.
     *
     * @param min   the shortest lifetime, positive
     * @param max   the longest lifetime, at least {@code min}
     * @param grace how long an entry outlives its cart's expiry, not negative
     * @return this builder
     */
    public CachingCartRepositoryBuilder entryLifetime(Duration min, Duration max, Duration grace) {
        if (min == null || max == null || grace == null || min.isNegative() || min.isZero()
                || max.compareTo(min) < 0 || grace.isNegative()) {
            throw CartException.invalidInput("need 0 < min <= max and grace >= 0");
        }
        this.minTtl = min;
        this.maxTtl = max;
        this.expiryGrace = grace;
        return this;
    }

    /**
     * How long a deleted cart blocks cache fills; default 1 min.
     *
     * @param ttl the tombstone's lifetime, positive
     * @return this builder
     */
    public CachingCartRepositoryBuilder tombstoneTtl(Duration ttl) {
        this.tombstoneTtl = positive(ttl, "tombstone ttl");
        return this;
    }

    /**
     * The circuit breaker: it opens after {@code failures} consecutive Redis failures and tries
     * Redis again after {@code delay}. Defaults 3 and 1 s. On a Cluster each master has its own.
     *
     * @param failures consecutive failures that open it, at least 1
     * @param delay    how long it stays open before Redis is tried again, not negative
     * @return this builder
     */
    public CachingCartRepositoryBuilder circuitBreaker(int failures, Duration delay) {
        if (failures < 1 || delay == null || delay.isNegative()) {
            throw CartException.invalidInput("need failures >= 1 and a non-negative delay");
        }
        this.failureThreshold = failures;
        this.openDelay = delay;
        return this;
    }

    /**
     * Enables the near cache: up to {@code maxSize} carts kept in this JVM for at most {@code ttl},
     * evicted on other instances' invalidations. Off by default.
     *
     * @param maxSize how many carts at most, at least 1
     * @param ttl     how long one is kept at most, positive
     * @return this builder
     */
    public CachingCartRepositoryBuilder nearCache(long maxSize, Duration ttl) {
        if (maxSize < 1 || ttl == null || ttl.isNegative() || ttl.isZero()) {
            throw CartException.invalidInput("need maxSize >= 1 and a positive ttl");
        }
        this.nearCacheSize = maxSize;
        this.nearCacheTtl = ttl;
        return this;
    }

    /**
     * Maintains a Redis set per sku of the active carts holding it; off by default.
     *
     * @param track whether to maintain the sets
     * @return this builder
     */
    public CachingCartRepositoryBuilder trackSkus(boolean track) {
        this.trackSkus = track;
        return this;
    }

    /**
     * How many carts written while Redis is unreachable are remembered one by one before a full flush.
     *
     * @param max the number of carts, at least 1
     * @return this builder
     */
    public CachingCartRepositoryBuilder maxPendingRefresh(int max) {
        if (max < 1) {
            throw CartException.invalidInput("max must be at least 1");
        }
        this.maxPendingRefresh = max;
        return this;
    }

    /**
     * Told of every read's cache hit or miss (cache {@code carts}, and {@code carts-near} when the
     * near cache is on) and of every Redis failure the cache survives; by default nobody.
     *
     * @param observer the observer, for example cart-micrometer's (what it throws is ignored)
     * @return this builder
     */
    public CachingCartRepositoryBuilder observer(CartObserver observer) {
        this.observer = CartException.requireNonNull(observer, "observer");
        return this;
    }

    /**
     * The repository; subscribes to invalidations when the near cache is on.
     *
     * @return the caching repository over the builder's delegate
     */
    public CachingCartRepository build() {
        return new CachingCartRepository(this);
    }
}
