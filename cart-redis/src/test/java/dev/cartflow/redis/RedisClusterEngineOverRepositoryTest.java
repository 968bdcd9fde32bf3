package dev.cartflow.redis;

import dev.cartflow.scenarios.EngineOverRepositoryContract;
import dev.cartflow.spi.CartRepository;

/** The engine over the Redis-only repository on a three-master cluster. */
class RedisClusterEngineOverRepositoryTest extends EngineOverRepositoryContract {
    @Override
    protected CartRepository newRepository() {
        return RedisCartRepository.builder(TestRedis.clusterClient()).keyPrefix(TestRedis.freshPrefix()).build();
    }

    @Override
    protected int unitsPerThread() {
        return 200;
    }
}
