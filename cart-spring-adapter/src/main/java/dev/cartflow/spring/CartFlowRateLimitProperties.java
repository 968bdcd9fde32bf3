package dev.cartflow.spring;

import dev.cartflow.core.ratelimit.LimiterOutage;
import dev.cartflow.core.ratelimit.RateLimits;
import dev.cartflow.error.CartException;
import dev.cartflow.model.CartOperation;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Rate limits ({@code cartflow.rate-limits.*}), for example
 * {@code cartflow.rate-limits.per-actor.add-item.capacity=100} with {@code .period=1m}. Buckets are
 * in Redis when cart-redis is configured, else in this process.
 */
@ConfigurationProperties("cartflow.rate-limits")
public class CartFlowRateLimitProperties {
    /**
     * Limits per actor (a guest token, a customer, a participant, support staff or a service) and operation;
     * an operation without an entry, and every one when unset, is not limited per actor.
     */
    private Map<CartOperation, Limit> perActor = new EnumMap<>(CartOperation.class);
    /**
     * Limits per cart and operation; an operation without an entry, and every one when unset, is not limited
     * per cart.
     */
    private Map<CartOperation, Limit> perCart = new EnumMap<>(CartOperation.class);
    /** ALLOW: operations run unlimited while the limiter's store is down; DENY: they fail with PROVIDER_UNAVAILABLE. */
    private LimiterOutage onLimiterOutage = LimiterOutage.ALLOW;

    /** @return the per-actor limits */
    public Map<CartOperation, Limit> getPerActor() {
        return perActor;
    }

    /** @param perActor the per-actor limits */
    public void setPerActor(Map<CartOperation, Limit> perActor) {
        this.perActor = Checked.present("cartflow.rate-limits.per-actor", perActor);
    }

    /** @return the per-cart limits */
    public Map<CartOperation, Limit> getPerCart() {
        return perCart;
    }

    /** @param perCart the per-cart limits */
    public void setPerCart(Map<CartOperation, Limit> perCart) {
        this.perCart = Checked.present("cartflow.rate-limits.per-cart", perCart);
    }

    /** @return what an outage of the limiter does */
    public LimiterOutage getOnLimiterOutage() {
        return onLimiterOutage;
    }

    /** @param onLimiterOutage what an outage of the limiter does */
    public void setOnLimiterOutage(LimiterOutage onLimiterOutage) {
        this.onLimiterOutage = Checked.present("cartflow.rate-limits.on-limiter-outage", onLimiterOutage);
    }

    /** The engine's rate limits; an operation that cannot be limited so fails start-up naming the property. */
    RateLimits toRateLimits() {
        RateLimits.Builder builder = RateLimits.builder().onLimiterOutage(onLimiterOutage);
        perActor.forEach((operation, limit) -> apply("per-actor", operation,
                () -> builder.perActor(operation, limit.getCapacity(), limit.getPeriod())));
        perCart.forEach((operation, limit) -> apply("per-cart", operation,
                () -> builder.perCart(operation, limit.getCapacity(), limit.getPeriod())));
        return builder.build();
    }

    private static void apply(String scope, CartOperation operation, Runnable setting) {
        try {
            setting.run();
        } catch (CartException e) {
            throw new IllegalStateException("cartflow.rate-limits." + scope + "."
                    + operation.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ": " + e.getMessage(), e);
        }
    }

    /** One limit: {@code capacity} operations per {@code period}. */
    public static class Limit {
        /** Operations allowed per period. */
        private long capacity = 100;
        /** The period the capacity refills over. */
        private Duration period = Duration.ofMinutes(1);

        /** @return the capacity */
        public long getCapacity() {
            return capacity;
        }

        /** @param capacity the capacity, at least 1 */
        public void setCapacity(long capacity) {
            this.capacity = Checked.atLeast("cartflow.rate-limits.*.capacity", capacity, 1);
        }

        /** @return the period */
        public Duration getPeriod() {
            return period;
        }

        /** @param period the period, positive */
        public void setPeriod(Duration period) {
            this.period = Checked.positive("cartflow.rate-limits.*.period", period);
        }
    }
}
