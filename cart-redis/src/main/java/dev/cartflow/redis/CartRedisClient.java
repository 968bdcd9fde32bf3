package dev.cartflow.redis;

import dev.cartflow.error.CartException;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A Lettuce connection to a standalone Redis or a Redis Cluster, shared by the CartFlow Redis
 * components. Commands have a bounded timeout and fail fast while the connection is down (they are
 * not queued), so callers can fall back instead of waiting.
 *
 * <p>Create one per application and {@link #close()} it on shutdown. A malformed URI or timeout is
 * {@code INVALID_INPUT}; a Redis that cannot be reached when connecting is
 * {@code PROVIDER_UNAVAILABLE} (cause kept); no Lettuce exception escapes.
 */
public final class CartRedisClient implements AutoCloseable {
    /** The default command timeout. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(250);

    private final RedisClient standaloneClient;
    private final RedisClusterClient clusterClient;
    private final StatefulRedisConnection<String, String> standalone;
    private final StatefulRedisClusterConnection<String, String> cluster;
    private final RedisClusterCommands<String, String> commands;
    private final DirectReads direct;
    private final Duration timeout;
    private final ClientResources resources;

    /**
     * The longest wait between reconnect attempts (Lettuce's default grows to 30 s). A node that
     * comes back must be reached again by every instance at about the same time: one that still waits
     * to reconnect cannot update the entries of the carts it writes, which the others already read
     * and fill again (docs/redis.md, "Cluster notes").
     */
    static final Duration MAX_RECONNECT_DELAY = Duration.ofMillis(100);

    /**
     * Blocking connections for cache reads of a standalone server, concurrent reads combined on them:
     * two per core, so that while one batch is on its way another can be written and read (at 16
     * readers on 2 cores, 3 or 4 connections gave 1.24 to 1.45 times redis-benchmark's rate, 2 gave
     * 0.98, 8 gave 1.01; docs/performance-redis.md).
     */
    static final int DIRECT_CONNECTIONS = Math.min(16, Math.max(2, 2 * Runtime.getRuntime().availableProcessors()));

    private CartRedisClient(RedisClient standaloneClient, RedisClusterClient clusterClient, Duration timeout,
                            DirectReads direct, ClientResources resources) {
        this.resources = resources;
        this.standaloneClient = standaloneClient;
        this.clusterClient = clusterClient;
        this.timeout = timeout;
        if (standaloneClient != null) {
            standalone = standaloneClient.connect();
            cluster = null;
            commands = standalone.sync();
        } else {
            cluster = clusterClient.connect();
            standalone = null;
            commands = cluster.sync();
        }
        this.direct = direct;
    }

    /**
     * Connects to a standalone Redis.
     *
     * @param uri            for example {@code redis://localhost:6379}
     * @param commandTimeout the longest any command may take before it counts as failed
     * @return the connected client
     */
    public static CartRedisClient standalone(String uri, Duration commandTimeout) {
        return standalone(uri, commandTimeout, DIRECT_CONNECTIONS);
    }

    /** As {@link #standalone(String, Duration)} with {@code directConnections} blocking read connections (0: none). */
    static CartRedisClient standalone(String uri, Duration commandTimeout, int directConnections) {
        CartException.requireNonNull(uri, "uri");
        checkTimeout(commandTimeout);
        RedisURI redisUri = parse(uri, commandTimeout);
        ClientResources resources = quickReconnects();
        RedisClient client = RedisFailures.translate("create client", () -> RedisClient.create(resources, redisUri));
        return connect(() -> {
            client.setOptions(ClientOptions.builder()
                    .autoReconnect(true)
                    .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                    .socketOptions(SocketOptions.builder().connectTimeout(commandTimeout.multipliedBy(4)).build())
                    .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
                    .build());
            return new CartRedisClient(client, null, commandTimeout,
                    directReads(redisUri, commandTimeout, directConnections, resources), resources);
        }, () -> {
            client.shutdown();
            resources.shutdown();
        });
    }

    /**
     * Connects to a Redis Cluster.
     *
     * @param seedUris       one or more nodes, for example {@code redis://10.0.0.1:7000}
     * @param commandTimeout the longest any command may take before it counts as failed
     * @return the connected client
     */
    public static CartRedisClient cluster(List<String> seedUris, Duration commandTimeout) {
        if (seedUris == null || seedUris.isEmpty()) {
            throw CartException.invalidInput("at least one seed uri is required");
        }
        checkTimeout(commandTimeout);
        List<RedisURI> uris = new ArrayList<>();
        for (String s : seedUris) {
            uris.add(parse(CartException.requireNonNull(s, "seed uri"), commandTimeout));
        }
        ClientResources resources = quickReconnects();
        RedisClusterClient client = RedisFailures.translate("create cluster client",
                () -> RedisClusterClient.create(resources, uris));
        return connect(() -> {
            client.setOptions(ClusterClientOptions.builder()
                    .autoReconnect(true)
                    // node connections open lazily: rejecting while one connects would fail the first
                    // commands to each node, so commands wait, bounded by the command timeout
                    .disconnectedBehavior(ClientOptions.DisconnectedBehavior.ACCEPT_COMMANDS)
                    .socketOptions(SocketOptions.builder().connectTimeout(commandTimeout.multipliedBy(4)).build())
                    .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
                    .topologyRefreshOptions(ClusterTopologyRefreshOptions.builder()
                            .enableAllAdaptiveRefreshTriggers()
                            .build())
                    .build());
            return new CartRedisClient(null, client, commandTimeout, null, resources);
        }, () -> {
            client.shutdown();
            resources.shutdown();
        });
    }

    /**
     * The blocking read connections, or {@code null} (reads on Lettuce) where they do not apply or
     * the host's class path holds a Jedis older than the one cart-redis is built with.
     */
    private static DirectReads directReads(RedisURI uri, Duration timeout, int connections,
                                           ClientResources resources) {
        try {
            return DirectReads.open(uri, timeout, connections, resources.eventExecutorGroup());
        } catch (LinkageError olderJedis) {
            return null;
        }
    }

    /** The client's threads, with reconnect attempts at most {@link #MAX_RECONNECT_DELAY} apart. */
    private static ClientResources quickReconnects() {
        return RedisFailures.translate("create client resources", () -> ClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ofMillis(1), MAX_RECONNECT_DELAY, 2, TimeUnit.MILLISECONDS))
                .build());
    }

    /** The URI with the timeout; a malformed one is the caller's {@code INVALID_INPUT}. */
    private static RedisURI parse(String uri, Duration commandTimeout) {
        try {
            RedisURI redisUri = RedisURI.create(uri);
            redisUri.setTimeout(commandTimeout);
            return redisUri;
        } catch (IllegalArgumentException | IllegalStateException e) {
            // the message is not copied: a URI may carry a password
            throw CartException.invalidInput("not a redis URI");
        } catch (RuntimeException e) {
            throw RedisFailures.translate("parse uri", e);
        }
    }

    /** Connects; on failure shuts the half-built client down and reports why. */
    private static CartRedisClient connect(Supplier<CartRedisClient> connect, Runnable shutdown) {
        try {
            return connect.get();
        } catch (RuntimeException e) {
            try {
                shutdown.run();
            } catch (RuntimeException ignored) {
                // the connect failure is the one worth reporting
            }
            throw RedisFailures.translate("connect", e);
        }
    }

    private static void checkTimeout(Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw CartException.invalidInput("command timeout must be positive");
        }
    }

    /**
     * Whether this client talks to a Redis Cluster.
     *
     * @return true for a Cluster, false for a standalone server
     */
    public boolean isCluster() {
        return cluster != null;
    }

    /**
     * How long one Redis command may take before it counts as a failure.
     *
     * @return the command timeout
     */
    public Duration commandTimeout() {
        return timeout;
    }

    RedisClusterCommands<String, String> commands() {
        return commands;
    }

    /**
     * {@code HMGET}: on the blocking connections, combined with concurrent reads (standalone), else
     * (or when such a connection was found closed) on the shared connection. Not translated: callers
     * run it behind a {@link RedisGuard}.
     *
     * @return the values of {@code fields} as stored (UTF-8 bytes), {@code null} where a field is missing
     */
    List<byte[]> hmget(String key, byte[]... fields) {
        if (direct != null) {
            List<byte[]> values = direct.hmget(key, fields);
            if (values != null) {
                return values;
            }
        }
        String[] names = new String[fields.length];
        for (int i = 0; i < fields.length; i++) {
            names[i] = new String(fields[i], StandardCharsets.UTF_8);
        }
        List<byte[]> values = new ArrayList<>(fields.length);
        for (io.lettuce.core.KeyValue<String, String> kv : commands.hmget(key, names)) {
            values.add(kv.hasValue() ? kv.getValue().getBytes(StandardCharsets.UTF_8) : null);
        }
        return values;
    }

    /** True when cache reads may use blocking connections of their own (standalone, plain TCP). */
    boolean hasDirectReads() {
        return direct != null;
    }

    /**
     * The id of the Cluster master that serves a key now (from Lettuce's current view of the
     * slots), {@code "?"} while no master is known for its slot; {@code null} on a standalone server.
     */
    String nodeOf(String key) {
        if (cluster == null) {
            return null;
        }
        io.lettuce.core.cluster.models.partitions.RedisClusterNode node =
                cluster.getPartitions().getPartitionBySlot(SlotHash.getSlot(key));
        return node == null ? "?" : node.getNodeId();
    }

    /**
     * Deletes every key of one Cluster master that matches {@code pattern} (SCAN on that node).
     * Not translated: callers run it behind a {@link RedisGuard}.
     */
    void deleteOnNode(String nodeId, String pattern) {
        io.lettuce.core.api.sync.RedisCommands<String, String> node = cluster.getConnection(nodeId).sync();
        io.lettuce.core.ScanIterator<String> keys = io.lettuce.core.ScanIterator.scan(node,
                io.lettuce.core.ScanArgs.Builder.matches(pattern).limit(500));
        List<String> batch = new ArrayList<>();
        while (keys.hasNext()) {
            batch.add(keys.next());
            if (batch.size() == 100 || !keys.hasNext()) {
                node.del(batch.toArray(String[]::new));
                batch.clear();
            }
        }
    }

    /** The hash slot of a key (meaningful in cluster mode; computed the same way in standalone mode). */
    static int slot(String key) {
        return SlotHash.getSlot(key);
    }

    /**
     * A new connection for subscribing; the caller closes it.
     *
     * @throws CartException {@code PROVIDER_UNAVAILABLE} when Redis cannot be reached
     */
    StatefulRedisPubSubConnection<String, String> connectPubSub() {
        return RedisFailures.translate("connect pub/sub",
                () -> standaloneClient != null ? standaloneClient.connectPubSub() : clusterClient.connectPubSub());
    }

    /** Listens to connect and disconnect events of every connection of this client. */
    void addConnectionListener(io.lettuce.core.RedisConnectionStateListener listener) {
        if (standaloneClient != null) {
            standaloneClient.addListener(listener);
        } else {
            clusterClient.addListener(listener);
        }
    }

    void removeConnectionListener(io.lettuce.core.RedisConnectionStateListener listener) {
        if (standaloneClient != null) {
            standaloneClient.removeListener(listener);
        } else {
            clusterClient.removeListener(listener);
        }
    }

    /**
     * Closes the connection and releases the client's threads. Best effort: a failure while shutting
     * down is not reported (there is nothing a caller could do about it).
     */
    @Override
    public void close() {
        try {
            if (direct != null) {
                direct.close();
            }
        } catch (RuntimeException ignored) {
            // shutting down anyway
        }
        try {
            if (standalone != null) {
                standalone.close();
            } else {
                cluster.close();
            }
        } catch (RuntimeException ignored) {
            // shutting down anyway
        }
        try {
            if (standaloneClient != null) {
                standaloneClient.shutdown(Duration.ZERO, Duration.ofSeconds(1));
            } else {
                clusterClient.shutdown(Duration.ZERO, Duration.ofSeconds(1));
            }
        } catch (RuntimeException ignored) {
            // shutting down anyway
        }
        try {
            // passed to the client, so not shut down with it
            resources.shutdown(0, 1, TimeUnit.SECONDS);
        } catch (RuntimeException ignored) {
            // shutting down anyway
        }
    }

    /**
     * A new connection whose values are bytes (keys stay UTF-8 text), for bucket4j's Lettuce
     * integration; the caller closes it.
     *
     * @throws CartException {@code PROVIDER_UNAVAILABLE} when Redis cannot be reached
     */
    io.lettuce.core.api.StatefulConnection<String, byte[]> connectBinary() {
        io.lettuce.core.codec.RedisCodec<String, byte[]> codec = io.lettuce.core.codec.RedisCodec.of(
                io.lettuce.core.codec.StringCodec.UTF8, io.lettuce.core.codec.ByteArrayCodec.INSTANCE);
        return RedisFailures.translate("connect binary",
                () -> standaloneClient != null ? standaloneClient.connect(codec) : clusterClient.connect(codec));
    }
}
