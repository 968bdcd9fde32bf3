package dev.cartflow.redis;

/** The engine over the Redis-only repository on a three-master cluster. */
class RedisClusterEngineOverRepositoryTest extends RedisEngineOverRepositoryBase {
    @Override
    CartRedisClient client() {
        return TestRedis.clusterClient();
    }

    @Override
    protected int unitsPerThread() {
        return 200;
    }
}
