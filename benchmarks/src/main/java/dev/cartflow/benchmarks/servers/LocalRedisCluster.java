package dev.cartflow.benchmarks.servers;

import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A Redis Cluster of three masters (no replicas) on 127.0.0.1, from embedded-redis's bundled binary
 * with {@code cluster-enabled yes}: the slots are split in three ({@code CLUSTER ADDSLOTS}), the
 * nodes meet ({@code CLUSTER MEET}), and the cluster is ready once every node reports
 * {@code cluster_state:ok}. A node can be killed with SIGKILL and restarted on its port with its
 * {@code nodes.conf} (its identity and slots; its data is gone, as nothing else is persisted).
 */
public final class LocalRedisCluster implements AutoCloseable {
    /** The slots of a Redis Cluster. */
    static final int SLOTS = 16_384;
    private static final Duration STATE_TIMEOUT = Duration.ofSeconds(60);

    private final List<RedisNode> nodes;
    private final Thread stopOnExit;

    private LocalRedisCluster(List<RedisNode> nodes) {
        this.nodes = List.copyOf(nodes);
        this.stopOnExit = new Thread(this::stopQuietly, "stop-local-redis-cluster");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /**
     * Starts three masters, assigns the slots, lets them meet and waits until the cluster is ok.
     *
     * @param workDirectory where the binary is extracted and each node keeps its directory
     *                      ({@code nodes.conf}, log)
     * @return the running cluster
     * @throws IOException          when a node cannot be started or the cluster does not form in time
     * @throws InterruptedException when interrupted while waiting
     */
    public static LocalRedisCluster start(Path workDirectory) throws IOException, InterruptedException {
        Path binary = RedisNode.binary(workDirectory.resolve("bin"));
        List<RedisNode> nodes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int port;
            do {
                port = FreePorts.loopbackWithClusterBus();
            } while (taken(nodes, port));
            nodes.add(new RedisNode(binary, workDirectory.resolve("redis-cluster-" + port), port, List.of(
                    "cluster-enabled yes", "cluster-config-file nodes.conf",
                    // a killed master is marked failed after 2 s instead of 15 s
                    "cluster-node-timeout 2000")));
        }
        LocalRedisCluster cluster = new LocalRedisCluster(nodes);
        try {
            for (RedisNode node : nodes) {
                node.start();
            }
            cluster.form();
            cluster.awaitOk();
        } catch (IOException | InterruptedException | RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    private static boolean taken(List<RedisNode> nodes, int port) {
        return nodes.stream().anyMatch(n -> Math.abs(n.port() - port) == FreePorts.CLUSTER_BUS_OFFSET || n.port() == port);
    }

    private void form() {
        for (int i = 0; i < nodes.size(); i++) {
            int from = SLOTS * i / nodes.size();
            int to = SLOTS * (i + 1) / nodes.size();
            int[] slots = IntStream.range(from, to).toArray();
            nodes.get(i).call(connection -> connection.sync().clusterAddSlots(slots));
        }
        RedisNode first = nodes.get(0);
        for (RedisNode other : nodes.subList(1, nodes.size())) {
            first.call(connection -> connection.sync().clusterMeet("127.0.0.1", other.port()));
        }
    }

    /** @return the nodes' URIs, {@code redis://127.0.0.1:<port>} each */
    public List<String> nodeUris() {
        return nodes.stream().map(RedisNode::uri).toList();
    }

    /** @return the nodes' URIs joined by commas, as {@code --cartflow.redis.cluster-nodes=} takes them */
    public String clusterNodesProperty() {
        return String.join(",", nodeUris());
    }

    /** @return the number of masters */
    public int size() {
        return nodes.size();
    }

    /**
     * Kills one master with SIGKILL; after the node timeout the cluster reports {@code cluster_state:fail}
     * (no replica takes its slots over).
     *
     * @param node the master's index, 0 to {@code size() - 1}
     * @throws InterruptedException when interrupted while waiting for the process to end
     */
    public void kill(int node) throws InterruptedException {
        nodes.get(node).kill();
    }

    /**
     * Starts a killed master again on its port with its {@code nodes.conf}, and waits until every
     * node reports {@code cluster_state:ok}.
     *
     * @param node the master's index
     * @throws IOException          when it cannot be started or the cluster is not ok in time
     * @throws InterruptedException when interrupted while waiting
     */
    public void restart(int node) throws IOException, InterruptedException {
        nodes.get(node).kill();
        nodes.get(node).start();
        awaitOk();
    }

    /**
     * Kills every master with SIGKILL.
     *
     * @throws InterruptedException when interrupted while waiting
     */
    public void killAll() throws InterruptedException {
        for (RedisNode node : nodes) {
            node.kill();
        }
    }

    /**
     * Starts every master again (each with its {@code nodes.conf}) and waits until the cluster is ok.
     *
     * @throws IOException          when a node cannot be started or the cluster is not ok in time
     * @throws InterruptedException when interrupted while waiting
     */
    public void restartAll() throws IOException, InterruptedException {
        for (RedisNode node : nodes) {
            node.kill();
            node.start();
        }
        awaitOk();
    }

    /**
     * Waits until every node reports {@code cluster_state:ok} and knows all the others: the state
     * is {@code fail} for a moment after slots are assigned or a node comes back, while the nodes
     * exchange their configuration over the bus.
     */
    private void awaitOk() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + STATE_TIMEOUT.toNanos();
        for (RedisNode node : nodes) {
            while (!ok(node)) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("the Redis Cluster was not ok within " + STATE_TIMEOUT.toSeconds()
                            + " s on port " + node.port());
                }
                Thread.sleep(100);
            }
        }
    }

    private boolean ok(RedisNode node) {
        try {
            String info = node.call(connection -> {
                RedisCommands<String, String> sync = connection.sync();
                return sync.clusterInfo();
            });
            return info.contains("cluster_state:ok") && info.contains("cluster_known_nodes:" + nodes.size());
        } catch (RuntimeException notAnswering) {
            return false;
        }
    }

    /** Stops every master. */
    @Override
    public void close() {
        stopQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting: the hook runs anyway
        }
    }

    private void stopQuietly() {
        for (RedisNode node : nodes) {
            try {
                node.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
