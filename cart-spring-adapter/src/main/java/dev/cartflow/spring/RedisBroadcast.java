package dev.cartflow.spring;

import dev.cartflow.core.cache.ProviderCache;
import dev.cartflow.redis.CartRedisClient;
import dev.cartflow.redis.RedisCacheInvalidation;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** {@link CacheBroadcast} over cart-redis's pub/sub; closes its subscriptions before the client goes. */
final class RedisBroadcast implements CacheBroadcast, AutoCloseable {
    private final CartRedisClient client;
    private final String keyPrefix;
    private final List<RedisCacheInvalidation> subscriptions = new CopyOnWriteArrayList<>();

    RedisBroadcast(CartRedisClient client, String keyPrefix) {
        this.client = client;
        this.keyPrefix = keyPrefix;
    }

    @Override
    public ProviderCache share(String name, ProviderCache local) {
        RedisCacheInvalidation shared = RedisCacheInvalidation.subscribe(client, keyPrefix, name, local);
        subscriptions.add(shared);
        return shared;
    }

    @Override
    public void close() {
        subscriptions.forEach(RedisCacheInvalidation::close);
        subscriptions.clear();
    }
}
