package dev.cartflow.service.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The executable jar as an operator runs it ({@code java -jar ...-exec.jar --server.port=N}), in a
 * process of its own: it becomes ready, serves a cart, logs JSON lines and stops gracefully on
 * SIGTERM. Run by Failsafe after {@code package}; the jar's path comes in {@code cartservice.exec-jar}.
 */
class ExecutableJarIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    // generous: up to seven builds share two cores here
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration STOP_TIMEOUT = Duration.ofMinutes(1);
    /** What the JVM answers to SIGTERM once its shutdown hooks (Spring's close) have run. */
    private static final int EXIT_AFTER_SIGTERM = 128 + 15;

    private Process service;

    @AfterEach
    void stopLeftover() {
        if (service != null && service.isAlive()) {
            service.destroyForcibly();
        }
    }

    @Test
    void executableJar_startedWithServerPort_servesLogsJsonAndStopsGracefullyOnSigterm() throws Exception {
        Path jar = Path.of(System.getProperty("cartservice.exec-jar", "target/missing-exec.jar"));
        assertThat(jar).as("the executable jar built by package").isRegularFile();
        Path logs = Files.createDirectories(Path.of("target", "exec-jar-it"));
        Path stdout = logs.resolve("stdout.log");
        Path stderr = logs.resolve("stderr.log");
        int port = OpsServers.freePort();
        service = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + logs.toAbsolutePath(), "-jar", jar.toString(),
                "--server.port=" + port, "--cartservice.grpc.port=0")
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        ServiceClient http = new ServiceClient(port);

        awaitReady(http, stdout);
        ServiceClient.Reply created = http.send("POST", "/carts", "{\"currency\":\"EUR\",\"country\":\"DE\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String token = created.json().path("token").asString();
        service.destroy(); // SIGTERM
        boolean exited = service.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);

        assertThat(exited).as("exited after SIGTERM within %s", STOP_TIMEOUT).isTrue();
        assertThat(service.exitValue()).isEqualTo(EXIT_AFTER_SIGTERM);
        List<JsonNode> lines = jsonLines(stdout);
        assertThat(lines).allSatisfy(line -> assertThat(line.has("@timestamp") && line.path("log").has("level")
                && line.has("message")).as("an ECS log line: %s", line).isTrue());
        assertThat(lines).extracting(line -> line.path("message").asString())
                .anySatisfy(message -> assertThat(message).startsWith("Started CartServiceApplication"))
                .anySatisfy(message -> assertThat(message).startsWith("Commencing graceful shutdown"))
                .anySatisfy(message -> assertThat(message).startsWith("Graceful shutdown complete"));
        assertThat(Files.readString(stdout)).doesNotContain(token);
    }

    private void awaitReady(ServiceClient http, Path stdout) throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                fail("the service exited with %d before it was ready; its output is in %s", service.exitValue(), stdout);
            }
            try {
                ServiceClient.Reply readiness = http.get("/actuator/health/readiness");
                if (readiness.status() == 200 && "UP".equals(readiness.json().path("status").asString())) {
                    return;
                }
            } catch (UncheckedIOException notListeningYet) {
                // the port opens late in start-up
            }
            Thread.sleep(250);
        }
        fail("not ready within %s; its output is in %s", START_TIMEOUT, stdout);
    }

    /** Every non-blank line of the output, each of which must be one JSON object. */
    private static List<JsonNode> jsonLines(Path output) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(output, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode json = JSON.readTree(line);
                assertThat(json.isObject()).as("a JSON object: %s", line).isTrue();
                lines.add(json);
            } catch (JacksonException e) {
                fail("a log line that is not JSON: %s", line);
            }
        }
        assertThat(lines).isNotEmpty();
        return lines;
    }
}
