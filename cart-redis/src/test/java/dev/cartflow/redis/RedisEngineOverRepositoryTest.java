package dev.cartflow.redis;

import dev.cartflow.scenarios.EngineOverRepositoryContract;
import dev.cartflow.spi.CartRepository;
import java.util.IdentityHashMap;
import java.util.Map;

/** The engine over the Redis-only repository on a standalone server. */
class RedisEngineOverRepositoryTest extends EngineOverRepositoryContract {
    private final Map<CartRepository, String> prefixes = new IdentityHashMap<>();

    @Override
    protected CartRepository newRepository() {
        String prefix = TestRedis.freshPrefix();
        CartRepository repository = RedisCartRepository.builder(TestRedis.client()).keyPrefix(prefix).build();
        prefixes.put(repository, prefix);
        return repository;
    }

    /** A restarted instance: a new repository on the same server and keys. */
    @Override
    protected CartRepository reopen(CartRepository repository) {
        return RedisCartRepository.builder(TestRedis.client()).keyPrefix(prefixes.get(repository)).build();
    }
}
