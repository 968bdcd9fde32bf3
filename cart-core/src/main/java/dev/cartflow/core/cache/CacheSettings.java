package dev.cartflow.core.cache;

import dev.cartflow.core.observe.CartObserver;
import java.time.Duration;

/** What a {@link ProviderCacheBuilder} collected: validated once, then frozen. */
record CacheSettings(long maximumSize, Duration ttl, Duration negativeTtl, CartObserver observer) {
    /** Longer lifetimes are treated as "until evicted by size" (Caffeine's own upper bound). */
    private static final Duration LONGEST = Duration.ofDays(365 * 100);

    long ttlNanos() {
        return nanos(ttl);
    }

    long negativeTtlNanos() {
        return nanos(negativeTtl);
    }

    private static long nanos(Duration d) {
        return d.compareTo(LONGEST) > 0 ? LONGEST.toNanos() : d.toNanos();
    }
}
