package dev.cartflow.benchmarks.cluster;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What one check found: passed, failed, or pending (what it needs is not there yet: it says what),
 * with the figures it measured, in the order it measured them.
 *
 * @param check   the check's name
 * @param status  the outcome
 * @param figures the figures, by name
 * @param detail  why it failed or is pending, or what it proved
 */
record Verdict(String check, Status status, Map<String, Object> figures, String detail) {
    /** A check's outcome. */
    enum Status { PASS, FAIL, PENDING }

    Verdict {
        figures = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(figures));
    }

    static Verdict of(String check, boolean passed, Map<String, Object> figures, String detail) {
        return new Verdict(check, passed ? Status.PASS : Status.FAIL, figures, detail);
    }

    static Verdict pending(String check, String why) {
        return new Verdict(check, Status.PENDING, Map.of(), why);
    }

    boolean passed() {
        return status == Status.PASS;
    }

    /** The figures as {@code name=value} pairs, for a table cell or an assertion message. */
    String figuresText() {
        return figures.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return check + ": " + status + " (" + figuresText() + ")" + (detail.isEmpty() ? "" : " " + detail);
    }
}
