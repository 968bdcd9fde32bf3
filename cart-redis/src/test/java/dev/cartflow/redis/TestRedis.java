package dev.cartflow.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import redis.embedded.RedisServer;
import redis.embedded.RedisShardedCluster;

/**
 * Redis servers for tests: one standalone server per test JVM started from embedded-redis on a free
 * port (or the server named by {@code CARTFLOW_TEST_REDIS_URL}), dedicated servers that a test may
 * stop and restart, and a three-master cluster.
 */
final class TestRedis {
    static final String ENV = "CARTFLOW_TEST_REDIS_URL";

    private static String sharedUrl;
    private static CartRedisClient sharedClient;
    private static String clusterSeed;
    private static int prefixCounter;

    private TestRedis() {
    }

    /** The shared server's URL, started on first use and stopped when the JVM exits. */
    static synchronized String url() {
        if (sharedUrl == null) {
            String external = System.getenv(ENV);
            if (external != null && !external.isBlank()) {
                sharedUrl = external;
            } else {
                Restartable server = Restartable.start();
                Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
                sharedUrl = server.url();
            }
        }
        return sharedUrl;
    }

    /** A client of the shared server, kept for the whole JVM. */
    static synchronized CartRedisClient client() {
        if (sharedClient == null) {
            sharedClient = CartRedisClient.standalone(url(), Duration.ofSeconds(2));
        }
        return sharedClient;
    }

    /** A key prefix no other test uses, so tests need no flush. */
    static synchronized String freshPrefix() {
        return "t" + ProcessHandle.current().pid() + "-" + (++prefixCounter);
    }

    private static CartRedisClient clusterClient;

    /** A client of the cluster, kept for the whole JVM. */
    static synchronized CartRedisClient clusterClient() {
        if (clusterClient == null) {
            clusterClient = CartRedisClient.cluster(List.of(clusterSeed()), Duration.ofSeconds(2));
        }
        return clusterClient;
    }

    /** Seed URL of a three-master cluster, started on first use. */
    static synchronized String clusterSeed() {
        if (clusterSeed == null) {
            try {
                List<Integer> ports = new ArrayList<>();
                while (ports.size() < 3) {
                    int port = clusterPort();
                    if (!ports.contains(port)) {
                        ports.add(port);
                    }
                }
                RedisShardedCluster cluster = RedisShardedCluster.newRedisCluster()
                        .withServerBuilder(RedisServer.newRedisServer()
                                .setting("bind 127.0.0.1")
                                .setting("save \"\"")
                                .setting("appendonly no"))
                        .serverPorts(ports) // before the shards: each shard takes its port from it
                        .shard("a", 0).shard("b", 0).shard("c", 0)
                        .initializationTimeout(Duration.ofSeconds(20))
                        .build();
                cluster.start();
                awaitClusterOk(ports);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        cluster.stop();
                    } catch (IOException ignored) {
                        // exiting
                    }
                }));
                clusterSeed = "redis://127.0.0.1:" + ports.get(0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return clusterSeed;
    }

    /**
     * Waits until every node reports {@code cluster_state:ok}: the cluster answers CLUSTERDOWN for a
     * moment after the slots are assigned, while the nodes still exchange their configuration.
     */
    private static void awaitClusterOk(List<Integer> ports) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        for (int port : ports) {
            io.lettuce.core.RedisClient client = io.lettuce.core.RedisClient.create("redis://127.0.0.1:" + port);
            try (var connection = client.connect()) {
                while (!connection.sync().clusterInfo().contains("cluster_state:ok")) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("cluster not ok on port " + port);
                    }
                    Thread.sleep(50);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } finally {
                client.shutdown();
            }
        }
    }

    /** A free port whose cluster bus port (+10000) is free too. */
    static int clusterPort() {
        java.util.Random random = new java.util.Random();
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = 20_000 + random.nextInt(20_000);
            try (ServerSocket a = new ServerSocket(port); ServerSocket b = new ServerSocket(port + 10_000)) {
                return port;
            } catch (IOException busy) {
                // try another
            }
        }
        throw new IllegalStateException("no free port pair for the cluster");
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A dedicated embedded server that a test may stop and start again on the same port. */
    static final class Restartable {
        private final int port;
        private RedisServer server;

        private Restartable(int port) {
            this.port = port;
        }

        static Restartable start() {
            Restartable r = new Restartable(freePort());
            r.startAgain();
            return r;
        }

        String url() {
            return "redis://127.0.0.1:" + port;
        }

        synchronized void startAgain() {
            try {
                server = RedisServer.newRedisServer()
                        .port(port)
                        .setting("bind 127.0.0.1")
                        .setting("save \"\"")
                        .setting("appendonly no")
                        .build();
                server.start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        synchronized void stop() {
            try {
                if (server != null) {
                    server.stop();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
