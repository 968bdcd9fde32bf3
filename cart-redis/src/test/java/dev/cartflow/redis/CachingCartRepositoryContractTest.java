package dev.cartflow.redis;

import dev.cartflow.core.memory.InMemoryCartRepository;

/** The caching repository on standalone Redis, default options. */
class CachingCartRepositoryContractTest extends CachingContractBase {
    @Override
    CachingCartRepositoryBuilder configure(InMemoryCartRepository delegate) {
        return CachingCartRepository.builder(delegate, TestRedis.client());
    }
}
