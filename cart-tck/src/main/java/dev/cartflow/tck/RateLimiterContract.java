package dev.cartflow.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.spi.RateLimit;
import dev.cartflow.spi.RateLimiter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The contract every {@link RateLimiter} must pass. Extend it beside the implementation: return a
 * limiter whose buckets run on the given clock from {@link #newLimiter}, and, for a limiter shared
 * by several instances, a second instance over the same buckets from {@link #secondInstance}. The
 * tests use bucket names of their own, so one store shared between tests is fine.
 *
 * <p>What an implementation must do is said on {@link RateLimiter}: buckets start full, refill
 * continuously at the limit's rate without ever holding more than its capacity, a refused take
 * takes nothing and reports the real wait, the same name under another limit is another bucket,
 * bad arguments are {@code INVALID_INPUT}, and concurrent takes from one bucket never hand out more
 * tokens than it has.
 */
public abstract class RateLimiterContract {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    /** Subclasses are the implementation-specific tests. */
    protected RateLimiterContract() {
    }

    /**
     * The limiter under test, reading time from {@code clock}.
     *
     * @param clock the time its buckets refill by
     * @return a limiter
     */
    protected abstract RateLimiter newLimiter(MutableClock clock);

    /**
     * Another instance over the same buckets as {@code first} (another process's view of a shared
     * store), or empty for a limiter of one instance.
     *
     * @param first the first instance, from {@link #newLimiter}
     * @param clock the clock both read
     * @return the second instance, if buckets can be shared
     */
    protected Optional<RateLimiter> secondInstance(RateLimiter first, MutableClock clock) {
        return Optional.empty();
    }

    /**
     * How far a reported wait may differ from the exact one (a store with coarser time).
     *
     * @return the tolerance; one millisecond unless a store overrides it
     */
    protected Duration waitTolerance() {
        return Duration.ofMillis(1);
    }

    private static String bucket(String name) {
        return "contract:" + name + ":" + UUID.randomUUID();
    }

    private static int allowedOf(RateLimiter limiter, String bucket, RateLimit limit, int tries) {
        int allowed = 0;
        for (int i = 0; i < tries; i++) {
            allowed += limiter.tryTake(bucket, limit, 1).allowed() ? 1 : 0;
        }
        return allowed;
    }

    private void assertWait(Duration expected, RateLimiter.Answer answer) {
        assertFalse(answer.allowed(), "refused");
        Duration off = answer.retryAfter().minus(expected).abs();
        assertTrue(off.compareTo(waitTolerance()) <= 0,
                "wait " + answer.retryAfter() + " should be " + expected + " within " + waitTolerance());
    }

    private static void assertInvalid(Executable call) {
        CartException e = assertThrows(CartException.class, call);
        assertEquals(CartErrorCode.INVALID_INPUT, e.code());
    }

    @Test
    void tryTake_freshBucket_allowsItsCapacityThenRefuses() {
        MutableClock clock = new MutableClock(START);
        RateLimiter limiter = newLimiter(clock);
        String bucket = bucket("capacity");
        RateLimit limit = RateLimit.of(5, Duration.ofMinutes(1));

        assertEquals(5, allowedOf(limiter, bucket, limit, 5));
        RateLimiter.Answer refused = limiter.tryTake(bucket, limit, 1);

        assertFalse(refused.allowed());
        assertTrue(refused.retryAfter().compareTo(Duration.ZERO) > 0);
    }

    @Test
    void tryTake_allowed_answersZeroWait() {
        RateLimiter limiter = newLimiter(new MutableClock(START));

        RateLimiter.Answer answer = limiter.tryTake(bucket("zero"), RateLimit.of(1, Duration.ofSeconds(1)), 1);

        assertTrue(answer.allowed());
        assertEquals(Duration.ZERO, answer.retryAfter());
    }

    @Test
    void tryTake_emptyBucket_reportsTheTimeToTheNextToken() {
        MutableClock clock = new MutableClock(START);
        RateLimiter limiter = newLimiter(clock);
        String bucket = bucket("wait");
        RateLimit limit = RateLimit.of(4, Duration.ofSeconds(20));
        allowedOf(limiter, bucket, limit, 4);

        assertWait(Duration.ofSeconds(5), limiter.tryTake(bucket, limit, 1));
        assertWait(Duration.ofSeconds(10), limiter.tryTake(bucket, limit, 2));
    }

    @Test
    void tryTake_afterTheReportedWait_allowsOneMore() {
        MutableClock clock = new MutableClock(START);
        RateLimiter limiter = newLimiter(clock);
        String bucket = bucket("refill");
        RateLimit limit = RateLimit.of(3, Duration.ofSeconds(30));
        allowedOf(limiter, bucket, limit, 3);
        Duration wait = limiter.tryTake(bucket, limit, 1).retryAfter();

        clock.advance(wait);

        assertTrue(limiter.tryTake(bucket, limit, 1).allowed());
        assertFalse(limiter.tryTake(bucket, limit, 1).allowed());
    }

    @Test
    void tryTake_refusedTakes_takeNothing() {
        MutableClock clock = new MutableClock(START);
        RateLimiter limiter = newLimiter(clock);
        String bucket = bucket("refusals");
        RateLimit limit = RateLimit.of(2, Duration.ofSeconds(10));
        allowedOf(limiter, bucket, limit, 2);
        for (int i = 0; i < 20; i++) {
            limiter.tryTake(bucket, limit, 1);
        }

        clock.advance(Duration.ofSeconds(5));

        assertTrue(limiter.tryTake(bucket, limit, 1).allowed(), "refusals must not have spent the refill");
    }

    @Test
    void tryTake_longIdle_refillsToCapacityOnly() {
        MutableClock clock = new MutableClock(START);
        RateLimiter limiter = newLimiter(clock);
        String bucket = bucket("cap");
        RateLimit limit = RateLimit.of(3, Duration.ofSeconds(3));
        allowedOf(limiter, bucket, limit, 3);

        clock.advance(Duration.ofHours(2));

        assertEquals(3, allowedOf(limiter, bucket, limit, 10));
    }

    @Test
    void tryTake_severalTokens_takenAllOrNothing() {
        MutableClock clock = new MutableClock(START);
        RateLimiter limiter = newLimiter(clock);
        String bucket = bucket("several");
        RateLimit limit = RateLimit.of(5, Duration.ofMinutes(5));

        assertTrue(limiter.tryTake(bucket, limit, 3).allowed());
        assertFalse(limiter.tryTake(bucket, limit, 3).allowed());
        assertTrue(limiter.tryTake(bucket, limit, 2).allowed());
        assertFalse(limiter.tryTake(bucket, limit, 1).allowed());
    }

    @Test
    void tryTake_otherBucketName_hasItsOwnTokens() {
        RateLimiter limiter = newLimiter(new MutableClock(START));
        RateLimit limit = RateLimit.of(1, Duration.ofMinutes(1));
        String first = bucket("first");
        limiter.tryTake(first, limit, 1);

        assertFalse(limiter.tryTake(first, limit, 1).allowed());
        assertTrue(limiter.tryTake(bucket("second"), limit, 1).allowed());
    }

    @Test
    void tryTake_sameNameOtherLimit_isAnotherBucket() {
        RateLimiter limiter = newLimiter(new MutableClock(START));
        String bucket = bucket("reshaped");
        limiter.tryTake(bucket, RateLimit.of(1, Duration.ofMinutes(1)), 1);

        assertTrue(limiter.tryTake(bucket, RateLimit.of(2, Duration.ofMinutes(1)), 1).allowed());
        assertTrue(limiter.tryTake(bucket, RateLimit.of(1, Duration.ofMinutes(2)), 1).allowed());
        assertFalse(limiter.tryTake(bucket, RateLimit.of(1, Duration.ofMinutes(1)), 1).allowed());
    }

    @Test
    void tryTake_largestLimit_countsExactly() {
        MutableClock clock = new MutableClock(START);
        RateLimiter limiter = newLimiter(clock);
        String bucket = bucket("largest");
        RateLimit limit = RateLimit.of(RateLimit.MAX_CAPACITY, RateLimit.MAX_PERIOD);

        assertTrue(limiter.tryTake(bucket, limit, RateLimit.MAX_CAPACITY).allowed());
        assertFalse(limiter.tryTake(bucket, limit, 1).allowed());
        clock.advance(RateLimit.MAX_PERIOD);
        assertTrue(limiter.tryTake(bucket, limit, RateLimit.MAX_CAPACITY).allowed());
    }

    @Test
    void tryTake_badArguments_invalidInput() {
        RateLimiter limiter = newLimiter(new MutableClock(START));
        RateLimit limit = RateLimit.of(2, Duration.ofSeconds(1));

        assertInvalid(() -> limiter.tryTake(null, limit, 1));
        assertInvalid(() -> limiter.tryTake(" ", limit, 1));
        assertInvalid(() -> limiter.tryTake("a\nb", limit, 1));
        assertInvalid(() -> limiter.tryTake("x".repeat(RateLimiter.MAX_BUCKET_LENGTH + 1), limit, 1));
        assertInvalid(() -> limiter.tryTake(bucket("args"), null, 1));
        assertInvalid(() -> limiter.tryTake(bucket("args"), limit, 0));
        assertInvalid(() -> limiter.tryTake(bucket("args"), limit, -1));
        assertInvalid(() -> limiter.tryTake(bucket("args"), limit, 3));
    }

    @Test
    void tryTake_longestBucketName_accepted() {
        RateLimiter limiter = newLimiter(new MutableClock(START));
        String name = ("contract:" + UUID.randomUUID() + ":").repeat(10).substring(0, RateLimiter.MAX_BUCKET_LENGTH);

        assertTrue(limiter.tryTake(name, RateLimit.of(1, Duration.ofSeconds(1)), 1).allowed());
    }

    @Test
    void tryTake_concurrentTakes_neverMoreThanTheCapacity() throws Exception {
        RateLimiter limiter = newLimiter(new MutableClock(START));
        String bucket = bucket("race");
        RateLimit limit = RateLimit.of(20, Duration.ofHours(1));

        List<Boolean> answers = Concurrently.run(8, 60, i -> () -> limiter.tryTake(bucket, limit, 1).allowed());

        assertEquals(20, answers.stream().filter(a -> a).count());
    }

    @Test
    void tryTake_twoInstancesOneBucket_shareTheTokens() throws Exception {
        MutableClock clock = new MutableClock(START);
        RateLimiter first = newLimiter(clock);
        Optional<RateLimiter> second = secondInstance(first, clock);
        Assumptions.assumeTrue(second.isPresent(), "a limiter of one instance");
        String bucket = bucket("shared");
        RateLimit limit = RateLimit.of(10, Duration.ofMinutes(10));

        List<Boolean> answers = Concurrently.run(4, 30,
                i -> () -> (i % 2 == 0 ? first : second.get()).tryTake(bucket, limit, 1).allowed());

        assertEquals(10, answers.stream().filter(a -> a).count());
        assertFalse(first.tryTake(bucket, limit, 1).allowed());
        assertFalse(second.get().tryTake(bucket, limit, 1).allowed());
        clock.advance(Duration.ofMinutes(1));
        assertTrue(second.get().tryTake(bucket, limit, 1).allowed());
        assertFalse(first.tryTake(bucket, limit, 1).allowed());
    }
}
