package dev.cartflow.core.resilience;

import dev.cartflow.core.observe.CartObserver;
import dev.cartflow.error.CartException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import org.jspecify.annotations.Nullable;

/**
 * How one provider is guarded: a timeout per attempt, retries with back-off and jitter (for reads
 * only), a circuit breaker, an optional bulkhead and an optional last-known-good fallback.
 * Immutable; built by {@link #builder()}, whose setters validate at once and throw
 * {@code CartException} with {@code INVALID_INPUT}. One policy may be given to several decorators;
 * each decorator keeps its own breaker, bulkhead and last-known-good answers.
 *
 * <p>Defaults: timeout 2 s per attempt; 2 retries, back-off from 50 ms to 1 s with a jitter factor
 * of 0.25; the breaker opens after 5 failures among the last 10 calls, stays open 30 s, and closes
 * after 1 successful trial call; no bulkhead; no last-known-good fallback; no observer; calls run
 * on a cached pool of daemon threads of the decorator's own.
 */
public final class ProviderPolicy {
    /**
     * Time for Failsafe to report a timeout it has already seen, before the caller stops waiting: on
     * a loaded machine its timers fire late, and the caller should get Failsafe's own answer.
     */
    private static final Duration SLACK = Duration.ofMillis(500);
    private final Duration timeout;
    private final int maxRetries;
    private final Duration retryDelay;
    private final Duration retryMaxDelay;
    private final double jitter;
    private final int breakerFailures;
    private final int breakerWindow;
    private final Duration breakerDelay;
    private final int breakerSuccesses;
    private final int bulkheadMaxConcurrent;
    private final Duration bulkheadMaxWait;
    private final int lastKnownGoodEntries;
    private final Duration lastKnownGoodMaxAge;
    private final CartObserver observer;
    private final @Nullable ExecutorService executor;
    private final Clock clock;

    private ProviderPolicy(Builder b) {
        this.timeout = b.timeout;
        this.maxRetries = b.maxRetries;
        this.retryDelay = b.retryDelay;
        this.retryMaxDelay = b.retryMaxDelay;
        this.jitter = b.jitter;
        this.breakerFailures = b.breakerFailures;
        this.breakerWindow = b.breakerWindow;
        this.breakerDelay = b.breakerDelay;
        this.breakerSuccesses = b.breakerSuccesses;
        this.bulkheadMaxConcurrent = b.bulkheadMaxConcurrent;
        this.bulkheadMaxWait = b.bulkheadMaxWait;
        this.lastKnownGoodEntries = b.lastKnownGoodEntries;
        this.lastKnownGoodMaxAge = b.lastKnownGoodMaxAge;
        this.observer = b.observer;
        this.executor = b.executor;
        this.clock = b.clock;
    }

    /**
     * A builder with the defaults described above.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The policy with every default.
     *
     * @return a new policy
     */
    public static ProviderPolicy defaults() {
        return builder().build();
    }

    Duration timeout() {
        return timeout;
    }

    int maxRetries() {
        return maxRetries;
    }

    Duration retryDelay() {
        return retryDelay;
    }

    Duration retryMaxDelay() {
        return retryMaxDelay;
    }

    double jitter() {
        return jitter;
    }

    int breakerFailures() {
        return breakerFailures;
    }

    int breakerWindow() {
        return breakerWindow;
    }

    Duration breakerDelay() {
        return breakerDelay;
    }

    int breakerSuccesses() {
        return breakerSuccesses;
    }

    /** Zero when there is no bulkhead. */
    int bulkheadMaxConcurrent() {
        return bulkheadMaxConcurrent;
    }

    Duration bulkheadMaxWait() {
        return bulkheadMaxWait;
    }

    /** Zero when the last-known-good fallback is off. */
    int lastKnownGoodEntries() {
        return lastKnownGoodEntries;
    }

    Duration lastKnownGoodMaxAge() {
        return lastKnownGoodMaxAge;
    }

    /**
     * The longest a caller waits for a read (every attempt at its timeout, the longest back-offs
     * with jitter, the bulkhead's wait) or, with {@code retries} 0, a write; past it the caller gets
     * its answer even when an attempt ignores its interrupt and Failsafe still waits for it.
     */
    Duration callBudget(boolean withRetries) {
        int retries = withRetries ? maxRetries : 0;
        Duration backoff = Duration.ofNanos((long) (retryMaxDelay.toNanos() * (1 + jitter)));
        return timeout.multipliedBy(retries + 1L).plus(backoff.multipliedBy(retries)).plus(bulkheadMaxWait)
                .plus(SLACK);
    }

    CartObserver observer() {
        return observer;
    }

    @Nullable ExecutorService executor() {
        return executor;
    }

    Clock clock() {
        return clock;
    }

    /** Collects a {@link ProviderPolicy}; every setter validates its arguments at once. Not thread-safe. */
    public static final class Builder {
        private static final int MAX_RETRIES = 10;
        private static final int MAX_WINDOW = 1_000;
        private static final int MAX_ENTRIES = 10_000_000;
        /** Longer waits are mistakes, and Failsafe counts them in nanoseconds. */
        private static final Duration LONGEST_WAIT = Duration.ofDays(1);
        private static final Duration LONGEST_AGE = Duration.ofDays(366);

        private Duration timeout = Duration.ofSeconds(2);
        private int maxRetries = 2;
        private Duration retryDelay = Duration.ofMillis(50);
        private Duration retryMaxDelay = Duration.ofSeconds(1);
        private double jitter = 0.25;
        private int breakerFailures = 5;
        private int breakerWindow = 10;
        private Duration breakerDelay = Duration.ofSeconds(30);
        private int breakerSuccesses = 1;
        private int bulkheadMaxConcurrent;
        private Duration bulkheadMaxWait = Duration.ZERO;
        private int lastKnownGoodEntries;
        private Duration lastKnownGoodMaxAge = Duration.ofHours(24);
        private CartObserver observer = CartObserver.NONE;
        private @Nullable ExecutorService executor;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * How long one attempt may take before it is abandoned (and its thread interrupted); default
         * 2 s. A read with retries takes at most {@code (retries + 1) * timeout} plus the back-off.
         *
         * @param timeout positive, at most a day
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            this.timeout = positive(timeout, "timeout");
            return this;
        }

        /**
         * How often a failed read is tried again (never a write); default 2, at most 10.
         *
         * @param maxRetries 0 for none
         * @return this builder
         */
        public Builder retries(int maxRetries) {
            if (maxRetries < 0 || maxRetries > MAX_RETRIES) {
                throw CartException.invalidInput("retries must be between 0 and " + MAX_RETRIES);
            }
            this.maxRetries = maxRetries;
            return this;
        }

        /**
         * The wait before a retry: {@code delay}, doubled after each retry up to {@code maxDelay};
         * default 50 ms up to 1 s.
         *
         * @param delay    the first wait, positive
         * @param maxDelay the longest wait, at least {@code delay}, at most a day
         * @return this builder
         */
        public Builder backoff(Duration delay, Duration maxDelay) {
            positive(delay, "retry delay");
            positive(maxDelay, "retry max delay");
            if (maxDelay.compareTo(delay) < 0) {
                throw CartException.invalidInput("retry max delay must not be shorter than the delay");
            }
            this.retryDelay = delay;
            this.retryMaxDelay = maxDelay;
            return this;
        }

        /**
         * Random spread of each retry wait, as a fraction of it, so that many callers do not retry in
         * step; default 0.25.
         *
         * @param factor between 0 (none) and 1
         * @return this builder
         */
        public Builder jitter(double factor) {
            if (!(factor >= 0 && factor <= 1)) {
                throw CartException.invalidInput("jitter must be between 0 and 1");
            }
            this.jitter = factor;
            return this;
        }

        /**
         * When the circuit opens: after {@code failures} failed calls among the last {@code window}
         * calls; default 5 of 10. A failure is a thrown exception other than a {@code CartException},
         * a null answer, a timeout, or a {@code CartException} with {@code PROVIDER_UNAVAILABLE} or
         * {@code INTERNAL}; any other {@code CartException} is an answer.
         *
         * @param failures at least 1
         * @param window   at least {@code failures}, at most 1000
         * @return this builder
         */
        public Builder breaker(int failures, int window) {
            if (failures < 1 || window < failures || window > MAX_WINDOW) {
                throw CartException.invalidInput("breaker needs 1 <= failures <= window <= " + MAX_WINDOW);
            }
            this.breakerFailures = failures;
            this.breakerWindow = window;
            return this;
        }

        /**
         * How long an open circuit refuses calls before it lets trial calls through (half-open);
         * default 30 s.
         *
         * @param delay positive, at most a day
         * @return this builder
         */
        public Builder breakerDelay(Duration delay) {
            this.breakerDelay = positive(delay, "breaker delay");
            return this;
        }

        /**
         * How many trial calls must succeed, while half-open, to close the circuit; default 1.
         *
         * @param successes between 1 and 1000
         * @return this builder
         */
        public Builder breakerSuccesses(int successes) {
            if (successes < 1 || successes > MAX_WINDOW) {
                throw CartException.invalidInput("breaker successes must be between 1 and " + MAX_WINDOW);
            }
            this.breakerSuccesses = successes;
            return this;
        }

        /**
         * Caps the calls running at once: a call beyond the cap waits up to {@code maxWait} for a
         * free place, then fails; default no cap.
         *
         * @param maxConcurrent at least 1
         * @param maxWait       zero to refuse the excess at once; at most a day
         * @return this builder
         */
        public Builder bulkhead(int maxConcurrent, Duration maxWait) {
            if (maxConcurrent < 1) {
                throw CartException.invalidInput("bulkhead must allow at least one call");
            }
            if (maxWait == null || maxWait.isNegative() || maxWait.compareTo(LONGEST_WAIT) > 0) {
                throw CartException.invalidInput("bulkhead wait must be between zero and " + LONGEST_WAIT);
            }
            this.bulkheadMaxConcurrent = maxConcurrent;
            this.bulkheadMaxWait = maxWait;
            return this;
        }

        /**
         * Turns on the last-known-good fallback: the decorator remembers the provider's answers (up
         * to {@code maxEntries} keys, least recently used dropped first) and, when the provider
         * fails, answers from them if they are younger than {@code maxAge}; default off.
         *
         * @param maxEntries between 1 and 10 000 000
         * @param maxAge     positive, at most 366 days
         * @return this builder
         */
        public Builder lastKnownGood(int maxEntries, Duration maxAge) {
            if (maxEntries < 1 || maxEntries > MAX_ENTRIES) {
                throw CartException.invalidInput("last known good entries must be between 1 and " + MAX_ENTRIES);
            }
            this.lastKnownGoodMaxAge = positive(maxAge, "last known good age", LONGEST_AGE);
            this.lastKnownGoodEntries = maxEntries;
            return this;
        }

        /**
         * Told of every circuit-breaker transition ({@link CartObserver#breakerChanged}); default nobody.
         *
         * @param observer the observer
         * @return this builder
         */
        public Builder observer(CartObserver observer) {
            this.observer = CartException.requireNonNull(observer, "observer");
            return this;
        }

        /**
         * Where guarded calls run, so that a call that hangs can be abandoned at its timeout; by
         * default each decorator has its own cached pool of daemon threads. The host owns an executor
         * it gives here and shuts it down.
         *
         * @param executor the executor
         * @return this builder
         */
        public Builder executor(ExecutorService executor) {
            this.executor = CartException.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * The clock that ages last-known-good answers; default the UTC system clock.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = CartException.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The policy.
         *
         * @return an immutable policy; the builder may go on being used
         */
        public ProviderPolicy build() {
            return new ProviderPolicy(this);
        }

        private static Duration positive(Duration value, String name) {
            return positive(value, name, LONGEST_WAIT);
        }

        private static Duration positive(Duration value, String name, Duration longest) {
            if (value == null || value.isNegative() || value.isZero() || value.compareTo(longest) > 0) {
                throw CartException.invalidInput(name + " must be positive and at most " + longest);
            }
            return value;
        }
    }
}
