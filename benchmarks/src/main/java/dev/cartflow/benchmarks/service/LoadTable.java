package dev.cartflow.benchmarks.service;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The load's figures as Markdown tables, ready to paste into docs/performance-notes.md. */
final class LoadTable {
    private LoadTable() {
    }

    /** One row per step: throughput, latency percentiles, non-2xx answers and the requests by kind. */
    static String steps(List<StepResult> results) {
        StringBuilder table = new StringBuilder();
        table.append("| clients | measured s | requests | req/s | p50 ms | p99 ms | p99.9 ms | max ms | non-2xx | ")
                .append("reads / adds / patches / checkouts / new carts | load avg before, after |\n");
        table.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (StepResult result : results) {
            StepStats stats = result.stats();
            table.append(String.format(Locale.ROOT,
                    "| %d | %.1f | %d | %.0f | %s | %s | %s | %s | %s | %d / %d / %d / %d / %d | %s, %s |%n",
                    result.clients(), result.elapsed().toMillis() / 1000.0, stats.requests(), result.throughput(),
                    millis(stats.percentileMicros(50)), millis(stats.percentileMicros(99)),
                    millis(stats.percentileMicros(99.9)), millis(stats.maxMicros()), failures(stats.failures()),
                    stats.requests(StepStats.Kind.READ), stats.requests(StepStats.Kind.ADD_LINE),
                    stats.requests(StepStats.Kind.SET_QUANTITY), stats.requests(StepStats.Kind.CHECKOUT),
                    stats.requests(StepStats.Kind.CREATE), result.loadBefore(), result.loadAfter()));
        }
        return table.toString();
    }

    /** p50 / p99 / p99.9 in ms of each kind of request, one column per step. */
    static String kinds(List<StepResult> results) {
        StringBuilder table = new StringBuilder("| request |");
        results.forEach(r -> table.append(' ').append(r.clients()).append(r.clients() == 1 ? " client" : " clients")
                .append(": p50 / p99 / p99.9 ms |"));
        table.append('\n').append("|---|").append("---|".repeat(results.size())).append('\n');
        for (StepStats.Kind kind : StepStats.Kind.values()) {
            table.append("| `").append(kind.request).append("` |");
            for (StepResult result : results) {
                StepStats stats = result.stats();
                table.append(stats.requests(kind) == 0 ? " - |" : " " + millis(stats.percentileMicros(kind, 50)) + " / "
                        + millis(stats.percentileMicros(kind, 99)) + " / " + millis(stats.percentileMicros(kind, 99.9))
                        + " |");
            }
            table.append('\n');
        }
        return table.toString();
    }

    /** Microseconds as milliseconds with two decimals. */
    static String millis(long micros) {
        return String.format(Locale.ROOT, "%.2f", micros / 1000.0);
    }

    /** Non-2xx answers as {@code status code xcount}, {@code 0} for none. */
    static String failures(Map<String, Long> failures) {
        if (failures.isEmpty()) {
            return "0";
        }
        return failures.entrySet().stream().map(e -> e.getKey() + " x" + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
