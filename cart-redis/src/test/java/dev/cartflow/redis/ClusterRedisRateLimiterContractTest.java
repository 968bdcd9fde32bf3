package dev.cartflow.redis;

/** The shared limiter on a real three-master Redis Cluster. */
class ClusterRedisRateLimiterContractTest extends RedisRateLimiterContractTest {
    @Override
    CartRedisClient client() {
        return TestRedis.clusterClient();
    }
}
