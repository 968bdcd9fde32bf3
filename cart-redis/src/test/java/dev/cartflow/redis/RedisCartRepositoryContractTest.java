package dev.cartflow.redis;

import dev.cartflow.spi.CartRepository;
import dev.cartflow.tck.CartRepositoryContract;

class RedisCartRepositoryContractTest extends CartRepositoryContract {
    @Override
    protected CartRepository newRepository() {
        return RedisCartRepository.builder(TestRedis.client()).keyPrefix(TestRedis.freshPrefix()).build();
    }
}
