package dev.cartflow.benchmarks.report;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One measured figure set of a suite, as one line of {@code $CARTFLOW_RESULTS/<suite>.jsonl}: the keys
 * of the common results format ({@code suite}, {@code variant}, {@code clients}, {@code throughput},
 * {@code p50_ms}, ...) plus free extra keys. Keys keep the order they were set in. Values are strings,
 * booleans or finite numbers: JSON has no NaN, so a figure that was not measured is left out rather than
 * written as a number it is not.
 */
public final class ResultRow {
    private final Map<String, Object> fields;

    private ResultRow(Map<String, Object> fields) {
        this.fields = fields;
    }

    /**
     * Starts a row of {@code suite} (for example {@code jdbi-load}) for {@code variant} (for example
     * {@code engine}); both non-blank, and the suite a plain file name.
     */
    public static ResultRow of(String suite, String variant) {
        if (suite == null || !suite.matches("[a-z0-9][a-z0-9._-]*")) {
            throw new IllegalArgumentException("suite must be a lowercase file name, not " + suite);
        }
        if (variant == null || variant.isBlank()) {
            throw new IllegalArgumentException("variant must not be blank");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("suite", suite);
        fields.put("variant", variant);
        return new ResultRow(fields);
    }

    /** A row read back from a results file; the map must hold {@code suite} and {@code variant}. */
    static ResultRow read(Map<String, Object> fields) {
        Object suite = fields.get("suite");
        Object variant = fields.get("variant");
        if (!(suite instanceof String) || !(variant instanceof String)) {
            throw new IllegalArgumentException("a result row needs string keys suite and variant: " + fields);
        }
        return new ResultRow(new LinkedHashMap<>(fields));
    }

    /** Number of concurrent clients, workers or readers. */
    public ResultRow clients(int clients) {
        return put("clients", clients);
    }

    /** Operations per second. */
    public ResultRow throughput(double operationsPerSecond) {
        return put("throughput", operationsPerSecond);
    }

    /** Median latency in milliseconds. */
    public ResultRow p50Ms(double millis) {
        return put("p50_ms", millis);
    }

    /** 99th percentile latency in milliseconds. */
    public ResultRow p99Ms(double millis) {
        return put("p99_ms", millis);
    }

    /** 99.9th percentile latency in milliseconds. */
    public ResultRow p999Ms(double millis) {
        return put("p999_ms", millis);
    }

    /** Failed operations. */
    public ResultRow errors(long errors) {
        return put("errors", errors);
    }

    /** Lines of the cart the figure was measured on. */
    public ResultRow lines(int lines) {
        return put("lines", lines);
    }

    /** Promotions given to pricing. */
    public ResultRow promotions(int promotions) {
        return put("promotions", promotions);
    }

    /** Pricing time per call in nanoseconds. */
    public ResultRow ns(double nanos) {
        return put("ns", nanos);
    }

    /** When the measurement started. */
    public ResultRow started(Instant started) {
        return put("started", Objects.requireNonNull(started, "started").toString());
    }

    /**
     * Sets a key of the common format or an extra one ({@code status_503}, {@code threads}, ...).
     *
     * @param value a {@link String}, a {@link Boolean} or a finite {@link Number}
     * @throws IllegalArgumentException for a blank key, {@code suite} or {@code variant} (fixed by
     *     {@link #of}), a non-finite number or a value of another type
     */
    public ResultRow put(String key, Object value) {
        if (key == null || key.isBlank() || key.equals("suite") || key.equals("variant")) {
            throw new IllegalArgumentException("not a settable key: " + key);
        }
        if (value instanceof Double || value instanceof Float) {
            if (!Double.isFinite(((Number) value).doubleValue())) {
                throw new IllegalArgumentException(key + " is not a finite number: " + value
                        + " (leave out what was not measured)");
            }
        } else if (!(value instanceof Number || value instanceof String || value instanceof Boolean)) {
            throw new IllegalArgumentException(key + " must be a string, boolean or number, not " + value);
        }
        fields.put(key, value);
        return this;
    }

    /** The suite, also the name of the file the row goes to. */
    public String suite() {
        return (String) fields.get("suite");
    }

    /** The variant. */
    public String variant() {
        return (String) fields.get("variant");
    }

    /** The number under {@code key}, empty when absent or not a number. */
    public OptionalDouble number(String key) {
        return fields.get(key) instanceof Number n ? OptionalDouble.of(n.doubleValue()) : OptionalDouble.empty();
    }

    /** The value under {@code key} as text, empty when absent. */
    public Optional<String> text(String key) {
        return Optional.ofNullable(fields.get(key)).map(String::valueOf);
    }

    /** Every key and value, in the order they were set. */
    public Map<String, Object> fields() {
        return Collections.unmodifiableMap(fields);
    }

    @Override
    public String toString() {
        return fields.toString();
    }
}
