package dev.cartflow.benchmarks.service;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The cart service the load runs against, on loopback only: either the executable jar started as a
 * child process (its own JVM, so the driver's threads and garbage do not share the service's heap
 * and JIT) on a free loopback port, or a service already running at a loopback address. Ready
 * means {@code /actuator/health/readiness} answered 200.
 */
final class ServiceUnderLoad implements AutoCloseable {
    /**
     * How long a started service may take to become ready: 3 minutes, or the seconds of the
     * {@code cartflow.load.ready-timeout} system property (a start took longer than 3 minutes at a load
     * average of 50 on this shared machine).
     */
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(Long.getLong("cartflow.load.ready-timeout", 180));

    private final URI base;
    private final Process process;
    private final Thread stopOnExit;

    private ServiceUnderLoad(URI base, Process process) {
        this.base = base;
        this.process = process;
        this.stopOnExit = process == null ? null : new Thread(process::destroy, "stop-cart-service");
        if (stopOnExit != null) {
            Runtime.getRuntime().addShutdownHook(stopOnExit);
        }
    }

    /**
     * Starts the executable jar with the same {@code java} as this driver, bound to 127.0.0.1 on a
     * free port, its output in {@code log}, and waits until it is ready.
     */
    static ServiceUnderLoad start(Path jar, List<String> jvmOptions, Path log)
            throws IOException, InterruptedException {
        return start(jar, jvmOptions, List.of(), Map.of(), log);
    }

    /**
     * Starts the executable jar as {@link #start(Path, List, Path)} does, with further Spring Boot
     * arguments ({@code --name=value}) and environment variables for the child.
     */
    static ServiceUnderLoad start(Path jar, List<String> jvmOptions, List<String> arguments,
                                  Map<String, String> environment, Path log) throws IOException, InterruptedException {
        int port = freeLoopbackPort();
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        // the gRPC port too: a fixed one would collide with other services on the machine
        command.addAll(List.of("-jar", jar.toString(), "--server.address=127.0.0.1", "--server.port=" + port,
                "--cartservice.grpc.port=0"));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().putAll(environment);
        Process process = builder.start();
        ServiceUnderLoad service = new ServiceUnderLoad(URI.create("http://127.0.0.1:" + port), process);
        try {
            service.awaitReady();
        } catch (IOException | InterruptedException | RuntimeException e) {
            service.close();
            throw e;
        }
        return service;
    }

    /** A service already running at a loopback address (refuses any other host). */
    static ServiceUnderLoad running(URI base) throws IOException, InterruptedException {
        requireLoopback(base);
        ServiceUnderLoad service = new ServiceUnderLoad(base, null);
        service.awaitReady();
        return service;
    }

    static void requireLoopback(URI base) throws IOException {
        if (base.getHost() == null || !InetAddress.getByName(base.getHost()).isLoopbackAddress()) {
            throw new IllegalArgumentException("the load runs against loopback only, not " + base);
        }
    }

    URI base() {
        return base;
    }

    /** The child's process id, or -1 for a service this driver did not start. */
    long pid() {
        return process == null ? -1 : process.pid();
    }

    private void awaitReady() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest probe = HttpRequest.newBuilder(base.resolve("/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(10)).GET().build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (process != null && !process.isAlive()) {
                throw new IOException("the cart service exited with " + process.exitValue() + " before it was ready");
            }
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // the port is not open yet: keep polling until the deadline
            }
            Thread.sleep(250);
        }
        throw new IOException("the cart service was not ready within " + READY_TIMEOUT.toSeconds() + " s");
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        }
    }

    /** Stops a child gracefully (SIGTERM, as the service's graceful shutdown expects), forcibly after 30 s. */
    @Override
    public void close() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already exiting: the hook runs anyway, and the process is gone
        }
    }
}
