package dev.cartflow.redis;

import dev.cartflow.core.memory.InMemoryCartRepository;
import java.time.Duration;

/** The engine over the caching repository on standalone Redis with the near cache and sku sets on. */
class NearCachingEngineOverRepositoryTest extends CachingEngineOverRepositoryBase {
    @Override
    CachingCartRepositoryBuilder configure(InMemoryCartRepository delegate) {
        return CachingCartRepository.builder(delegate, TestRedis.client())
                .nearCache(1_000, Duration.ofSeconds(5))
                .trackSkus(true);
    }

    @Override
    protected int unitsPerThread() {
        return 200;
    }
}
