package dev.cartflow.redis;

import dev.cartflow.spi.RateLimiter;
import dev.cartflow.tck.MutableClock;
import dev.cartflow.tck.RateLimiterContract;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;

/** The shared limiter on a real standalone Redis; the second instance has its own connection. */
class RedisRateLimiterContractTest extends RateLimiterContract {
    private final String prefix = TestRedis.freshPrefix();
    private final List<RedisRateLimiter> opened = new ArrayList<>();

    CartRedisClient client() {
        return TestRedis.client();
    }

    @Override
    protected RateLimiter newLimiter(MutableClock clock) {
        RedisRateLimiter limiter = RedisRateLimiter.create(client(), prefix, clock);
        opened.add(limiter);
        return limiter;
    }

    @Override
    protected Optional<RateLimiter> secondInstance(RateLimiter first, MutableClock clock) {
        return Optional.of(newLimiter(clock));
    }

    @AfterEach
    void close() {
        opened.forEach(RedisRateLimiter::close);
    }
}
