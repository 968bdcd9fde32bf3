package dev.cartflow.redis;

import dev.cartflow.core.memory.InMemoryCartRepository;

/** The engine over the caching repository on standalone Redis, default options. */
class CachingEngineOverRepositoryTest extends CachingEngineOverRepositoryBase {
    @Override
    CachingCartRepositoryBuilder configure(InMemoryCartRepository delegate) {
        return CachingCartRepository.builder(delegate, TestRedis.client());
    }
}
