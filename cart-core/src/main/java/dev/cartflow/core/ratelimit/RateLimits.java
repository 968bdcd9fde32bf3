package dev.cartflow.core.ratelimit;

import dev.cartflow.error.CartException;
import dev.cartflow.model.CartOperation;
import dev.cartflow.spi.RateLimit;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rate limits of an engine, per operation: how many calls one actor may make per period, and
 * how many calls may act on one cart per period. A call over a limit fails with
 * {@code RATE_LIMITED} and the wait until it may succeed, and changes nothing. None by default.
 *
 * <p>Who counts as the actor: a guest by the identity the host vouches for
 * ({@code Actor.guest(token, identity)}), or else by its cart token (so that guest's limit is per
 * cart), a customer by id, support staff by staff id, a service by name, each as a keyed pseudonym
 * (never in clear). A guest cart's creation has no actor yet, so it counts by the client key the
 * host names in {@code NewCart.withClientKey} (an IP address, a device id), and is not limited per
 * actor without one. For example:
 *
 * <pre>{@code
 * RateLimits limits = RateLimits.builder()
 *         .perActor(CartOperation.CREATE_GUEST_CART, 10, Duration.ofMinutes(1))
 *         .perCart(CartOperation.ADD_ITEM, 5, Duration.ofSeconds(1))
 *         .perCart(CartOperation.APPLY_CODE, 10, Duration.ofHours(1))
 *         .perActor(CartOperation.GET, 600, Duration.ofMinutes(1))
 *         .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class RateLimits {
    /** No limits (the default). */
    public static final RateLimits NONE = builder().build();

    /** Operations that act on one cart, which a per-cart limit can count. */
    private static final Set<CartOperation> ON_A_CART = Collections.unmodifiableSet(EnumSet.of(
            CartOperation.GET, CartOperation.CHANGES_SINCE, CartOperation.PRICE, CartOperation.ADD_ITEM,
            CartOperation.SET_QUANTITY, CartOperation.REMOVE_LINES, CartOperation.BULK, CartOperation.CLEAR,
            CartOperation.APPLY_CODE, CartOperation.REMOVE_CODE, CartOperation.SELECT_SHIPPING,
            CartOperation.CHANGE_COUNTRY, CartOperation.SET_METADATA, CartOperation.MERGE,
            CartOperation.PREVIEW_MERGE, CartOperation.CHECKOUT,
            // addresses and the customer
            CartOperation.CHANGE_ADDRESS));
    /** Operations the engine's entry points limit per actor. */
    private static final Set<CartOperation> BY_AN_ACTOR;

    static {
        EnumSet<CartOperation> byActor = EnumSet.copyOf(ON_A_CART);
        byActor.add(CartOperation.CREATE_GUEST_CART);
        byActor.add(CartOperation.CREATE_CUSTOMER_CART);
        byActor.add(CartOperation.ACTIVE_CART);
        BY_AN_ACTOR = Collections.unmodifiableSet(byActor);
    }

    private final Map<CartOperation, RateLimit> perActor;
    private final Map<CartOperation, RateLimit> perCart;
    private final LimiterOutage outage;

    private RateLimits(Builder builder) {
        this.perActor = Collections.unmodifiableMap(new EnumMap<>(builder.perActor));
        this.perCart = Collections.unmodifiableMap(new EnumMap<>(builder.perCart));
        this.outage = builder.outage;
    }

    /**
     * A builder with no limits, failing open.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The limit per actor of an operation.
     *
     * @param operation the operation
     * @return its limit, if it has one
     */
    public Optional<RateLimit> perActor(CartOperation operation) {
        return Optional.ofNullable(perActor.get(operation));
    }

    /**
     * The limit per cart of an operation.
     *
     * @param operation the operation
     * @return its limit, if it has one
     */
    public Optional<RateLimit> perCart(CartOperation operation) {
        return Optional.ofNullable(perCart.get(operation));
    }

    /**
     * What limited operations do while the limiter cannot answer.
     *
     * @return fail open or closed
     */
    public LimiterOutage onLimiterOutage() {
        return outage;
    }

    /**
     * Whether no operation is limited.
     *
     * @return true for no limits
     */
    public boolean isEmpty() {
        return perActor.isEmpty() && perCart.isEmpty();
    }

    @Override
    public String toString() {
        return "RateLimits[perActor=" + perActor + ", perCart=" + perCart + ", onLimiterOutage=" + outage + "]";
    }

    /**
     * Builds {@link RateLimits}; each setter validates its arguments ({@code INVALID_INPUT}), and a
     * later setting for the same operation and scope replaces the earlier one.
     */
    public static final class Builder {
        private final Map<CartOperation, RateLimit> perActor = new EnumMap<>(CartOperation.class);
        private final Map<CartOperation, RateLimit> perCart = new EnumMap<>(CartOperation.class);
        private LimiterOutage outage = LimiterOutage.ALLOW;

        private Builder() {
        }

        /**
         * Limits how often one actor may run an operation: {@code capacity} calls in a burst, refilled
         * continuously over {@code period} (see {@link RateLimit}).
         *
         * @param operation any operation but the maintenance jobs and the customer-data operations
         * @param capacity  the most calls in a burst
         * @param period    how long a full refill takes
         * @return this builder
         */
        public Builder perActor(CartOperation operation, long capacity, Duration period) {
            return perActor(operation, RateLimit.of(capacity, period));
        }

        /**
         * Limits how often one actor may run an operation.
         *
         * @param operation any operation but the maintenance jobs and the customer-data operations
         * @param limit     the limit
         * @return this builder
         */
        public Builder perActor(CartOperation operation, RateLimit limit) {
            perActor.put(checked(operation, BY_AN_ACTOR, "per actor"), CartException.requireNonNull(limit, "limit"));
            return this;
        }

        /**
         * Limits how often an operation may act on one cart, whoever calls: {@code capacity} calls in
         * a burst, refilled continuously over {@code period}.
         *
         * @param operation an operation on one cart (not the creations, {@code ACTIVE_CART}, the
         *                  maintenance jobs or the customer-data operations); a merge counts on the
         *                  guest cart
         * @param capacity  the most calls in a burst
         * @param period    how long a full refill takes
         * @return this builder
         */
        public Builder perCart(CartOperation operation, long capacity, Duration period) {
            return perCart(operation, RateLimit.of(capacity, period));
        }

        /**
         * Limits how often an operation may act on one cart.
         *
         * @param operation an operation on one cart
         * @param limit     the limit
         * @return this builder
         */
        public Builder perCart(CartOperation operation, RateLimit limit) {
            perCart.put(checked(operation, ON_A_CART, "per cart"), CartException.requireNonNull(limit, "limit"));
            return this;
        }

        /**
         * What limited operations do while the limiter cannot answer; {@link LimiterOutage#ALLOW} by
         * default.
         *
         * @param outage fail open or closed
         * @return this builder
         */
        public Builder onLimiterOutage(LimiterOutage outage) {
            this.outage = CartException.requireNonNull(outage, "limiter outage");
            return this;
        }

        /**
         * The limits; the builder may go on being used.
         *
         * @return the limits
         */
        public RateLimits build() {
            return new RateLimits(this);
        }

        private static CartOperation checked(CartOperation operation, Set<CartOperation> allowed, String scope) {
            CartException.requireNonNull(operation, "operation");
            if (!allowed.contains(operation)) {
                throw CartException.invalidInput(operation + " cannot be limited " + scope);
            }
            return operation;
        }
    }
}
