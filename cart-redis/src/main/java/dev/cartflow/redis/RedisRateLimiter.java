package dev.cartflow.redis;

import dev.cartflow.error.CartException;
import dev.cartflow.spi.RateLimit;
import dev.cartflow.spi.RateLimiter;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisException;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeoutException;

/**
 * Rate-limit buckets shared by every instance of a shop through Redis, with bucket4j's Lettuce
 * integration (compare-and-swap on one key per bucket, so it works on a Redis Cluster too). Give
 * every instance a limiter on the same Redis with the same key prefix, and the engines the same
 * pseudonym key, and one actor's or one cart's calls are counted together wherever they land.
 *
 * <p>Each bucket is one Redis key, {@code <prefix>:rl:<bucket>|<limit>}, that expires once the
 * bucket would be full again (a full bucket and no key are the same), so idle buckets cost nothing.
 * Time is the instances' clock (bucket4j's client-side clock), so keep their clocks in sync.
 *
 * <p>Failures: Redis unreachable or slower than the client's command timeout is
 * {@code PROVIDER_UNAVAILABLE} (the engine then fails open or closed as {@code RateLimits} says);
 * anything else bucket4j or Lettuce throws is {@code INTERNAL}, cause kept; nothing else escapes.
 * Thread-safe; {@link #close()} it on shutdown (the shared {@link CartRedisClient} stays open).
 */
public final class RedisRateLimiter implements RateLimiter, AutoCloseable {
    /** How long a key outlives the moment its bucket is full again, to absorb clock differences. */
    private static final Duration EXPIRY_MARGIN = Duration.ofSeconds(10);

    private final String prefix;
    private final StatefulConnection<String, byte[]> connection;
    private final ProxyManager<String> buckets;

    private RedisRateLimiter(String prefix, StatefulConnection<String, byte[]> connection, ProxyManager<String> buckets) {
        this.prefix = prefix;
        this.connection = connection;
        this.buckets = buckets;
    }

    /**
     * A limiter on the system clock.
     *
     * @param client    the Redis connection of the application
     * @param keyPrefix prefix of every key (for example the shop's name), 1 to 64 characters
     * @return the limiter, with its own connection
     * @throws CartException {@code INVALID_INPUT} on a bad argument, {@code PROVIDER_UNAVAILABLE}
     *                       when Redis cannot be reached
     */
    public static RedisRateLimiter create(CartRedisClient client, String keyPrefix) {
        return create(client, keyPrefix, Clock.systemUTC());
    }

    /**
     * A limiter whose buckets refill by {@code clock} (the engine's clock; tests move it).
     *
     * @param client    the Redis connection of the application
     * @param keyPrefix prefix of every key, 1 to 64 characters
     * @param clock     the time buckets refill by
     * @return the limiter, with its own connection
     * @throws CartException {@code INVALID_INPUT} on a bad argument, {@code PROVIDER_UNAVAILABLE}
     *                       when Redis cannot be reached
     */
    public static RedisRateLimiter create(CartRedisClient client, String keyPrefix, Clock clock) {
        CartException.requireNonNull(client, "client");
        dev.cartflow.model.Checks.text(keyPrefix, "key prefix", 64);
        CartException.requireNonNull(clock, "clock");
        StatefulConnection<String, byte[]> connection = client.connectBinary();
        try {
            Bucket4jLettuce.LettuceBasedProxyManagerBuilder<String> builder =
                    connection instanceof StatefulRedisClusterConnection<String, byte[]> cluster
                            ? Bucket4jLettuce.casBasedBuilder(cluster)
                            : Bucket4jLettuce.casBasedBuilder((StatefulRedisConnection<String, byte[]>) connection);
            ProxyManager<String> buckets = builder
                    .clientClock(new ClockTime(clock))
                    .requestTimeout(client.commandTimeout())
                    .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(EXPIRY_MARGIN))
                    .build();
            return new RedisRateLimiter(keyPrefix, connection, buckets);
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw translate("create rate limiter", e);
        }
    }

    @Override
    public Answer tryTake(String bucket, RateLimit limit, long tokens) {
        RateLimiter.checkArguments(bucket, limit, tokens);
        String key = prefix + ":rl:" + bucket + "|" + limit.tag();
        try {
            ConsumptionProbe probe = buckets.builder()
                    .build(key, () -> configuration(limit))
                    .tryConsumeAndReturnRemaining(tokens);
            return probe.isConsumed() ? Answer.taken() : Answer.refused(Duration.ofNanos(probe.getNanosToWaitForRefill()));
        } catch (RuntimeException e) {
            throw translate("take tokens", e);
        }
    }

    /** Closes this limiter's connection; best effort. */
    @Override
    public void close() {
        closeQuietly(connection);
    }

    private static BucketConfiguration configuration(RateLimit limit) {
        return BucketConfiguration.builder()
                .addLimit(shape -> shape.capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()))
                .build();
    }

    /**
     * Redis' failures wherever bucket4j wraps them, and bucket4j's own request timeout, are
     * {@code PROVIDER_UNAVAILABLE}; the rest is a bug. Messages are not copied: they may quote keys.
     */
    private static CartException translate(String operation, RuntimeException failure) {
        if (failure instanceof CartException cart) {
            return cart;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RedisException redis && cause instanceof RuntimeException runtime) {
                return RedisFailures.translate(operation, runtime);
            }
            if (cause instanceof TimeoutException || cause instanceof io.github.bucket4j.TimeoutException) {
                return CartException.providerUnavailable("redis: " + operation + " timed out", failure);
            }
        }
        return CartException.internal("rate limiter: " + operation + " failed", failure);
    }

    private static void closeQuietly(StatefulConnection<String, byte[]> connection) {
        try {
            connection.close();
        } catch (RuntimeException ignored) {
            // shutting down anyway
        }
    }

    /** bucket4j's time from a {@link Clock}. */
    private record ClockTime(Clock clock) implements TimeMeter {
        @Override
        public long currentTimeNanos() {
            Instant now = clock.instant();
            return Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000_000L), now.getNano());
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
