package dev.cartflow.benchmarks.service;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * What one client (or, merged, one step) measured: the latency of every request in microseconds,
 * overall and by kind, in HdrHistogram's histograms (three significant digits), and the number of
 * answers by HTTP status ({@link #IO_ERROR} for a request that got no answer) and of the failures
 * by status and problem code. Not thread-safe: each client records into its own and the step
 * merges them.
 */
final class StepStats {
    /** The status recorded for a request that failed without an HTTP answer (timeout, refused). */
    static final int IO_ERROR = 0;

    /** The requests the load sends, as the table names them. */
    enum Kind {
        READ("GET /carts/{id}"),
        ADD_LINE("POST /carts/{id}/lines"),
        SET_QUANTITY("PATCH /carts/{id}/lines/{lineId}"),
        CHECKOUT("POST /carts/{id}/checkout"),
        CREATE("POST /carts"),
        CEILING("GET /benchmark/ceiling-cart");

        final String request;

        Kind(String request) {
            this.request = request;
        }
    }

    private final Histogram all = histogram();
    private final Map<Kind, Histogram> byKind = new EnumMap<>(Kind.class);
    private final SortedMap<Integer, Long> statuses = new TreeMap<>();
    private final SortedMap<String, Long> failures = new TreeMap<>();
    private final Map<Kind, Long> bytes = new EnumMap<>(Kind.class);
    private final Map<Kind, Long> sized = new EnumMap<>(Kind.class);

    StepStats() {
        for (Kind kind : Kind.values()) {
            byKind.put(kind, histogram());
        }
    }

    private static Histogram histogram() {
        Histogram histogram = new Histogram(3);
        histogram.setAutoResize(true);
        return histogram;
    }

    void record(Kind kind, int status, long nanos) {
        record(kind, status, null, nanos);
    }

    /**
     * Records one request; a non-2xx answer is also counted under its status and the problem's
     * {@code code} ({@code code} null when the answer had none).
     */
    void record(Kind kind, int status, String code, long nanos) {
        if (status / 100 != 2) {
            String failure = status == IO_ERROR ? "I/O" : code == null ? Integer.toString(status) : status + " " + code;
            failures.merge(failure, 1L, Long::sum);
        }
        long micros = Math.max(1, TimeUnit.NANOSECONDS.toMicros(nanos));
        all.recordValue(micros);
        byKind.get(kind).recordValue(micros);
        statuses.merge(status, 1L, Long::sum);
    }

    /** Adds the body size of one 2xx answer of a kind (for comparing the ceiling's answer with a read's). */
    void recordBytes(Kind kind, long size) {
        bytes.merge(kind, size, Long::sum);
        sized.merge(kind, 1L, Long::sum);
    }

    /** The mean body size in bytes of the 2xx answers of a kind, 0 when none. */
    long meanBytes(Kind kind) {
        long answers = sized.getOrDefault(kind, 0L);
        return answers == 0 ? 0 : bytes.getOrDefault(kind, 0L) / answers;
    }

    /** The non-2xx answers and requests without an answer. */
    long errors() {
        return failures.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Adds another client's figures to these. */
    void add(StepStats other) {
        all.add(other.all);
        for (Kind kind : Kind.values()) {
            byKind.get(kind).add(other.byKind.get(kind));
        }
        other.statuses.forEach((status, count) -> statuses.merge(status, count, Long::sum));
        other.failures.forEach((failure, count) -> failures.merge(failure, count, Long::sum));
        other.bytes.forEach((kind, size) -> bytes.merge(kind, size, Long::sum));
        other.sized.forEach((kind, count) -> sized.merge(kind, count, Long::sum));
    }

    long requests() {
        return all.getTotalCount();
    }

    long requests(Kind kind) {
        return byKind.get(kind).getTotalCount();
    }

    /** The latency at a percentile (0 to 100) of every request, in microseconds; 0 when none. */
    long percentileMicros(double percentile) {
        return all.getValueAtPercentile(percentile);
    }

    /** The latency at a percentile of one kind of request, in microseconds; 0 when none. */
    long percentileMicros(Kind kind, double percentile) {
        return byKind.get(kind).getValueAtPercentile(percentile);
    }

    long maxMicros() {
        return all.getMaxValue();
    }

    /** The number of answers by status, ascending. */
    SortedMap<Integer, Long> statuses() {
        return Collections.unmodifiableSortedMap(statuses);
    }

    /**
     * The answers that were not 2xx by status and problem code ({@code "422 OUT_OF_STOCK"},
     * {@code "503"} without a code, {@code "I/O"} for requests without an answer).
     */
    SortedMap<String, Long> failures() {
        return Collections.unmodifiableSortedMap(failures);
    }
}
