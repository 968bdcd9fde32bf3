package dev.cartflow.benchmarks.servers;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import redis.embedded.core.ExecutableProvider;

/**
 * One {@code redis-server} process from embedded-redis's bundled binary, on 127.0.0.1 and a fixed
 * port of its own, with its working directory (where a cluster node keeps {@code nodes.conf}) and
 * its log. The process is run here rather than through embedded-redis's {@code RedisServer} so that
 * it can be killed with SIGKILL and started again in the same directory.
 */
final class RedisNode {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

    private final Path binary;
    private final Path directory;
    private final int port;
    private final List<String> settings;
    private Process process;

    RedisNode(Path binary, Path directory, int port, List<String> settings) {
        this.binary = binary;
        this.directory = directory;
        this.port = port;
        this.settings = List.copyOf(settings);
    }

    /** Extracts the bundled redis-server into {@code directory} (once per directory) and returns its path. */
    static Path binary(Path directory) throws IOException {
        Files.createDirectories(directory);
        Path binary = ExecutableProvider.newJarResourceProvider(directory.toFile()).get().toPath();
        if (!Files.isExecutable(binary) && !binary.toFile().setExecutable(true)) {
            throw new IOException("cannot make " + binary + " executable");
        }
        return binary;
    }

    int port() {
        return port;
    }

    String uri() {
        return "redis://127.0.0.1:" + port;
    }

    /** Starts the server (nothing persisted but a cluster node's {@code nodes.conf}) and waits until it answers PING. */
    synchronized void start() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("redis on port " + port + " is already running");
        }
        Files.createDirectories(directory);
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--port", Integer.toString(port),
                "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", directory.toString()));
        for (String setting : settings) {
            // "name value" from the settings becomes "--name value" on the command line
            String[] parts = setting.split(" ");
            command.add("--" + parts[0]);
            command.addAll(List.of(parts).subList(1, parts.length));
        }
        process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("redis.log").toFile())).start();
        awaitPing();
    }

    /** Ends the server with SIGKILL, as a crash would, and waits until it is gone. */
    synchronized void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Ends the server with SIGTERM, forcibly after 10 s. */
    synchronized void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    synchronized boolean alive() {
        return process != null && process.isAlive();
    }

    /** Runs commands on a connection of its own to this node (administration: cluster set-up, checks). */
    <T> T call(Function<StatefulRedisConnection<String, String>, T> commands) {
        RedisClient client = RedisClient.create(RedisURI.builder().withHost("127.0.0.1").withPort(port)
                .withTimeout(Duration.ofSeconds(5)).build());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return commands.apply(connection);
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    private void awaitPing() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IOException("redis-server on port " + port + " exited with " + process.exitValue()
                        + "; see " + directory.resolve("redis.log"));
            }
            try {
                if ("PONG".equals(call(connection -> connection.sync().ping()))) {
                    return;
                }
            } catch (RuntimeException notYetListening) {
                // the port is not open yet: poll again until the deadline
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("redis-server on port " + port + " did not answer within "
                        + READY_TIMEOUT.toSeconds() + " s");
            }
            Thread.sleep(50);
        }
    }
}
