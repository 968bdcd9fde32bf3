package dev.cartflow.tck;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A test clock in UTC that stands still until a test moves it, so that expiry, time-to-live and
 * retention can be checked without waiting. Thread-safe: the instant is read and moved atomically
 * enough for tests (a volatile field, moved by one thread at a time).
 */
public class MutableClock extends Clock {
    private volatile Instant now;

    /**
     * A clock showing {@code start}.
     *
     * @param start the first instant
     */
    public MutableClock(Instant start) {
        this.now = java.util.Objects.requireNonNull(start, "start");
    }

    /**
     * Moves the clock forward (or back, with a negative duration).
     *
     * @param duration how far
     */
    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    /** @return UTC */
    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /**
     * The same clock: a test clock has one zone.
     *
     * @param zone ignored
     * @return this clock
     */
    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    /** @return the current instant of this clock */
    @Override
    public Instant instant() {
        return now;
    }
}
