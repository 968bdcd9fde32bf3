package dev.cartflow.benchmarks.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The suites' rows for {@code benchmarks/run-all.sh}: one JSON object per line appended to
 * {@code $CARTFLOW_RESULTS/<suite>.jsonl}, only when that variable names a directory (created when
 * missing); without it nothing is written. Keys as the common results format names them
 * ({@code suite}, {@code variant}, {@code clients}, {@code throughput}, {@code p50_ms}, ...).
 */
final class JsonlResults {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path directory;

    private JsonlResults(Path directory) {
        this.directory = directory;
    }

    /** The rows go to {@code CARTFLOW_RESULTS}, or nowhere when it is unset or blank. */
    static JsonlResults fromEnvironment() {
        String dir = System.getenv("CARTFLOW_RESULTS");
        return new JsonlResults(dir == null || dir.isBlank() ? null : Path.of(dir));
    }

    /** The rows go to {@code directory}, or nowhere for null. */
    static JsonlResults in(Path directory) {
        return new JsonlResults(directory);
    }

    /** The figures of one measured step, as a row's common keys. */
    static Map<String, Object> stepRow(String suite, String variant, StepResult result, Instant started) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("suite", suite);
        row.put("variant", variant);
        row.put("clients", result.clients());
        row.put("throughput", Math.round(result.throughput() * 10) / 10.0);
        row.put("p50_ms", millis(result.stats().percentileMicros(50)));
        row.put("p99_ms", millis(result.stats().percentileMicros(99)));
        row.put("p999_ms", millis(result.stats().percentileMicros(99.9)));
        row.put("errors", result.stats().errors());
        row.put("requests", result.stats().requests());
        row.put("started", started.toString());
        row.put("load_before", result.loadBefore());
        row.put("load_after", result.loadAfter());
        return row;
    }

    private static double millis(long micros) {
        return micros / 1000.0;
    }

    /** Appends one row to {@code <suite>.jsonl} (the row's {@code suite}); does nothing without a directory. */
    void append(Map<String, Object> row) throws IOException {
        if (directory == null) {
            return;
        }
        Object suite = row.get("suite");
        if (!(suite instanceof String name) || name.isBlank()) {
            throw new IllegalArgumentException("a results row needs its suite: " + row);
        }
        Files.createDirectories(directory);
        Files.writeString(directory.resolve(name + ".jsonl"), JSON.writeValueAsString(row) + "\n",
                StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
