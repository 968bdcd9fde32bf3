package dev.cartflow.benchmarks.servers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A standalone Redis (embedded-redis's bundled binary) on 127.0.0.1 and a free port, nothing written
 * to disk. It can be killed (SIGKILL) and started again on the same port, so that clients configured
 * with its URI find it again: a Redis restart as operations would see one, with an empty data set.
 */
public final class LocalRedis implements AutoCloseable {
    private final RedisNode node;
    private final Thread stopOnExit;

    private LocalRedis(RedisNode node) {
        this.node = node;
        this.stopOnExit = new Thread(this::stopQuietly, "stop-local-redis");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /**
     * Starts a server and waits until it answers.
     *
     * @param workDirectory where the binary is extracted and the server's log is written
     * @return the running server
     * @throws IOException          when the server cannot be started
     * @throws InterruptedException when interrupted while waiting for it
     */
    public static LocalRedis start(Path workDirectory) throws IOException, InterruptedException {
        int port = FreePorts.loopback();
        RedisNode node = new RedisNode(RedisNode.binary(workDirectory.resolve("bin")),
                workDirectory.resolve("redis-" + port), port, List.of());
        LocalRedis redis = new LocalRedis(node);
        try {
            node.start();
        } catch (IOException | InterruptedException | RuntimeException e) {
            redis.close();
            throw e;
        }
        return redis;
    }

    /** @return the server's URI, {@code redis://127.0.0.1:<port>} */
    public String uri() {
        return node.uri();
    }

    /** @return the server's port */
    public int port() {
        return node.port();
    }

    /** @return whether the server process is running */
    public boolean alive() {
        return node.alive();
    }

    /**
     * Kills the server with SIGKILL and waits until the process is gone.
     *
     * @throws InterruptedException when interrupted while waiting
     */
    public void kill() throws InterruptedException {
        node.kill();
    }

    /**
     * Starts the server again on the same port (empty) after {@link #kill()}, and waits until it answers.
     *
     * @throws IOException          when it cannot be started
     * @throws InterruptedException when interrupted while waiting
     */
    public void restart() throws IOException, InterruptedException {
        node.kill();
        node.start();
    }

    /** Stops the server. */
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
        try {
            node.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
