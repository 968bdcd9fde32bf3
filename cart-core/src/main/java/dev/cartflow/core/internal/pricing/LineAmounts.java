package dev.cartflow.core.internal.pricing;

/**
 * One amount in minor units per priced line (a line's running amount, or one promotion's share of
 * it), by line index. Mutable, owned by one pricing step at a time.
 */
final class LineAmounts {
    private final long[] amounts;

    LineAmounts(int lines) {
        amounts = new long[lines];
    }

    private LineAmounts(long[] amounts) {
        this.amounts = amounts;
    }

    long get(int line) {
        return amounts[line];
    }

    void set(int line, long amount) {
        amounts[line] = amount;
    }

    void subtract(int line, long amount) {
        amounts[line] -= amount;
    }

    /** An independent copy. */
    LineAmounts copy() {
        return new LineAmounts(amounts.clone());
    }
}
