package dev.cartflow.benchmarks.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Every {@code *.jsonl} of a results directory, read back into rows by suite (the file's name).
 * A line that is not a JSON object with {@code suite} and {@code variant} (a driver killed mid-line)
 * is skipped and named in {@link #problems()}, so one broken suite cannot hide the others.
 */
final class ResultsDirectory {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final Map<String, List<ResultRow>> suites;
    private final List<String> problems;

    private ResultsDirectory(Map<String, List<ResultRow>> suites, List<String> problems) {
        this.suites = suites;
        this.problems = problems;
    }

    /** Reads {@code directory}; a missing directory has no rows. */
    static ResultsDirectory read(Path directory) {
        Map<String, List<ResultRow>> suites = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return new ResultsDirectory(suites, problems);
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".jsonl")).sorted().toList()) {
                String name = file.getFileName().toString();
                String suite = name.substring(0, name.length() - ".jsonl".length());
                List<ResultRow> rows = new ArrayList<>();
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    if (lines.get(i).isBlank()) {
                        continue;
                    }
                    try {
                        ResultRow row = ResultRow.read(JSON.readValue(lines.get(i), OBJECT));
                        if (!row.suite().equals(suite)) {
                            problems.add(name + " line " + (i + 1) + ": a row of suite " + row.suite());
                        }
                        rows.add(row);
                    } catch (JsonProcessingException | IllegalArgumentException e) {
                        problems.add(name + " line " + (i + 1) + ": not a result row, skipped");
                    }
                }
                if (!rows.isEmpty()) {
                    suites.put(suite, List.copyOf(rows));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the results in " + directory, e);
        }
        return new ResultsDirectory(suites, problems);
    }

    /** The rows of {@code suite} in file order; empty when it did not run. */
    List<ResultRow> rows(String suite) {
        return suites.getOrDefault(suite, List.of());
    }

    /** The suites that have rows, by name. */
    Map<String, List<ResultRow>> suites() {
        return Collections.unmodifiableMap(suites);
    }

    /** Lines that were skipped, and why. */
    List<String> problems() {
        return List.copyOf(problems);
    }
}
