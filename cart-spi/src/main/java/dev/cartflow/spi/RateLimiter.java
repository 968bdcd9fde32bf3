package dev.cartflow.spi;

import dev.cartflow.error.CartException;
import java.time.Duration;

/**
 * Token buckets by name: the engine's rate limits take their tokens here. The engine names each
 * bucket after an operation and what it counts (an actor's pseudonym or a cart id), so a bucket
 * name never holds personal data in clear. cart-core has one for a single instance (bucket4j, in
 * memory); cart-redis one shared by every instance through Redis.
 *
 * <p>What an implementation must do (checked by {@code RateLimiterContract} in cart-tck): a bucket
 * is identified by its name together with its {@link RateLimit} (the same name under another limit
 * is another bucket); it starts full, refills as the limit says, and answers a refused take with
 * the real wait until enough tokens are back; a refused take takes nothing. It must be thread-safe
 * and exact under concurrency: of concurrent takes from one bucket exactly as many succeed as there
 * are tokens. A bad argument is {@code INVALID_INPUT}; a store that cannot answer is
 * {@code PROVIDER_UNAVAILABLE}; no other exception escapes.
 */
@FunctionalInterface
public interface RateLimiter {
    /** The longest bucket name. */
    int MAX_BUCKET_LENGTH = 256;

    /**
     * Tries to take {@code tokens} tokens from a bucket.
     *
     * @param bucket the bucket's name: non-blank, at most {@value #MAX_BUCKET_LENGTH} characters, no
     *               control characters
     * @param limit  the bucket's shape
     * @param tokens how many, 1 to the limit's capacity
     * @return whether they were taken, or how long to wait
     * @throws CartException {@code INVALID_INPUT} on a bad argument, {@code PROVIDER_UNAVAILABLE}
     *                       when the buckets cannot be reached
     */
    Answer tryTake(String bucket, RateLimit limit, long tokens);

    /**
     * Checks the arguments of {@link #tryTake} as the contract asks, for implementations.
     *
     * @param bucket the bucket's name
     * @param limit  the bucket's shape
     * @param tokens how many tokens
     * @throws CartException {@code INVALID_INPUT} when one is bad
     */
    static void checkArguments(String bucket, RateLimit limit, long tokens) {
        dev.cartflow.model.Checks.text(bucket, "bucket", MAX_BUCKET_LENGTH);
        CartException.requireNonNull(limit, "rate limit");
        if (tokens < 1 || tokens > limit.capacity()) {
            throw CartException.invalidInput("tokens must be between 1 and the limit's capacity");
        }
    }

    /**
     * The answer to one take.
     *
     * @param allowed    whether the tokens were taken
     * @param retryAfter when refused, how long until enough tokens are back (more than zero); zero
     *                   when allowed
     */
    record Answer(boolean allowed, Duration retryAfter) {
        private static final Answer ALLOWED = new Answer(true, Duration.ZERO);

        /**
         * Validates; {@link #taken()} and {@link #refused(Duration)} are the usual way to build one.
         *
         * @param allowed    whether the tokens were taken
         * @param retryAfter zero when allowed, more than zero when refused; required
         * @throws CartException {@code INVALID_INPUT} when {@code retryAfter} is null, negative, zero
         *                       for a refusal or not zero for an allowed take
         */
        public Answer {
            CartException.requireNonNull(retryAfter, "retry after");
            if (allowed != retryAfter.isZero() || retryAfter.isNegative()) {
                throw CartException.invalidInput("an allowed answer waits zero, a refused one more than zero");
            }
        }

        /**
         * The tokens were taken.
         *
         * @return the answer
         */
        public static Answer taken() {
            return ALLOWED;
        }

        /**
         * The tokens were not taken.
         *
         * @param retryAfter how long until enough tokens are back; rounded up to one nanosecond
         * @return the answer
         */
        public static Answer refused(Duration retryAfter) {
            CartException.requireNonNull(retryAfter, "retry after");
            return new Answer(false, retryAfter.isNegative() || retryAfter.isZero() ? Duration.ofNanos(1) : retryAfter);
        }
    }
}
