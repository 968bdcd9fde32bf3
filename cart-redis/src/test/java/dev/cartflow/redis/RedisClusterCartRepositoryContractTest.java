package dev.cartflow.redis;

/** The Redis-only repository on a three-master cluster. */
class RedisClusterCartRepositoryContractTest extends RedisContractBase {
    @Override
    CartRedisClient client() {
        return TestRedis.clusterClient();
    }

    @Override
    protected int unitsPerThread() {
        return 200;
    }
}
