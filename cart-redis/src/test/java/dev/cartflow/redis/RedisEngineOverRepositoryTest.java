package dev.cartflow.redis;

/** The engine over the Redis-only repository on a standalone server. */
class RedisEngineOverRepositoryTest extends RedisEngineOverRepositoryBase {
    @Override
    CartRedisClient client() {
        return TestRedis.client();
    }
}
