package dev.cartflow.redis;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartId;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The optional near cache of {@link CachingCartRepository}: decoded carts in this JVM, only ever
 * replaced by a higher version, evicted when another instance publishes a write of that cart. It is
 * trusted only while its invalidation subscription stands: until the subscription is made (retried
 * at most once per {@code resubscribe} on the caller's thread) and while it is disconnected, it is
 * empty and bypassed.
 */
final class NearCache {
    private final CartRedisClient client;
    private final RedisKeys keys;
    private final RedisGuard guard;
    private final Cache<CartId, Cart> carts;
    private final String instanceId = UUID.randomUUID().toString();
    private final long resubscribeNanos;
    private final AtomicLong nextSubscribeAttempt = new AtomicLong(System.nanoTime());
    /** False until the invalidation subscription stands, and while it is disconnected. */
    private final AtomicBoolean usable = new AtomicBoolean();
    private volatile StatefulRedisPubSubConnection<String, String> pubSub;
    private volatile RedisConnectionStateListener pubSubWatch;
    /** Told of a subscription that failed (swallowed here: the near cache just stays bypassed). */
    private final Consumer<RuntimeException> onFailure;

    NearCache(CartRedisClient client, RedisKeys keys, RedisGuard guard, long maxSize, Duration ttl,
              Duration resubscribe, Consumer<RuntimeException> onFailure) {
        this.onFailure = onFailure;
        this.client = client;
        this.keys = keys;
        this.guard = guard;
        this.carts = Caffeine.newBuilder().maximumSize(maxSize).expireAfterWrite(ttl).build();
        this.resubscribeNanos = Math.max(resubscribe.toNanos(), Duration.ofMillis(100).toNanos());
        subscribeIfNeeded();
    }

    /** The local copy, or null when there is none or the near cache cannot be trusted now. */
    Cart get(CartId id) {
        subscribeIfNeeded();
        return usable.get() ? carts.getIfPresent(id) : null;
    }

    /** Keeps the cart unless a higher version is held already. */
    void keep(Cart cart) {
        if (usable.get()) {
            carts.asMap().merge(cart.id(), cart, (old, neu) -> neu.version() >= old.version() ? neu : old);
        }
    }

    void invalidate(CartId id) {
        carts.invalidate(id);
    }

    void invalidateAll() {
        carts.invalidateAll();
    }

    /** Drops the copy of a cart when it is older than {@code stored}, leaving the stored version itself. */
    void dropOlderThan(CartId id, long stored) {
        carts.asMap().computeIfPresent(id, (key, cart) -> cart.version() < stored ? null : cart);
    }

    /** Tells the other instances' near caches; also while this instance's own subscription is missing. */
    void publish(CartId id) {
        guard.run(() -> client.commands().publish(keys.invalidationChannel(), instanceId + "|" + id));
    }

    private void subscribeIfNeeded() {
        if (pubSub != null) {
            return;
        }
        long now = System.nanoTime();
        long next = nextSubscribeAttempt.get();
        if (now - next < 0 || !nextSubscribeAttempt.compareAndSet(next, now + resubscribeNanos)) {
            return;
        }
        synchronized (nextSubscribeAttempt) {
            if (pubSub != null) {
                return;
            }
            try {
                pubSub = subscribe();
                carts.invalidateAll();
                usable.set(true);
            } catch (RuntimeException e) {
                guard.failures.incrementAndGet();
                onFailure.accept(e);
            }
        }
    }

    private StatefulRedisPubSubConnection<String, String> subscribe() {
        StatefulRedisPubSubConnection<String, String> connection = client.connectPubSub();
        connection.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                int bar = message.indexOf('|');
                if (bar > 0 && !message.startsWith(instanceId)) {
                    try {
                        carts.invalidate(CartId.parse(message.substring(bar + 1)));
                    } catch (CartException ignored) {
                        // not ours
                    }
                }
            }
        });
        RedisConnectionStateListener watch = new RedisConnectionStateListener() {
            @Override
            public void onRedisDisconnected(RedisChannelHandler<?, ?> handler) {
                if (handler == connection) {
                    // invalidations may be missed while disconnected: stop trusting local copies
                    usable.set(false);
                    carts.invalidateAll();
                }
            }

            @Override
            public void onRedisConnected(RedisChannelHandler<?, ?> handler, SocketAddress address) {
                if (handler == connection) {
                    carts.invalidateAll();
                    usable.set(true);
                }
            }
        };
        client.addConnectionListener(watch);
        try {
            connection.sync().subscribe(keys.invalidationChannel());
        } catch (RuntimeException e) {
            client.removeConnectionListener(watch);
            closeQuietly(connection);
            throw e;
        }
        pubSubWatch = watch;
        return connection;
    }

    void close() {
        RedisConnectionStateListener watch = pubSubWatch;
        if (watch != null) {
            client.removeConnectionListener(watch);
        }
        StatefulRedisPubSubConnection<String, String> connection = pubSub;
        if (connection != null) {
            closeQuietly(connection);
        }
    }

    private static void closeQuietly(StatefulRedisPubSubConnection<String, String> connection) {
        try {
            connection.close();
        } catch (RuntimeException ignored) {
            // releasing a connection that already failed
        }
    }
}
