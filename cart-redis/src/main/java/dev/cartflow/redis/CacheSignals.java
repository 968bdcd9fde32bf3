package dev.cartflow.redis;

import dev.cartflow.core.health.ComponentHealth;
import dev.cartflow.core.health.HealthStatus;
import dev.cartflow.core.observe.CartObserver;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@link CachingCartRepository} tells the outside about itself: each read's hit or miss and
 * each Redis failure it survived to its observer (guarded: an observer cannot fail a read), the
 * failures also as a {@code WARN} line on {@code dev.cartflow.failures}, and its health.
 */
final class CacheSignals {
    /** The {@code cache} tag of reads answered (or not) by Redis. */
    static final String CACHE = "carts";
    /** The {@code cache} tag of reads answered (or not) by the near cache. */
    static final String NEAR_CACHE = "carts-near";
    /** The cache's name in the engine's health report. */
    static final String HEALTH_NAME = "cart-cache";
    private static final String FAILURE_SITE = "redis.cache";
    private static final Logger LOG = LoggerFactory.getLogger("dev.cartflow.failures");

    private final CartObserver observer;

    CacheSignals(CartObserver observer) {
        this.observer = observer;
    }

    void accessed(String cache, boolean hit) {
        try {
            observer.cacheAccessed(cache, hit);
        } catch (RuntimeException ignored) {
            // an observer must not change the outcome of a cart read
        }
    }

    /** A Redis failure the cache survived by bypassing Redis: observed and logged, never thrown. */
    void swallowed(RuntimeException e) {
        try {
            observer.failureSwallowed(FAILURE_SITE, e);
        } catch (RuntimeException ignored) {
            // as above
        }
        try {
            LOG.atWarn().addKeyValue("where", FAILURE_SITE).addKeyValue("error", e.getClass().getName())
                    .setCause(e).log("failure swallowed");
        } catch (RuntimeException ignored) {
            // a failing log backend must not fail a cart read either
        }
    }

    /** {@code DEGRADED} while Redis is bypassed or carts wait for a refresh (the delegate still answers). */
    static ComponentHealth health(CacheHealth state) {
        return new ComponentHealth(state.degraded() ? HealthStatus.DEGRADED : HealthStatus.UP, Map.of(
                "circuitState", state.circuitState(),
                "hits", Long.toString(state.hits()),
                "misses", Long.toString(state.misses()),
                "bypassed", Long.toString(state.bypassed()),
                "failures", Long.toString(state.failures()),
                "pendingRefresh", Integer.toString(state.pendingRefresh())));
    }
}
