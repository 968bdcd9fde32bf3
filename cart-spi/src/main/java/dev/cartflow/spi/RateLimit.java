package dev.cartflow.spi;

import dev.cartflow.error.CartException;
import java.time.Duration;

/**
 * The shape of one token bucket: it holds at most {@code capacity} tokens and refills them
 * continuously at {@code capacity} per {@code period} (so after a burst of {@code capacity} calls the
 * next token is back after {@code period / capacity}). A bucket starts full.
 *
 * @param capacity the most tokens, 1 to {@value #MAX_CAPACITY}
 * @param period   how long a full refill takes, {@link #MIN_PERIOD} to {@link #MAX_PERIOD}
 */
public record RateLimit(long capacity, Duration period) {
    /** The largest capacity of one bucket. */
    public static final long MAX_CAPACITY = 1_000_000;
    /** The shortest refill period. */
    public static final Duration MIN_PERIOD = Duration.ofMillis(1);
    /** The longest refill period. */
    public static final Duration MAX_PERIOD = Duration.ofDays(1);

    /**
     * Validates the ranges (both ends included).
     *
     * @param capacity the most tokens, 1 to {@value #MAX_CAPACITY}
     * @param period   how long a full refill takes, {@link #MIN_PERIOD} to {@link #MAX_PERIOD}; required
     * @throws CartException {@code INVALID_INPUT} when a value is null or out of range
     */
    public RateLimit {
        if (capacity < 1 || capacity > MAX_CAPACITY) {
            throw CartException.invalidInput("rate limit capacity must be between 1 and " + MAX_CAPACITY);
        }
        if (period == null || period.compareTo(MIN_PERIOD) < 0 || period.compareTo(MAX_PERIOD) > 0) {
            throw CartException.invalidInput("rate limit period must be between " + MIN_PERIOD + " and " + MAX_PERIOD);
        }
    }

    /**
     * A limit of {@code capacity} calls per {@code period}.
     *
     * @param capacity the most calls in a burst
     * @param period   how long a full refill takes
     * @return the limit
     */
    public static RateLimit of(long capacity, Duration period) {
        return new RateLimit(capacity, period);
    }

    /**
     * A text naming this shape, for bucket keys: the same bucket name under a different limit is a
     * different bucket, so that a changed setting takes effect at once instead of when the old
     * bucket expires.
     *
     * @return for example {@code 10per60000000000ns}
     */
    public String tag() {
        return capacity + "per" + period.toNanos() + "ns";
    }
}
