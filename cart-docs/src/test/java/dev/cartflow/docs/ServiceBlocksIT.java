package dev.cartflow.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the pages' blocks marked {@code <!-- run: service -->} (curl against the service, the gRPC
 * client of the executable jar) with bash against the executable jar started here on free loopback
 * ports: {@code http://localhost:8080} and {@code localhost:9090} in a block become this service's
 * addresses. The blocks of one page run in one shell, in page order, as a reader runs them; every
 * {@code curl} fails on an HTTP error ({@code --fail-with-body}), and a block that fails fails the test
 * with its output. Run by Failsafe after {@code package}; the jar's path comes in
 * {@code cartservice.exec-jar}.
 */
class ServiceBlocksIT {
    /** Generous: up to seven builds share two cores here. */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration BLOCK_TIMEOUT = Duration.ofMinutes(2);
    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    /** Every curl of a block fails on an HTTP status of 400 or more, and none waits forever. */
    private static final String PRELUDE = "set -euo pipefail\ncurl() { command curl --fail-with-body --max-time 30 \"$@\"; }\n";
    private static Process service;
    private static int httpPort;
    private static int grpcPort;
    private static Path work;

    @BeforeAll
    static void startService() throws Exception {
        Path jar = Path.of(System.getProperty("cartservice.exec-jar", "missing-exec.jar"));
        assertThat(jar).as("the service's executable jar (mvn package of examples/cart-service)").isRegularFile();
        work = Files.createDirectories(Path.of("target", "service-blocks-it").toAbsolutePath());
        httpPort = freePort();
        grpcPort = freePort();
        service = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + work, "-jar", jar.toString(), "--server.address=127.0.0.1",
                "--server.port=" + httpPort, "--cartservice.grpc.port=" + grpcPort)
                .redirectOutput(work.resolve("service.log").toFile()).redirectErrorStream(true).start();
        awaitReady();
    }

    @AfterAll
    static void stopService() throws InterruptedException {
        if (service != null) {
            service.destroy();
            if (!service.waitFor(30, TimeUnit.SECONDS)) {
                service.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void serviceBlocks_runAgainstTheService_exitZero() throws Exception {
        Map<Path, StringBuilder> scripts = new LinkedHashMap<>();
        List<PageBlocks.Block> blocks = PageBlocks.all().stream().filter(block -> "service".equals(block.run())).toList();
        for (PageBlocks.Block block : blocks) {
            assertThat(block.language()).as("%s: a service block is bash or sh", block.where()).isIn("bash", "sh");
            scripts.computeIfAbsent(block.page(), page -> new StringBuilder(PRELUDE))
                    .append("echo '### ").append(block.where()).append("'\n").append(forThisService(block.text())).append('\n');
        }
        assertThat(blocks).as("blocks marked <!-- run: service --> (README.md has the first)").isNotEmpty();

        for (Map.Entry<Path, StringBuilder> script : scripts.entrySet()) {
            run(script.getKey(), script.getValue().toString());
        }
    }

    @Test
    void forThisService_localAddresses_becomeTheTestsPorts() {
        String block = "curl -s http://localhost:8080/carts\njava -jar x.jar grpc-call --target=localhost:9090 get";

        assertThat(forThisService(block)).isEqualTo("curl -s http://127.0.0.1:" + httpPort + "/carts\n"
                + "java -jar x.jar grpc-call --target=127.0.0.1:" + grpcPort + " get");
    }

    private static String forThisService(String block) {
        return block.replace("http://localhost:8080", "http://127.0.0.1:" + httpPort)
                .replace("localhost:9090", "127.0.0.1:" + grpcPort);
    }

    private static void run(Path page, String script) throws Exception {
        String name = page.getFileName().toString().replace(".md", "");
        Path output = work.resolve(name + ".out");
        Process bash = new ProcessBuilder("bash", "-c", script).directory(REPOSITORY.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!bash.waitFor(BLOCK_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            bash.destroyForcibly();
            fail("the service blocks of %s did not end within %s; output:%n%s", page, BLOCK_TIMEOUT, read(output));
        }
        assertThat(bash.exitValue()).as("the service blocks of %s exited with %d; output:%n%s%nservice log: %s",
                page, bash.exitValue(), read(output), work.resolve("service.log")).isZero();
    }

    private static void awaitReady() throws InterruptedException, IOException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest readiness = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(30)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                fail("the service exited with %d before it was ready:%n%s", service.exitValue(), read(work.resolve("service.log")));
            }
            try {
                if (client.send(readiness, HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (ConnectException | HttpTimeoutException notReadyYet) {
                // the port opens late in start-up, and the first requests may wait for the servlet's start
            }
            Thread.sleep(250);
        }
        fail("the service was not ready within %s; its log is %s", START_TIMEOUT, work.resolve("service.log"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "(no output)";
    }
}
