package dev.cartflow.core.privacy;

import dev.cartflow.error.CartException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How long each kind of record is kept, for {@code CartMaintenance.applyRetention}. A kind the policy
 * does not name is left alone. Immutable; build one with {@link #builder()}:
 *
 * <pre>{@code
 * RetentionPolicy policy = RetentionPolicy.builder()
 *         .expiredCarts(Duration.ofDays(7))        // after the cart's expiry
 *         .deliveredEvents(Duration.ofDays(30))    // after the event, once delivered
 *         .idempotencyRecords(Duration.ZERO)       // after the record's expiry
 *         .auditEntries(Duration.ofDays(400))      // after the entry
 *         .build();
 * }</pre>
 */
public final class RetentionPolicy {
    /** Carts past their expiry (any state): the purge of {@code CartMaintenance.purgeExpired}. */
    public static final String CARTS = "cart";
    /** Delivered cart events. */
    public static final String EVENTS = "event";
    /** Stored responses of idempotent operations, after their expiry. */
    public static final String IDEMPOTENCY = "idempotency";
    /** Audit trail entries. */
    public static final String AUDIT = "audit";

    /** The longest retention accepted: a hundred years, so that "now minus it" is always an instant. */
    static final Duration LONGEST = Duration.ofDays(36_525);

    private final Map<String, Duration> durations;

    private RetentionPolicy(Map<String, Duration> durations) {
        this.durations = Collections.unmodifiableMap(new LinkedHashMap<>(durations));
    }

    /**
     * A builder naming no kind yet.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * How long a kind is kept.
     *
     * @param kind one of {@link #CARTS}, {@link #EVENTS}, {@link #IDEMPOTENCY}, {@link #AUDIT}
     * @return the retention, or empty when the policy leaves the kind alone
     */
    public Optional<Duration> retention(String kind) {
        return Optional.ofNullable(durations.get(kind));
    }

    /**
     * Every kind the policy names with its retention, in the order they were set.
     *
     * @return an unmodifiable map from kind to retention, never empty
     */
    public Map<String, Duration> durations() {
        return durations;
    }

    @Override
    public String toString() {
        return "RetentionPolicy" + durations;
    }

    /** Builds a {@link RetentionPolicy}; each setter validates once. Not thread-safe. */
    public static final class Builder {
        private final Map<String, Duration> durations = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * How long carts are kept after their expiry before they are deleted.
         *
         * @param retention 0 to 36,525 days (a hundred years); {@code INVALID_INPUT} when null, negative or longer.
         *                  Setting a kind again replaces its retention
         * @return this builder
         */
        public Builder expiredCarts(Duration retention) {
            return keep(CARTS, retention);
        }

        /**
         * How long a delivered event is kept after it happened.
         *
         * @param retention 0 to 36,525 days (a hundred years); {@code INVALID_INPUT} when null, negative or longer.
         *                  Setting a kind again replaces its retention
         * @return this builder
         */
        public Builder deliveredEvents(Duration retention) {
            return keep(EVENTS, retention);
        }

        /**
         * How long a stored response is kept after its expiry.
         *
         * @param retention 0 to 36,525 days (a hundred years); {@code INVALID_INPUT} when null, negative or longer.
         *                  Setting a kind again replaces its retention
         * @return this builder
         */
        public Builder idempotencyRecords(Duration retention) {
            return keep(IDEMPOTENCY, retention);
        }

        /**
         * How long an audit entry is kept after it was recorded.
         *
         * @param retention 0 to 36,525 days (a hundred years); {@code INVALID_INPUT} when null, negative or longer.
         *                  Setting a kind again replaces its retention
         * @return this builder
         */
        public Builder auditEntries(Duration retention) {
            return keep(AUDIT, retention);
        }

        private Builder keep(String kind, Duration retention) {
            if (retention == null || retention.isNegative() || retention.compareTo(LONGEST) > 0) {
                throw CartException.invalidInput("the retention of " + kind + " records must be between 0 and "
                        + LONGEST.toDays() + " days");
            }
            durations.put(kind, retention);
            return this;
        }

        /**
         * The policy.
         *
         * @return the policy
         * @throws CartException {@code INVALID_INPUT} when no kind was named
         */
        public RetentionPolicy build() {
            if (durations.isEmpty()) {
                throw CartException.invalidInput("a retention policy names at least one kind of record");
            }
            return new RetentionPolicy(durations);
        }
    }
}
