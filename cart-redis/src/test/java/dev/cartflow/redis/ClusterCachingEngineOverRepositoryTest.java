package dev.cartflow.redis;

import dev.cartflow.core.memory.InMemoryCartRepository;
import java.time.Duration;

/** The engine over the caching repository on a Redis Cluster, with near cache and sku sets. */
class ClusterCachingEngineOverRepositoryTest extends CachingEngineOverRepositoryBase {
    @Override
    CachingCartRepositoryBuilder configure(InMemoryCartRepository delegate) {
        return CachingCartRepository.builder(delegate, TestRedis.clusterClient())
                .nearCache(1_000, Duration.ofSeconds(5))
                .trackSkus(true);
    }

    @Override
    protected int unitsPerThread() {
        return 100;
    }
}
