package dev.cartflow.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.spi.RateLimit;
import dev.cartflow.spi.RateLimiter;
import dev.cartflow.tck.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The shared limiter on a real three-master Redis Cluster. */
class ClusterRedisRateLimiterContractTest extends RedisRateLimiterContractTest {
    @Override
    CartRedisClient client() {
        return TestRedis.clusterClient();
    }

    @Test
    void tryTake_bucketsOnEveryMaster_eachCountedOnItsOwn() {
        assertThat(client().isCluster()).as("the contract above ran on a cluster").isTrue();
        RateLimiter limiter = newLimiter(new MutableClock(Instant.parse("2026-12-01T10:00:00Z")));
        RateLimit one = RateLimit.of(1, Duration.ofHours(1));

        // 64 names spread over the cluster's hash slots, so every master holds some of the buckets.
        for (int i = 0; i < 64; i++) {
            assertThat(limiter.tryTake("cluster-bucket-" + i, one, 1).allowed()).as("first take of %d", i).isTrue();
            assertThat(limiter.tryTake("cluster-bucket-" + i, one, 1).allowed()).as("second take of %d", i).isFalse();
        }
    }
}
