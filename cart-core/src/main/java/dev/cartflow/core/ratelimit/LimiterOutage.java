package dev.cartflow.core.ratelimit;

/**
 * What a rate-limited operation does when the limiter cannot answer (its store, such as Redis, is
 * down: the limiter reports {@code PROVIDER_UNAVAILABLE}).
 */
public enum LimiterOutage {
    /**
     * Fail open (the default): the operation runs unlimited while the limiter is down, and the
     * observer is told ({@code failureSwallowed}). An outage of the limiter's store does not take
     * the shop down with it, at the price of no limits for that time.
     */
    ALLOW,
    /**
     * Fail closed: the operation fails with {@code PROVIDER_UNAVAILABLE} while the limiter is down,
     * for shops that would rather refuse than run unlimited.
     */
    REFUSE
}
