package dev.cartflow.redis;

import dev.cartflow.core.memory.InMemoryCartRepository;
import dev.cartflow.spi.CartRepository;
import dev.cartflow.tck.CartRepositoryContract;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/** The contract with every option on: near cache and sku sets. */
class NearCachingCartRepositoryContractTest extends CartRepositoryContract {
    private final List<CachingCartRepository> open = new ArrayList<>();

    @Override
    protected CartRepository newRepository() {
        CachingCartRepository repo = CachingCartRepository.builder(new InMemoryCartRepository(), TestRedis.client())
                .keyPrefix(TestRedis.freshPrefix())
                .nearCache(1_000, Duration.ofSeconds(5))
                .trackSkus(true)
                .build();
        open.add(repo);
        return repo;
    }

    @Override
    protected int unitsPerThread() {
        return 200;
    }

    @AfterEach
    void closeRepositories() {
        open.forEach(CachingCartRepository::close);
    }
}
