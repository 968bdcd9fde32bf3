package dev.cartflow.benchmarks.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlResultsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static StepResult step() {
        StepStats stats = new StepStats();
        for (int i = 1; i <= 1000; i++) {
            stats.record(StepStats.Kind.READ, 200, i * 1_000_000L); // 1 to 1000 ms
        }
        stats.record(StepStats.Kind.CHECKOUT, 503, "PROVIDER_UNAVAILABLE", 2_000_000L);
        return new StepResult(4, stats, Duration.ofSeconds(10), "1.5", "2.5");
    }

    @Test
    void append_twoRows_writesOneJsonObjectPerLineWithTheCommonKeys(@TempDir Path dir) throws Exception {
        StepResult step = step();
        Instant started = Instant.parse("2026-12-01T18:00:00Z");
        Map<String, Object> row = JsonlResults.stepRow("http-load", "in-memory", step, started);
        row.put("ratio_to_trivial", 0.61);

        JsonlResults results = JsonlResults.in(dir.resolve("results"));
        results.append(row);
        results.append(JsonlResults.stepRow("http-load", "trivial", step, started));

        List<String> lines = Files.readAllLines(dir.resolve("results/http-load.jsonl"));
        assertThat(lines).hasSize(2);
        JsonNode first = JSON.readTree(lines.get(0));
        assertThat(first.get("suite").asText()).isEqualTo("http-load");
        assertThat(first.get("variant").asText()).isEqualTo("in-memory");
        assertThat(first.get("clients").asInt()).isEqualTo(4);
        assertThat(first.get("throughput").asDouble()).isEqualTo(step.stats().requests() / 10.0);
        assertThat(first.get("p50_ms").asDouble()).isEqualTo(step.stats().percentileMicros(50) / 1000.0);
        assertThat(first.get("p99_ms").isNumber()).isTrue();
        assertThat(first.get("p999_ms").asDouble()).isEqualTo(step.stats().percentileMicros(99.9) / 1000.0);
        assertThat(first.get("errors").asLong()).isEqualTo(1);
        assertThat(first.get("started").asText()).isEqualTo(started.toString());
        assertThat(first.get("ratio_to_trivial").asDouble()).isEqualTo(0.61);
        assertThat(JSON.readTree(lines.get(1)).get("variant").asText()).isEqualTo("trivial");
    }

    @Test
    void append_withoutDirectory_writesNothing(@TempDir Path dir) throws Exception {
        JsonlResults.in(null).append(JsonlResults.stepRow("http-load", "in-memory", step(), Instant.now()));

        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void append_rowWithoutSuite_isRefused(@TempDir Path dir) {
        assertThatThrownBy(() -> JsonlResults.in(dir).append(Map.of("variant", "x")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
