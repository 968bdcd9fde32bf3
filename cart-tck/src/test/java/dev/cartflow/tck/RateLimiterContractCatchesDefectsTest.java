package dev.cartflow.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.cartflow.spi.RateLimit;
import dev.cartflow.spi.RateLimiter;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** {@link RateLimiterContract} passes a correct limiter and fails limiters with known defects. */
class RateLimiterContractCatchesDefectsTest {

    private static Set<String> failingTests(Class<?> subject) {
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(subject)).build(), listener);
        TestExecutionSummary summary = listener.getSummary();
        assertTrue(summary.getTestsFoundCount() > 0, "no tests found in " + subject.getName());
        return summary.getFailures().stream()
                .map(f -> f.getTestIdentifier().getSource().filter(MethodSource.class::isInstance)
                        .map(s -> ((MethodSource) s).getMethodName()).orElse(f.getTestIdentifier().getDisplayName()))
                .collect(Collectors.toSet());
    }

    @Test
    void contract_correctLimiter_passes() {
        assertEquals(Set.of(), failingTests(Correct.class));
    }

    @Test
    void contract_refusalsSpendTokens_failsTheRefusalTest() {
        Set<String> failing = failingTests(SpendingRefusals.class);

        assertTrue(failing.contains("tryTake_refusedTakes_takeNothing"), "failing: " + failing);
    }

    @Test
    void contract_bucketKeyedByNameOnly_failsTheReshapedTest() {
        Set<String> failing = failingTests(NameOnlyKeys.class);

        assertTrue(failing.contains("tryTake_sameNameOtherLimit_isAnotherBucket"), "failing: " + failing);
    }

    @Test
    void contract_unsynchronizedBuckets_failsTheRaceTest() {
        Set<String> failing = failingTests(Racy.class);

        assertTrue(failing.contains("tryTake_concurrentTakes_neverMoreThanTheCapacity"), "failing: " + failing);
    }

    static final class Correct extends RateLimiterContract {
        @Override
        protected RateLimiter newLimiter(MutableClock clock) {
            return new Gcra(clock, false, false, false);
        }
    }

    static final class SpendingRefusals extends RateLimiterContract {
        @Override
        protected RateLimiter newLimiter(MutableClock clock) {
            return new Gcra(clock, true, false, false);
        }
    }

    static final class NameOnlyKeys extends RateLimiterContract {
        @Override
        protected RateLimiter newLimiter(MutableClock clock) {
            return new Gcra(clock, false, true, false);
        }
    }

    static final class Racy extends RateLimiterContract {
        @Override
        protected RateLimiter newLimiter(MutableClock clock) {
            return new Gcra(clock, false, false, true);
        }
    }

    /**
     * A token bucket as a generic cell rate algorithm in exact arithmetic: the "theoretical arrival
     * time" of each bucket, scaled by the capacity so that one token costs exactly the period.
     */
    private static final class Gcra implements RateLimiter {
        private final Clock clock;
        private final boolean spendOnRefusal;
        private final boolean nameOnly;
        private final boolean racy;
        private final Map<String, BigInteger> arrivals = new ConcurrentHashMap<>();

        Gcra(Clock clock, boolean spendOnRefusal, boolean nameOnly, boolean racy) {
            this.clock = clock;
            this.spendOnRefusal = spendOnRefusal;
            this.nameOnly = nameOnly;
            this.racy = racy;
        }

        @Override
        public Answer tryTake(String bucket, RateLimit limit, long tokens) {
            RateLimiter.checkArguments(bucket, limit, tokens);
            if (racy) {
                return take(bucket, limit, tokens);
            }
            synchronized (this) {
                return take(bucket, limit, tokens);
            }
        }

        /** Widens the window between the read and the write, so that racing takes overlap. */
        private static void pause() {
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private Answer take(String bucket, RateLimit limit, long tokens) {
            String key = nameOnly ? bucket : bucket + "|" + limit.tag();
            Instant instant = clock.instant();
            BigInteger capacity = BigInteger.valueOf(limit.capacity());
            BigInteger period = BigInteger.valueOf(limit.period().toNanos());
            BigInteger now = BigInteger.valueOf(instant.getEpochSecond()).multiply(BigInteger.valueOf(1_000_000_000L))
                    .add(BigInteger.valueOf(instant.getNano())).multiply(capacity);
            BigInteger arrival = arrivals.getOrDefault(key, now).max(now);
            if (racy) {
                pause();
            }
            BigInteger next = arrival.add(period.multiply(BigInteger.valueOf(tokens)));
            BigInteger excess = next.subtract(now).subtract(capacity.multiply(period));
            if (excess.signum() <= 0 || spendOnRefusal) {
                arrivals.put(key, next);
            }
            if (excess.signum() <= 0) {
                return Answer.taken();
            }
            BigInteger[] wait = excess.divideAndRemainder(capacity);
            long nanos = wait[0].longValueExact() + (wait[1].signum() > 0 ? 1 : 0);
            return Answer.refused(Duration.ofNanos(nanos));
        }
    }
}
