package dev.cartflow.redis;

import dev.cartflow.error.CartException;
import java.time.Clock;
import java.time.Duration;

/**
 * What the builders of both Redis repositories share: the key prefix and the clock, validated when
 * set, and the duration check of their other settings.
 *
 * @param <B> the concrete builder
 */
abstract class RepositoryBuilder<B extends RepositoryBuilder<B>> {
    String keyPrefix = "cartflow";
    Clock clock = Clock.systemUTC();

    /**
     * The first part of every key; default {@code cartflow}.
     *
     * @param prefix non-blank, no braces
     * @return this builder
     */
    public B keyPrefix(String prefix) {
        this.keyPrefix = new RedisKeys(prefix).prefix();
        return self();
    }

    /**
     * The clock of lifetimes, lock deadlines and idempotency retention; default the UTC system clock.
     *
     * @param clock the clock
     * @return this builder
     */
    public B clock(Clock clock) {
        this.clock = CartException.requireNonNull(clock, "clock");
        return self();
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    static Duration positive(Duration value, String what) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw CartException.invalidInput(what + " must be positive");
        }
        return value;
    }
}
