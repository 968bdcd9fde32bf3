package dev.cartflow.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rows the load driver appends for benchmarks/run-all.sh. */
class LoadDriverResultsTest {
    @TempDir
    Path temp;

    @Test
    void appendResult_twoRows_appendsOneJsonObjectPerLineWithTheSuiteFirst() throws Exception {
        Path directory = temp.resolve("results");
        double engine = 812.5;
        double pgbench = 1020.25;

        LoadDriver.appendResult(directory.toString(), LoadDriver.row("variant", "engine", "clients", 4,
                "throughput", engine, "errors", 3L));
        LoadDriver.appendResult(directory.toString(), LoadDriver.row("variant", "pgbench", "clients", 4,
                "throughput", pgbench));

        List<String> lines = Files.readAllLines(directory.resolve("jdbi-load.jsonl"));
        assertThat(lines).hasSize(2);
        ObjectMapper json = new ObjectMapper();
        JsonNode first = json.readTree(lines.get(0));
        assertThat(first.fieldNames().next()).isEqualTo("suite");
        assertThat(first.get("suite").asText()).isEqualTo("jdbi-load");
        assertThat(first.get("variant").asText()).isEqualTo("engine");
        assertThat(first.get("clients").asInt()).isEqualTo(4);
        assertThat(first.get("throughput").asDouble()).isEqualTo(engine);
        assertThat(first.get("errors").asLong()).isEqualTo(3);
        assertThat(json.readTree(lines.get(1)).get("throughput").asDouble()).isEqualTo(pgbench);
    }
}
