package dev.cartflow.core.merge;

import dev.cartflow.model.Cart;
import dev.cartflow.model.Checks;
import java.util.List;

/**
 * The result (or preview) of merging a guest cart into a customer's cart.
 *
 * @param cart      the customer's cart after the merge
 * @param guestCart the guest cart after the merge ({@code MERGED}), or the same cart when it became
 *                  the customer's because the customer had no active cart
 * @param lines     per-line differences, guest lines first in their order, then the customer's other lines
 * @param codes     the codes on the merged cart
 * @param preview   true when nothing was changed
 */
public record MergeResult(Cart cart, Cart guestCart, List<MergeLine> lines, List<String> codes, boolean preview) {
    /**
     * Copies.
     *
     * @param cart      the customer's cart
     * @param guestCart the guest cart
     * @param lines     the per-line report; copied
     * @param codes     the codes; copied
     * @param preview   whether nothing was changed
     */
    public MergeResult {
        lines = Checks.listOf(lines, "merge lines");
        codes = Checks.listOf(codes, "codes");
    }

    /**
     * The lines that were dropped.
     *
     * @return the lines with outcome {@link MergeLine.Outcome#DROPPED}, in the order of {@link #lines()}
     */
    public List<MergeLine> dropped() {
        return lines.stream().filter(l -> l.outcome() == MergeLine.Outcome.DROPPED).toList();
    }
}
