package dev.cartflow.core.privacy;

import dev.cartflow.error.CartException;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one run of the retention job deleted, per kind of record ({@code cart}, {@code event},
 * {@code idempotency}, {@code audit}), summed over the stores.
 *
 * @param deleted per kind, the count (every kind of the policy appears, possibly with 0)
 */
public record RetentionReport(Map<String, Integer> deleted) {

    /**
     * Validates and copies.
     *
     * @param deleted not null; copied and sorted by kind
     */
    public RetentionReport {
        CartException.requireNonNull(deleted, "deleted");
        deleted = Collections.unmodifiableMap(new TreeMap<>(deleted));
    }

    /**
     * How many records of a kind were deleted.
     *
     * @param kind the kind
     * @return the count, 0 when none
     */
    public int deleted(String kind) {
        return deleted.getOrDefault(kind, 0);
    }

    /**
     * All records deleted in this run.
     *
     * @return the sum of every kind's count
     */
    public long total() {
        return deleted.values().stream().mapToLong(Integer::longValue).sum();
    }
}
