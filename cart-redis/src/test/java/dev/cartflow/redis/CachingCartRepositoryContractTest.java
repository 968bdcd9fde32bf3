package dev.cartflow.redis;

import dev.cartflow.core.memory.InMemoryCartRepository;
import dev.cartflow.spi.CartRepository;
import dev.cartflow.tck.CartRepositoryContract;

class CachingCartRepositoryContractTest extends CartRepositoryContract {
    @Override
    protected CartRepository newRepository() {
        return CachingCartRepository.builder(new InMemoryCartRepository(), TestRedis.client())
                .keyPrefix(TestRedis.freshPrefix())
                .build();
    }
}
