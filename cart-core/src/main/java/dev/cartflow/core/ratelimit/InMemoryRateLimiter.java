package dev.cartflow.core.ratelimit;

import dev.cartflow.error.CartException;
import dev.cartflow.spi.RateLimit;
import dev.cartflow.spi.RateLimiter;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The buckets of one engine instance, in memory, with bucket4j (an optional dependency: a host
 * that uses this class adds {@code com.bucket4j:bucket4j_jdk17-core}). Several instances of a shop
 * each count on their own; share the buckets through cart-redis instead.
 *
 * <p>At most {@code maxBuckets} buckets are kept, so that a flood of new names (new carts, new
 * client keys) cannot exhaust memory: past that, the least recently used bucket is forgotten and
 * starts full again when it is next used. A bucket idle for its whole period is full anyway, so
 * nothing is lost unless more than {@code maxBuckets} names are active within one period.
 * Thread-safe.
 */
public final class InMemoryRateLimiter implements RateLimiter {
    /** The default bound on the number of buckets. */
    public static final int DEFAULT_MAX_BUCKETS = 50_000;

    private final TimeMeter time;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, Bucket> buckets;

    /** A limiter on the UTC system clock, with {@value #DEFAULT_MAX_BUCKETS} buckets at most. */
    public InMemoryRateLimiter() {
        this(Clock.systemUTC(), DEFAULT_MAX_BUCKETS);
    }

    /**
     * A limiter whose buckets refill by {@code clock}.
     *
     * @param clock      the time buckets refill by (the engine's clock, so tests can move it)
     * @param maxBuckets the most buckets kept, at least 1
     */
    public InMemoryRateLimiter(Clock clock, int maxBuckets) {
        CartException.requireNonNull(clock, "clock");
        if (maxBuckets < 1) {
            throw CartException.invalidInput("max buckets must be at least 1");
        }
        this.time = new ClockTime(clock);
        this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > maxBuckets;
            }
        };
    }

    @Override
    public Answer tryTake(String bucket, RateLimit limit, long tokens) {
        RateLimiter.checkArguments(bucket, limit, tokens);
        try {
            ConsumptionProbe probe = bucketOf(bucket + "|" + limit.tag(), limit).tryConsumeAndReturnRemaining(tokens);
            return probe.isConsumed() ? Answer.taken() : Answer.refused(Duration.ofNanos(probe.getNanosToWaitForRefill()));
        } catch (CartException e) {
            throw e;
        } catch (RuntimeException e) {
            throw CartException.internal("in-memory rate limiter failed", e);
        }
    }

    /** How many buckets are kept now. */
    int size() {
        lock.lock();
        try {
            return buckets.size();
        } finally {
            lock.unlock();
        }
    }

    private Bucket bucketOf(String key, RateLimit limit) {
        lock.lock();
        try {
            return buckets.computeIfAbsent(key, k -> Bucket.builder()
                    .addLimit(shape -> shape.capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()))
                    .withCustomTimePrecision(time)
                    .build());
        } finally {
            lock.unlock();
        }
    }

    /** bucket4j's time from a {@link Clock}, so that buckets refill by the engine's clock. */
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
