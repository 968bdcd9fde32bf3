package dev.cartflow.redis;

/**
 * A snapshot of a Redis-backed cache's state, for health endpoints and metrics.
 *
 * @param degraded     true while Redis is bypassed (circuit not closed) or entries written while it
 *                     was unreachable still wait to be refreshed
 * @param circuitState the circuit breaker state: {@code CLOSED}, {@code OPEN} or {@code HALF_OPEN}
 * @param hits         reads answered from Redis or the near cache
 * @param misses       reads that went to the delegate because the entry was absent or unreadable
 * @param bypassed     operations that skipped Redis because it was unavailable
 * @param failures     Redis commands that failed or timed out
 * @param pendingRefresh carts written while Redis was unreachable, to refresh on recovery
 */
public record CacheHealth(boolean degraded, String circuitState, long hits, long misses, long bypassed,
                          long failures, int pendingRefresh) {
}
