package dev.cartflow.redis;

/** The Redis-only repository on a standalone server. */
class RedisCartRepositoryContractTest extends RedisContractBase {
    @Override
    CartRedisClient client() {
        return TestRedis.client();
    }
}
