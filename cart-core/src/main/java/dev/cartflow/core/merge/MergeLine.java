package dev.cartflow.core.merge;

import dev.cartflow.model.Sku;

/**
 * What a merge did, or would do, to one sku and warehouse.
 *
 * @param sku              the product
 * @param warehouse        the warehouse
 * @param guestQuantity    units in the guest cart (0 when absent)
 * @param customerQuantity units in the customer cart before the merge (0 when absent)
 * @param resultQuantity   units after the merge (0 when dropped)
 * @param outcome          what happened
 * @param reason           why a line was clamped or dropped (an error code name), or empty
 */
public record MergeLine(Sku sku, String warehouse, int guestQuantity, int customerQuantity, int resultQuantity,
                        Outcome outcome, String reason) {

    /** What happened to a line. */
    public enum Outcome {
        /** Only in the customer cart; unchanged. */
        KEPT,
        /** Only in the guest cart; copied. */
        ADDED,
        /** In both carts; combined by the policy. */
        COMBINED,
        /** Kept with fewer units than the policy asked for (product maximum, step or stock). */
        CLAMPED,
        /** Not kept: unknown product, not sold in the country, no stock, or a cart limit. */
        DROPPED
    }
}
