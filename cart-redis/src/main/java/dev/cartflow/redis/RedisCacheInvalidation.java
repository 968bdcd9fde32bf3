package dev.cartflow.redis;

import dev.cartflow.core.cache.ProviderCache;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Sku;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.net.SocketAddress;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Carries the invalidations of one cart-core provider cache ({@code CachingCatalogProvider},
 * {@code CachingPricingProvider}) between application instances over Redis pub/sub. It holds no
 * cache of its own.
 *
 * <p>Call {@link #invalidate} or {@link #invalidateAll} here instead of on the cache: the local cache
 * is invalidated at once, then the change is published and every other instance subscribed under the
 * same key prefix and cache name invalidates its own cache when the message arrives. Publishing is
 * best effort: when Redis is down the other instances keep their entries until their TTL. When the
 * subscription reconnects after an outage (messages may have been missed) the local cache is
 * dropped entirely.
 *
 * <pre>{@code
 * CachingPricingProvider prices = CachingPricingProvider.builder(hostPricing).build();
 * RedisCacheInvalidation priceChanges = RedisCacheInvalidation.subscribe(redis, "shop", "pricing", prices);
 * priceChanges.invalidate(List.of(Sku.of("A-1")));   // here and on every other instance
 * }</pre>
 *
 * <p>Messages on {@code <prefix>:provider-invalidate} are {@code <instance>|<cache name>|<sku or *>};
 * an instance ignores its own. Close it on shutdown. Thread-safe.
 */
public final class RedisCacheInvalidation implements ProviderCache, AutoCloseable {
    private final CartRedisClient client;
    private final ProviderCache cache;
    private final String channel;
    private final String cacheName;
    private final String instanceId = UUID.randomUUID().toString();
    private final StatefulRedisPubSubConnection<String, String> connection;
    private final RedisConnectionStateListener reconnectWatch;

    private RedisCacheInvalidation(CartRedisClient client, String keyPrefix, String cacheName, ProviderCache cache) {
        this.client = client;
        this.cache = cache;
        this.cacheName = cacheName;
        this.channel = new RedisKeys(keyPrefix).prefix() + ":provider-invalidate";
        this.connection = client.connectPubSub();
        this.reconnectWatch = new RedisConnectionStateListener() {
            @Override
            public void onRedisConnected(RedisChannelHandler<?, ?> handler, SocketAddress address) {
                if (handler == connection) {
                    cache.invalidateAll();
                }
            }
        };
        try {
            connection.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String ch, String message) {
                    onMessage(message);
                }
            });
            client.addConnectionListener(reconnectWatch);
            connection.sync().subscribe(channel);
        } catch (RuntimeException e) {
            close();
            throw RedisFailures.translate("subscribe", e);
        }
    }

    /**
     * Subscribes to the invalidations of one cache.
     *
     * @param client    the Redis connection
     * @param keyPrefix the key prefix shared by the instances, no braces (for example {@code cartflow})
     * @param cacheName which cache of the instances, for example {@code pricing} or {@code catalog}
     *                  (the names earlier releases used); no {@code |}
     * @param cache     this instance's cache
     * @return the subscribed invalidation
     * @throws CartException {@code INVALID_INPUT} for a bad argument, {@code PROVIDER_UNAVAILABLE}
     *                       when Redis cannot be reached
     */
    public static RedisCacheInvalidation subscribe(CartRedisClient client, String keyPrefix, String cacheName,
                                                   ProviderCache cache) {
        CartException.requireNonNull(client, "client");
        CartException.requireNonNull(cache, "cache");
        new RedisKeys(keyPrefix);
        if (cacheName == null || cacheName.isBlank() || cacheName.indexOf('|') >= 0) {
            throw CartException.invalidInput("cache name must be non-blank and contain no '|'");
        }
        return new RedisCacheInvalidation(client, keyPrefix, cacheName, cache);
    }

    /** Drops the skus here, then tells the other instances. */
    @Override
    public void invalidate(Collection<Sku> skus) {
        CartException.requireNonNull(skus, "skus");
        Set<Sku> changed = Set.copyOf(List.copyOf(skus));
        cache.invalidate(changed);
        changed.forEach(sku -> publish(sku.value()));
    }

    /** Drops everything here, then tells the other instances. */
    @Override
    public void invalidateAll() {
        cache.invalidateAll();
        publish("*");
    }

    private void publish(String key) {
        try {
            client.commands().publish(channel, instanceId + "|" + cacheName + "|" + key);
        } catch (RuntimeException ignored) {
            // best effort: the local cache is already invalidated, the others expire by TTL
        }
    }

    private void onMessage(String message) {
        String[] parts = message.split("\\|", 3);
        if (parts.length != 3 || parts[0].equals(instanceId) || !parts[1].equals(cacheName)) {
            return;
        }
        if (parts[2].equals("*")) {
            cache.invalidateAll();
            return;
        }
        try {
            cache.invalidate(List.of(Sku.of(parts[2])));
        } catch (CartException notASku) {
            // a message this version cannot read: nothing of ours to drop
        }
    }

    /** Unsubscribes; best effort. */
    @Override
    public void close() {
        try {
            client.removeConnectionListener(reconnectWatch);
        } catch (RuntimeException ignored) {
            // shutting down anyway
        }
        try {
            connection.close();
        } catch (RuntimeException ignored) {
            // shutting down anyway
        }
    }
}
