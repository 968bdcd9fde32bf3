package dev.cartflow.service.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Debian's Prometheus server ({@code prometheus} package) run by a test: loopback, a free port, a
 * configuration and data directory of its own under target/, stopped by {@link #close()}. Also
 * runs the package's {@code promtool}. Nothing is downloaded: without the package the test fails
 * with the apt command.
 */
final class PrometheusServer implements AutoCloseable {
    static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");
    static final Path PROMTOOL = Path.of("/usr/bin/promtool");
    /** The rule files of deploy/prometheus (the unit tests of promtool excluded). */
    static final List<Path> RULE_FILES = List.of(Path.of("deploy", "prometheus", "cartflow-recording.rules.yml"),
            Path.of("deploy", "prometheus", "cartflow-alerts.rules.yml"));
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final Path directory;
    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    private PrometheusServer(Process process, Path directory, int port) {
        this.process = process;
        this.directory = directory;
        this.base = "http://127.0.0.1:" + port;
    }

    /** Fails the test, naming the apt command, unless Debian's prometheus package is installed. */
    static void requireInstalled() {
        assertThat(Files.isExecutable(PROMETHEUS) && Files.isExecutable(PROMTOOL))
                .withFailMessage("the monitoring tests need Debian's prometheus package (%s, %s): "
                        + "apt-get install -y --no-install-recommends prometheus", PROMETHEUS, PROMTOOL)
                .isTrue();
    }

    /** promtool with these arguments, in the module's directory; its exit code and everything it printed. */
    static Result promtool(String... arguments) {
        List<String> command = new ArrayList<>(List.of(PROMTOOL.toString()));
        command.addAll(List.of(arguments));
        try {
            Process run = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Result(run.waitFor(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while promtool ran", e);
        }
    }

    /** The exit code and the output of one promtool run. */
    record Result(int exitCode, String output) {
    }

    /**
     * A server scraping the service on that loopback port every second (job {@code cart-service}) with
     * the rule files of deploy/prometheus loaded; returns once it answers.
     */
    static PrometheusServer scraping(int servicePort) throws IOException, InterruptedException {
        Path directory = Files.createTempDirectory(Path.of("target"), "prometheus-");
        StringBuilder rules = new StringBuilder();
        for (Path file : RULE_FILES) {
            rules.append("  - ").append(file.toAbsolutePath()).append('\n');
        }
        Path config = Files.writeString(directory.resolve("prometheus.yml"), """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                rule_files:
                %sscrape_configs:
                  - job_name: cart-service
                    metrics_path: /actuator/prometheus
                    static_configs:
                      - targets: ['127.0.0.1:%d']
                """.formatted(rules, servicePort));
        int port = OpsServers.freePort();
        Process process = new ProcessBuilder(PROMETHEUS.toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + directory.resolve("data"), "--web.listen-address=127.0.0.1:" + port,
                "--log.level=warn")
                .redirectErrorStream(true).redirectOutput(directory.resolve("prometheus.log").toFile()).start();
        PrometheusServer server = new PrometheusServer(process, directory, port);
        server.awaitReady();
        return server;
    }

    private void awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("prometheus exited: " + log());
            }
            try {
                if (get("/-/ready").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("prometheus did not get ready: " + log());
    }

    /** The result vector of an instant query through the HTTP API ({@code /api/v1/query}). */
    JsonNode query(String promql) throws IOException, InterruptedException {
        return api("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)).path("result");
    }

    /** The {@code data} of a successful API answer, e.g. {@code /api/v1/rules} or {@code /api/v1/targets}. */
    JsonNode api(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> response = get(pathAndQuery);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("status").asString()).as(response.body()).isEqualTo("success");
        return body.path("data");
    }

    private HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** What the server logged (warnings and errors). */
    String log() {
        try {
            return Files.readString(directory.resolve("prometheus.log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Stops the server, waits for it, and removes its directory (kept when the server will not stop). */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        if (!process.isAlive()) {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            } catch (IOException e) {
                // a leftover under target/ is harmless; mvn clean removes it
            }
        }
    }
}
