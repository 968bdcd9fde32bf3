package dev.cartflow.core.privacy;

import dev.cartflow.error.CartException;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an erasure touched: per store ({@code repository}, {@code promotionUsage}, {@code audit}, or
 * the name an extra store was given), per kind of record ({@code cart}, {@code line}, {@code event},
 * {@code idempotency}, {@code redemption}, ...), how many records were deleted or anonymized. Only
 * kinds with at least one record appear, so a second erasure of the same customer is
 * {@link #isEmpty() empty}.
 *
 * @param subject the customer's keyed pseudonym (the id in clear is not repeated here, so a report can
 *                be logged)
 * @param touched per store, per kind, the count; sorted by name
 */
public record ErasureReport(String subject, Map<String, Map<String, Integer>> touched) {

    /**
     * Validates and copies, dropping zero counts and stores with none.
     *
     * @param subject not null
     * @param touched not null, with no null or negative count
     * @throws CartException {@code INVALID_INPUT} when a value is missing or a count is negative
     */
    public ErasureReport {
        CartException.requireNonNull(subject, "subject");
        CartException.requireNonNull(touched, "touched");
        Map<String, Map<String, Integer>> copy = new TreeMap<>();
        touched.forEach((store, kinds) -> {
            Map<String, Integer> counts = new TreeMap<>();
            CartException.requireNonNull(kinds, "kinds").forEach((kind, count) -> {
                if (count == null || count < 0) {
                    throw CartException.invalidInput("a count must not be negative");
                }
                if (count > 0) {
                    counts.put(kind, count);
                }
            });
            if (!counts.isEmpty()) {
                copy.put(store, Collections.unmodifiableMap(counts));
            }
        });
        touched = Collections.unmodifiableMap(copy);
    }

    /**
     * How many records of one kind a store touched.
     *
     * @param store the store's name
     * @param kind  the kind of record
     * @return the count, 0 when none
     */
    public int count(String store, String kind) {
        return touched.getOrDefault(store, Map.of()).getOrDefault(kind, 0);
    }

    /**
     * All records touched, over every store and kind.
     *
     * @return the sum of every count, 0 when nothing was touched
     */
    public long total() {
        return touched.values().stream().flatMap(m -> m.values().stream()).mapToLong(Integer::longValue).sum();
    }

    /**
     * True when nothing was touched (an unknown customer, or one erased before).
     *
     * @return whether no store touched any record
     */
    public boolean isEmpty() {
        return touched.isEmpty();
    }
}
