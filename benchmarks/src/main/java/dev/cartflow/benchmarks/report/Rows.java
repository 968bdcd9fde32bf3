package dev.cartflow.benchmarks.report;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeSet;

/** Looking figures up in a suite's rows: when a cell was measured twice, the later row counts. */
final class Rows {
    private Rows() {
    }

    /** The last row of {@code variant} whose {@code key} equals {@code value}. */
    static Optional<ResultRow> last(List<ResultRow> rows, String variant, String key, double value) {
        ResultRow found = null;
        for (ResultRow row : rows) {
            if (row.variant().equals(variant) && row.number(key).orElse(Double.NaN) == value) {
                found = row;
            }
        }
        return Optional.ofNullable(found);
    }

    /** The {@code figure} of the last row of {@code variant} at {@code clients}. */
    static OptionalDouble atClients(List<ResultRow> rows, String variant, int clients, String figure) {
        return last(rows, variant, "clients", clients).map(r -> r.number(figure)).orElse(OptionalDouble.empty());
    }

    /** The pricing time of the last row of {@code mode} for a cart of {@code lines} and {@code promotions}. */
    static OptionalDouble pricingNs(List<ResultRow> rows, String mode, int lines, int promotions) {
        ResultRow found = null;
        for (ResultRow row : rows) {
            if (row.variant().equals(mode) && row.number("lines").orElse(-1) == lines
                    && row.number("promotions").orElse(-1) == promotions && row.number("ns").isPresent()) {
                found = row;
            }
        }
        return found == null ? OptionalDouble.empty() : found.number("ns");
    }

    /** The distinct values of the number {@code key}, ascending. */
    static TreeSet<Integer> distinct(List<ResultRow> rows, String key) {
        TreeSet<Integer> values = new TreeSet<>();
        rows.forEach(r -> r.number(key).ifPresent(v -> values.add((int) v)));
        return values;
    }

    /** The distinct variants in the order they first appear. */
    static List<String> variants(List<ResultRow> rows) {
        return rows.stream().map(ResultRow::variant).distinct().toList();
    }
}
