package dev.cartflow.benchmarks.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The {@code scale-out} rows of the shared results format: one JSON object per check appended to
 * {@code $CARTFLOW_RESULTS/scale-out.jsonl} (keys {@code suite}, {@code variant} = the check,
 * {@code passed}, {@code status}, {@code started}, {@code clients} and {@code errors} where the check
 * has them, and its figures as extra keys).
 */
final class Results {
    static final String SUITE = "scale-out";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Results() {
    }

    /** One row per verdict. */
    static List<String> rows(List<Verdict> verdicts, Instant started) {
        return verdicts.stream().map(verdict -> row(verdict, started)).toList();
    }

    static String row(Verdict verdict, Instant started) {
        ObjectNode row = JSON.createObjectNode();
        row.put("suite", SUITE);
        row.put("variant", verdict.check());
        row.put("passed", verdict.passed());
        row.put("status", verdict.status().name());
        row.put("started", started.toString());
        for (Map.Entry<String, Object> figure : verdict.figures().entrySet()) {
            row.set(figure.getKey(), JSON.valueToTree(figure.getValue()));
        }
        if (verdict.figures().containsKey("unresolved")) {
            row.put("errors", ((Number) verdict.figures().get("unresolved")).longValue());
        }
        return row.toString();
    }

    /** Appends the rows to {@code <directory>/scale-out.jsonl}, creating the directory if missing. */
    static Path append(Path directory, List<String> rows) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve(SUITE + ".jsonl");
        Files.write(file, rows, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return file;
    }
}
