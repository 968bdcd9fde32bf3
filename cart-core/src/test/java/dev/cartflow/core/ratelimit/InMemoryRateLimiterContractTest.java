package dev.cartflow.core.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.spi.RateLimit;
import dev.cartflow.spi.RateLimiter;
import dev.cartflow.tck.MutableClock;
import dev.cartflow.tck.RateLimiterContract;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InMemoryRateLimiterContractTest extends RateLimiterContract {

    @Override
    protected RateLimiter newLimiter(MutableClock clock) {
        return new InMemoryRateLimiter(clock, 1_000);
    }

    @Test
    void tryTake_floodOfNames_keepsAtMostTheBound() {
        InMemoryRateLimiter limiter = new InMemoryRateLimiter(new MutableClock(Instant.EPOCH), 100);
        RateLimit limit = RateLimit.of(1, Duration.ofMinutes(1));

        for (int i = 0; i < 5_000; i++) {
            limiter.tryTake("flood:" + i, limit, 1);
        }

        assertThat(limiter.size()).isEqualTo(100);
    }

    @Test
    void tryTake_recentlyUsedBucketUnderFlood_keepsItsCount() {
        InMemoryRateLimiter limiter = new InMemoryRateLimiter(new MutableClock(Instant.EPOCH), 100);
        RateLimit limit = RateLimit.of(1, Duration.ofMinutes(1));
        limiter.tryTake("hot", limit, 1);

        for (int i = 0; i < 1_000; i++) {
            limiter.tryTake("flood:" + i, limit, 1);
            assertThat(limiter.tryTake("hot", limit, 1).allowed()).as("after %d new names", i).isFalse();
        }
    }

    @Test
    void constructor_badArguments_invalidInput() {
        assertThatThrownBy(() -> new InMemoryRateLimiter(null, 10))
                .isInstanceOfSatisfying(CartException.class, e -> assertThat(e.code()).isEqualTo(CartErrorCode.INVALID_INPUT));
        assertThatThrownBy(() -> new InMemoryRateLimiter(Clock.systemUTC(), 0))
                .isInstanceOfSatisfying(CartException.class, e -> assertThat(e.code()).isEqualTo(CartErrorCode.INVALID_INPUT));
    }

    @Test
    void tryTake_clockThatThrows_internalWithCause() {
        Clock broken = new MutableClock(Instant.EPOCH) {
            @Override
            public Instant instant() {
                throw new IllegalStateException("clock broke");
            }
        };
        RateLimiter limiter = new InMemoryRateLimiter(broken, 10);

        assertThatThrownBy(() -> limiter.tryTake("b", RateLimit.of(1, Duration.ofSeconds(1)), 1))
                .isInstanceOfSatisfying(CartException.class, e -> assertThat(e.code()).isEqualTo(CartErrorCode.INTERNAL))
                .hasRootCauseMessage("clock broke");
    }
}
