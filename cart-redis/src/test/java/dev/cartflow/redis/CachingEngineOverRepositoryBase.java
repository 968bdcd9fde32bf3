package dev.cartflow.redis;

import dev.cartflow.core.memory.InMemoryCartRepository;
import dev.cartflow.scenarios.EngineOverRepositoryContract;
import dev.cartflow.spi.CartRepository;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/** The engine over one configuration of {@link CachingCartRepository} on an in-memory delegate. */
abstract class CachingEngineOverRepositoryBase extends EngineOverRepositoryContract {
    private final List<CachingCartRepository> open = new ArrayList<>();

    /** The configuration under test, over {@code delegate}. */
    abstract CachingCartRepository.Builder configure(InMemoryCartRepository delegate);

    @Override
    protected CartRepository newRepository() {
        CachingCartRepository repo = configure(new InMemoryCartRepository()).keyPrefix(TestRedis.freshPrefix())
                .build();
        open.add(repo);
        return repo;
    }

    @AfterEach
    void closeRepositories() {
        open.forEach(CachingCartRepository::close);
    }
}
