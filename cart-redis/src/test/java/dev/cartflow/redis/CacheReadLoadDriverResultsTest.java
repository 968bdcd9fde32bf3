package dev.cartflow.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rows the cache read driver appends for benchmarks/run-all.sh. */
class CacheReadLoadDriverResultsTest {
    @TempDir
    Path temp;

    @Test
    void appendResult_twoRows_appendsOneJsonObjectPerLineWithTheSuiteFirst() throws Exception {
        Path directory = temp.resolve("results");
        double cacheHit = 21_500.5;
        double redisBenchmark = 30_100.25;

        CacheReadLoadDriver.appendResult(directory.toString(),
                CacheReadLoadDriver.row("variant", "cache-hit", "clients", 16, "throughput", cacheHit, "bytes", 2048));
        CacheReadLoadDriver.appendResult(directory.toString(),
                CacheReadLoadDriver.row("variant", "redis-benchmark", "clients", 16, "throughput", redisBenchmark));

        List<String> lines = Files.readAllLines(directory.resolve("redis-load.jsonl"));
        assertThat(lines).hasSize(2);
        ObjectMapper json = new ObjectMapper();
        JsonNode first = json.readTree(lines.get(0));
        assertThat(first.fieldNames().next()).isEqualTo("suite");
        assertThat(first.get("suite").asText()).isEqualTo("redis-load");
        assertThat(first.get("variant").asText()).isEqualTo("cache-hit");
        assertThat(first.get("clients").asInt()).isEqualTo(16);
        assertThat(first.get("throughput").asDouble()).isEqualTo(cacheHit);
        assertThat(first.get("bytes").asInt()).isEqualTo(2048);
        assertThat(json.readTree(lines.get(1)).get("throughput").asDouble()).isEqualTo(redisBenchmark);
    }
}
