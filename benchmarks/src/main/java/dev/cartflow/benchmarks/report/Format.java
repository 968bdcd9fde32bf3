package dev.cartflow.benchmarks.report;

import java.util.Locale;

/** How figures are printed on the page: few digits, never a locale's separators. */
final class Format {
    private Format() {
    }

    /** Whole numbers as they are; others with 0, 2 or 3 decimals by size. */
    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        double magnitude = Math.abs(value);
        String pattern = magnitude >= 100 ? "%.0f" : magnitude >= 1 ? "%.2f" : "%.3f";
        return String.format(Locale.ROOT, pattern, value);
    }

    /** Nanoseconds as microseconds with two decimals. */
    static String micros(double nanos) {
        return String.format(Locale.ROOT, "%.2f", nanos / 1000);
    }

    /** A value as a Markdown table cell: numbers by {@link #number}, pipes escaped. */
    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number n) {
            return number(n.doubleValue());
        }
        return String.valueOf(value).replace("|", "\\|").replace("\n", " ");
    }
}
