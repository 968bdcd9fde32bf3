package dev.cartflow.redis;

import dev.cartflow.scenarios.EngineOverRepositoryContract;
import dev.cartflow.spi.CartRepository;
import java.util.IdentityHashMap;
import java.util.Map;

/** The engine over the Redis-only repository, each test under fresh keys of one server setup. */
abstract class RedisEngineOverRepositoryBase extends EngineOverRepositoryContract {
    private final Map<CartRepository, String> prefixes = new IdentityHashMap<>();

    /** The connection of the server setup under test. */
    abstract CartRedisClient client();

    @Override
    protected CartRepository newRepository() {
        String prefix = TestRedis.freshPrefix();
        CartRepository repository = RedisCartRepository.builder(client()).keyPrefix(prefix).build();
        prefixes.put(repository, prefix);
        return repository;
    }

    /** A restarted instance: a new repository on the same server and keys. */
    @Override
    protected CartRepository reopen(CartRepository repository) {
        return RedisCartRepository.builder(client()).keyPrefix(prefixes.get(repository)).build();
    }
}
