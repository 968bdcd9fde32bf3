/**
 * Rate limits of the engine's operations: {@link dev.cartflow.core.ratelimit.RateLimits} says, per
 * operation, how many calls an actor and a cart may make per period;
 * {@link dev.cartflow.core.ratelimit.InMemoryRateLimiter} keeps the buckets of one instance (bucket4j,
 * an optional dependency a host adds when it uses it). cart-redis shares the buckets between
 * instances.
 */
@NullMarked
package dev.cartflow.core.ratelimit;

import org.jspecify.annotations.NullMarked;
