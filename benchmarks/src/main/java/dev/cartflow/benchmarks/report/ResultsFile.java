package dev.cartflow.benchmarks.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Where a driver appends its {@link ResultRow}s: one JSON object per line in
 * {@code <directory>/<suite>.jsonl}, the directory named by the environment variable
 * {@code CARTFLOW_RESULTS} (created when missing). Without that variable the file is disabled and
 * {@link #append} does nothing, so drivers call it unconditionally and print their tables as before.
 *
 * <pre>{@code
 * ResultsFile results = ResultsFile.fromEnvironment();
 * results.append(ResultRow.of("http-load", "in-memory").clients(4).throughput(opsPerSecond).p99Ms(p99));
 * }</pre>
 */
public final class ResultsFile {
    /** The environment variable naming the results directory. */
    public static final String ENVIRONMENT_VARIABLE = "CARTFLOW_RESULTS";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path directory;

    private ResultsFile(Path directory) {
        this.directory = directory;
    }

    /** The directory named by {@code CARTFLOW_RESULTS}, or a disabled file when it is unset or blank. */
    public static ResultsFile fromEnvironment() {
        String value = System.getenv(ENVIRONMENT_VARIABLE);
        return value == null || value.isBlank() ? new ResultsFile(null) : new ResultsFile(Path.of(value));
    }

    /** Rows go to {@code directory}. */
    public static ResultsFile in(Path directory) {
        if (directory == null) {
            throw new IllegalArgumentException("directory must not be null");
        }
        return new ResultsFile(directory);
    }

    /** The results directory, empty when disabled. */
    public Optional<Path> directory() {
        return Optional.ofNullable(directory);
    }

    /**
     * Appends {@code row} as one line to its suite's file; safe to call from several threads of one
     * driver. Does nothing when disabled.
     *
     * @throws UncheckedIOException when the directory or file cannot be written
     */
    public void append(ResultRow row) {
        if (directory == null) {
            return;
        }
        String line = line(row);
        synchronized (ResultsFile.class) {
            try {
                Files.createDirectories(directory);
                Files.writeString(directory.resolve(row.suite() + ".jsonl"), line, StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot append to the results in " + directory, e);
            }
        }
    }

    /** The row as one line of JSON, newline included. */
    static String line(ResultRow row) {
        try {
            return JSON.writeValueAsString(row.fields()) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a result row of strings and numbers did not serialize: " + row, e);
        }
    }
}
