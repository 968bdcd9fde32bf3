package dev.cartflow.redis;

import dev.cartflow.core.memory.InMemoryCartRepository;
import dev.cartflow.scenarios.EngineOverRepositoryContract;
import dev.cartflow.spi.CartRepository;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;

/** The engine over one configuration of {@link CachingCartRepository} on an in-memory delegate. */
abstract class CachingEngineOverRepositoryBase extends EngineOverRepositoryContract {
    private final List<CachingCartRepository> open = new ArrayList<>();
    private final Map<CartRepository, Layers> layers = new IdentityHashMap<>();

    /** The configuration under test, over {@code delegate}. */
    abstract CachingCartRepositoryBuilder configure(InMemoryCartRepository delegate);

    @Override
    protected CartRepository newRepository() {
        return build(new Layers(new InMemoryCartRepository(), TestRedis.freshPrefix()));
    }

    /** A restarted instance: a new cache layer over the same system of record and the same Redis keys. */
    @Override
    protected CartRepository reopen(CartRepository repository) {
        return build(layers.get(repository));
    }

    private CachingCartRepository build(Layers of) {
        CachingCartRepository repo = configure(of.delegate()).keyPrefix(of.prefix()).build();
        open.add(repo);
        layers.put(repo, of);
        return repo;
    }

    @AfterEach
    void closeRepositories() {
        open.forEach(CachingCartRepository::close);
    }

    private record Layers(InMemoryCartRepository delegate, String prefix) {
    }
}
