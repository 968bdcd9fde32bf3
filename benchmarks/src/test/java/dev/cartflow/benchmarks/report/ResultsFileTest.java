package dev.cartflow.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsFileTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void append_twoRowsOfOneSuite_writesOneJsonObjectPerLineInTheSuitesFile() throws Exception {
        Path directory = temp.resolve("results/run-1");
        ResultsFile results = ResultsFile.in(directory);
        Instant started = Instant.parse("2026-12-01T18:00:00Z");
        double throughput = 1234.5;

        results.append(ResultRow.of("jdbi-load", "engine").clients(4).throughput(throughput).p50Ms(0.75)
                .p99Ms(3.5).errors(2).started(started));
        results.append(ResultRow.of("jdbi-load", "pgbench").clients(4).throughput(throughput * 2)
                .put("latency_avg_ms", 1.25));

        List<String> lines = Files.readAllLines(directory.resolve("jdbi-load.jsonl"), StandardCharsets.UTF_8);
        assertThat(lines).hasSize(2);
        JsonNode first = JSON.readTree(lines.get(0));
        assertThat(first.get("suite").asText()).isEqualTo("jdbi-load");
        assertThat(first.get("variant").asText()).isEqualTo("engine");
        assertThat(first.get("clients").isInt()).isTrue();
        assertThat(first.get("clients").asInt()).isEqualTo(4);
        assertThat(first.get("throughput").isNumber()).isTrue();
        assertThat(first.get("throughput").asDouble()).isEqualTo(throughput);
        assertThat(first.get("errors").asLong()).isEqualTo(2);
        assertThat(first.get("started").asText()).isEqualTo(started.toString());
        JsonNode second = JSON.readTree(lines.get(1));
        assertThat(second.get("throughput").asDouble()).isEqualTo(throughput * 2);
        assertThat(second.get("latency_avg_ms").asDouble()).isEqualTo(1.25);
    }

    @Test
    void append_rowsOfTwoSuites_writesEachToItsOwnFile() throws Exception {
        ResultsFile results = ResultsFile.in(temp);

        results.append(ResultRow.of("pricing", "exclusive").lines(100).promotions(20).ns(15_000));
        results.append(ResultRow.of("redis-load", "cache-hit").clients(1).throughput(20_000));

        try (var files = Files.list(temp)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("pricing.jsonl",
                    "redis-load.jsonl");
        }
        JsonNode pricing = JSON.readTree(Files.readString(temp.resolve("pricing.jsonl")));
        assertThat(pricing.get("lines").asInt()).isEqualTo(100);
        assertThat(pricing.get("promotions").asInt()).isEqualTo(20);
        assertThat(pricing.get("ns").asDouble()).isEqualTo(15_000);
    }

    @Test
    void append_fromManyThreads_keepsEveryLineWhole() throws Exception {
        ResultsFile results = ResultsFile.in(temp);
        int threads = 8;
        int rowsEach = 200;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            int thread = t;
            pool.submit(() -> {
                for (int i = 0; i < rowsEach; i++) {
                    results.append(ResultRow.of("http-soak", "postgres-redis").clients(thread).put("sample", i)
                            .put("note", "x".repeat(500)));
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        List<String> lines = Files.readAllLines(temp.resolve("http-soak.jsonl"));
        assertThat(lines).hasSize(threads * rowsEach);
        for (String line : lines) {
            assertThat(JSON.readTree(line).get("note").asText()).hasSize(500);
        }
    }

    @Test
    void append_disabledFile_writesNothing() throws Exception {
        ResultsFile disabled = ResultsFile.fromEnvironment();
        if (disabled.directory().isPresent()) {
            return; // the build itself runs with CARTFLOW_RESULTS set: nothing to check here
        }

        disabled.append(ResultRow.of("pricing", "exclusive").ns(1));

        try (var files = Files.list(temp)) {
            assertThat(files).isEmpty();
        }
        assertThat(disabled.directory()).isEmpty();
    }

    @Test
    void put_notANumber_isRejected() {
        ResultRow row = ResultRow.of("redis-load", "cache-hit");

        assertThatThrownBy(() -> row.throughput(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("throughput");
        assertThatThrownBy(() -> row.put("ratio", Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(row.fields()).doesNotContainKeys("throughput", "ratio");
    }

    @Test
    void put_suiteOrUnsupportedValue_isRejected() {
        ResultRow row = ResultRow.of("pricing", "exclusive");

        assertThatThrownBy(() -> row.put("suite", "other")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> row.put("when", Instant.EPOCH)).isInstanceOf(IllegalArgumentException.class);
        assertThat(row.suite()).isEqualTo("pricing");
    }

    @Test
    void of_suiteThatIsNoPlainFileName_isRejected() {
        assertThatThrownBy(() -> ResultRow.of("../pricing", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ResultRow.of("Pricing", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ResultRow.of("pricing", " ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void number_textValue_isEmptyButTextIsThere() {
        ResultRow row = ResultRow.of("scale-out", "lost-updates").put("verdict", "pass").put("carts", 16);

        assertThat(row.number("verdict")).isEmpty();
        assertThat(row.text("verdict")).contains("pass");
        assertThat(row.number("carts").getAsDouble()).isEqualTo(16);
    }
}
