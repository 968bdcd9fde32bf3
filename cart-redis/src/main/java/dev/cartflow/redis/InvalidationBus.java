package dev.cartflow.redis;

import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Carries provider-cache invalidations between application instances over Redis pub/sub. Messages
 * are {@code <instance>|<kind>|<sku or *>}; an instance ignores its own. Publishing is best effort:
 * a failure is swallowed (the local cache is already invalidated, the others expire by TTL).
 */
final class InvalidationBus implements AutoCloseable {
    private final CartRedisClient client;
    private final String channel;
    private final String kind;
    private final String instanceId = UUID.randomUUID().toString();
    private final StatefulRedisPubSubConnection<String, String> connection;

    InvalidationBus(CartRedisClient client, String prefix, String kind, Consumer<String> onRemote) {
        this.client = client;
        this.channel = new RedisKeys(prefix).prefix() + ":provider-invalidate";
        this.kind = kind;
        this.connection = client.connectPubSub();
        connection.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String ch, String message) {
                String[] parts = message.split("\\|", 3);
                if (parts.length == 3 && !parts[0].equals(instanceId) && parts[1].equals(kind)) {
                    onRemote.accept(parts[2]);
                }
            }
        });
        connection.sync().subscribe(channel);
    }

    /** Tells the other instances; {@code "*"} means everything. */
    void publish(String key) {
        try {
            client.commands().publish(channel, instanceId + "|" + kind + "|" + key);
        } catch (RuntimeException ignored) {
            // best effort
        }
    }

    @Override
    public void close() {
        connection.close();
    }
}
