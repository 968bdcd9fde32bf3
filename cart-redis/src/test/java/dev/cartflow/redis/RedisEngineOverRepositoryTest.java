package dev.cartflow.redis;

import dev.cartflow.scenarios.EngineOverRepositoryContract;
import dev.cartflow.spi.CartRepository;

/** The engine over the Redis-only repository on a standalone server. */
class RedisEngineOverRepositoryTest extends EngineOverRepositoryContract {
    @Override
    protected CartRepository newRepository() {
        return RedisCartRepository.builder(TestRedis.client()).keyPrefix(TestRedis.freshPrefix()).build();
    }
}
