package dev.cartflow.benchmarks.servers;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The cart service's executable jar as a child process (its own JVM, so a test's threads and garbage
 * do not share its heap and JIT), with the {@code java} of this JVM: HTTP on 127.0.0.1 and a free
 * port, optionally gRPC on a free port, a profile, environment variables and arguments of the
 * caller's, its console appended to a log file. Ready means {@code /actuator/health/readiness}
 * answered 200. {@link #kill()} ends it with SIGKILL, as a crash would; {@link #restart()} starts it
 * again on the same ports with the same settings.
 */
public final class ServiceProcess implements AutoCloseable {
    /** The system property (set by Failsafe) that names the executable jar. */
    public static final String JAR_PROPERTY = "cartservice.exec-jar";
    private static final Path BUILT_JAR = Path.of("examples/cart-service/target/cartflow-cart-service-0.1.0-SNAPSHOT-exec.jar");

    private final List<String> command;
    private final Map<String, String> environment;
    private final Path log;
    private final URI base;
    private final int httpPort;
    private final int grpcPort;
    private final Duration readyTimeout;
    private final Thread stopOnExit;
    private Process process;
    private Duration lastStartup = Duration.ZERO;

    private ServiceProcess(Builder builder, int httpPort, int grpcPort) {
        this.httpPort = httpPort;
        this.grpcPort = grpcPort;
        this.base = URI.create("http://127.0.0.1:" + httpPort);
        this.environment = Map.copyOf(builder.environment);
        this.log = builder.log;
        this.readyTimeout = builder.readyTimeout;
        List<String> line = new ArrayList<>();
        line.add(ProcessHandle.current().info().command().orElse("java"));
        line.addAll(builder.jvmOptions);
        line.addAll(List.of("-jar", builder.jar.toString(), "--server.address=127.0.0.1", "--server.port=" + httpPort));
        if (builder.profile != null) {
            line.add("--spring.profiles.active=" + builder.profile);
        }
        line.add(grpcPort > 0 ? "--cartservice.grpc.port=" + grpcPort : "--cartservice.grpc.enabled=false");
        line.addAll(builder.arguments);
        this.command = List.copyOf(line);
        this.stopOnExit = new Thread(this::destroyOnExit, "stop-cart-service-" + httpPort);
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /**
     * The executable jar: the {@value #JAR_PROPERTY} system property, else the jar the cart-service
     * build leaves under {@code examples/cart-service/target} (relative to the working directory).
     *
     * @return its path
     */
    public static Path defaultJar() {
        String property = System.getProperty(JAR_PROPERTY);
        return property == null || property.isBlank() ? BUILT_JAR : Path.of(property);
    }

    /**
     * A new builder.
     *
     * @param jar the executable jar
     * @return the builder
     */
    public static Builder builder(Path jar) {
        return new Builder(jar);
    }

    /** @return {@code http://127.0.0.1:<port>} */
    public URI base() {
        return base;
    }

    /** @return the HTTP port */
    public int httpPort() {
        return httpPort;
    }

    /** @return the gRPC port, or 0 when gRPC is off */
    public int grpcPort() {
        return grpcPort;
    }

    /** @return the log file */
    public Path log() {
        return log;
    }

    /** @return the running child's process id, or -1 when none runs */
    public synchronized long pid() {
        return process != null && process.isAlive() ? process.pid() : -1;
    }

    /** @return whether the child runs */
    public synchronized boolean alive() {
        return process != null && process.isAlive();
    }

    /** @return how long the last start took until the service was ready */
    public synchronized Duration lastStartup() {
        return lastStartup;
    }

    /**
     * Kills the child with SIGKILL ({@link Process#destroyForcibly()}): no graceful shutdown, no
     * outbox flush, requests in flight cut off.
     *
     * @throws InterruptedException when interrupted while waiting for it to end
     */
    public synchronized void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    /**
     * Starts the child again on the same ports with the same settings (killing it first if it still
     * runs), and waits until it is ready.
     *
     * @throws IOException          when it exits or is not ready in time
     * @throws InterruptedException when interrupted while waiting
     */
    public synchronized void restart() throws IOException, InterruptedException {
        kill();
        launch();
    }

    /**
     * Stops the child gracefully (SIGTERM, as the service's graceful shutdown expects), forcibly after 30 s.
     *
     * @throws InterruptedException when interrupted while waiting
     */
    public synchronized void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** Stops the child (as {@link #stop()}). */
    @Override
    public void close() throws InterruptedException {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting: the hook runs anyway
        }
    }

    private synchronized void destroyOnExit() {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    private void launch() throws IOException, InterruptedException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        Files.writeString(log, "---- start: " + String.join(" ", command) + System.lineSeparator(),
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        long started = System.nanoTime();
        process = builder.start();
        awaitReady(base, process, readyTimeout);
        lastStartup = Duration.ofNanos(System.nanoTime() - started);
    }

    /**
     * Waits until {@code /actuator/health/readiness} of a service answers 200.
     *
     * @param base    the service's base URI
     * @param process the child it runs in, to stop waiting when it exits; null for a service started elsewhere
     * @param timeout how long to wait
     * @throws IOException          when the child exited or the service was not ready in time
     * @throws InterruptedException when interrupted while waiting
     */
    public static void awaitReady(URI base, Process process, Duration timeout) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest probe = HttpRequest.newBuilder(base.resolve("/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(10)).GET().build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (process != null && !process.isAlive()) {
                throw new IOException("the cart service at " + base + " exited with " + process.exitValue()
                        + " before it was ready");
            }
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // the port is not open yet: keep polling until the deadline
            }
            Thread.sleep(200);
        }
        throw new IOException("the cart service at " + base + " was not ready within " + timeout.toSeconds() + " s");
    }

    /**
     * Runs one of the jar's commands ({@code mint-token}, {@code grpc-call}) to its end and returns
     * its standard output.
     *
     * @param jar         the executable jar
     * @param arguments   the command and its arguments
     * @param environment variables added to this JVM's
     * @return what it printed on standard output, trimmed
     * @throws IOException          when it fails (its standard error in the message) or takes over a minute
     * @throws InterruptedException when interrupted while waiting
     */
    public static String runCommand(Path jar, List<String> arguments, Map<String, String> environment)
            throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-XX:TieredStopAtLevel=1", "-jar", jar.toString()));
        line.addAll(arguments);
        Path errors = Files.createTempFile("cart-service-command", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(line).redirectError(errors.toFile());
            builder.environment().putAll(environment);
            Process command = builder.start();
            byte[] out = command.getInputStream().readAllBytes();
            if (!command.waitFor(60, TimeUnit.SECONDS)) {
                command.destroyForcibly();
                throw new IOException(arguments.get(0) + " did not finish within 60 s");
            }
            if (command.exitValue() != 0) {
                throw new IOException(arguments.get(0) + " exited with " + command.exitValue() + ": "
                        + Files.readString(errors).strip());
            }
            return new String(out, StandardCharsets.UTF_8).strip();
        } finally {
            Files.deleteIfExists(errors);
        }
    }

    /** Settings of a {@link ServiceProcess}; {@link #start()} launches it. */
    public static final class Builder {
        private final Path jar;
        private final List<String> jvmOptions = new ArrayList<>();
        private final List<String> arguments = new ArrayList<>();
        private final Map<String, String> environment = new LinkedHashMap<>();
        private String profile;
        private boolean grpc;
        private Path log = Path.of("target", "cart-service.log");
        private Duration readyTimeout = Duration.ofMinutes(3);

        private Builder(Path jar) {
            this.jar = jar;
        }

        /**
         * Options of the child's JVM, such as {@code -Xmx256m}.
         *
         * @param options the options, in order
         * @return this builder
         */
        public Builder jvmOptions(List<String> options) {
            jvmOptions.addAll(options);
            return this;
        }

        /**
         * One environment variable of the child (added to this JVM's).
         *
         * @param name  its name
         * @param value its value
         * @return this builder
         */
        public Builder environment(String name, String value) {
            environment.put(name, value);
            return this;
        }

        /**
         * Arguments after the jar, such as {@code --cartflow.redis.cluster-nodes=...}.
         *
         * @param more the arguments, in order
         * @return this builder
         */
        public Builder arguments(List<String> more) {
            arguments.addAll(more);
            return this;
        }

        /**
         * The Spring profile to run ({@code postgres}); none gives the embedded defaults.
         *
         * @param name the profile
         * @return this builder
         */
        public Builder profile(String name) {
            profile = name;
            return this;
        }

        /**
         * Whether gRPC runs, on a free port; off by default. The service binds gRPC on every
         * interface (it has no address setting), so only turn it on where that is acceptable.
         *
         * @param on whether gRPC runs
         * @return this builder
         */
        public Builder grpc(boolean on) {
            grpc = on;
            return this;
        }

        /**
         * The file the child's console is appended to ({@code target/cart-service.log} by default).
         *
         * @param file the log file
         * @return this builder
         */
        public Builder log(Path file) {
            log = file;
            return this;
        }

        /**
         * How long a start may take until ready (3 minutes by default: the machine is shared).
         *
         * @param timeout the longest wait
         * @return this builder
         */
        public Builder readyTimeout(Duration timeout) {
            readyTimeout = timeout;
            return this;
        }

        /**
         * Starts the child on free ports and waits until it is ready; a child that fails to get ready
         * is killed.
         *
         * @return the running service
         * @throws IOException          when it exits or is not ready in time
         * @throws InterruptedException when interrupted while waiting
         */
        public ServiceProcess start() throws IOException, InterruptedException {
            if (!Files.isRegularFile(jar)) {
                throw new IOException("no executable jar at " + jar.toAbsolutePath()
                        + ": build it with mvn -pl examples/cart-service -am package -DskipTests");
            }
            int httpPort = FreePorts.loopback();
            int grpcPort = grpc ? FreePorts.loopback() : 0;
            ServiceProcess service = new ServiceProcess(this, httpPort, grpcPort);
            try {
                synchronized (service) {
                    service.launch();
                }
            } catch (IOException | InterruptedException | RuntimeException e) {
                service.kill();
                service.close();
                throw e;
            }
            return service;
        }
    }
}
