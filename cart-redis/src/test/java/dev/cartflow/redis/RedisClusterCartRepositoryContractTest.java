package dev.cartflow.redis;

import dev.cartflow.spi.CartRepository;
import dev.cartflow.tck.CartRepositoryContract;

/** The contract on a three-master Redis Cluster: saveAll across slots takes the two-phase path. */
class RedisClusterCartRepositoryContractTest extends CartRepositoryContract {
    @Override
    protected CartRepository newRepository() {
        return RedisCartRepository.builder(TestRedis.clusterClient()).keyPrefix(TestRedis.freshPrefix()).build();
    }

    @Override
    protected int unitsPerThread() {
        return 200;
    }
}
