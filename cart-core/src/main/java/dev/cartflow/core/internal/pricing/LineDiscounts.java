package dev.cartflow.core.internal.pricing;

import dev.cartflow.model.LineDiscount;
import dev.cartflow.model.internal.LineDiscountList;
import java.util.Currency;
import java.util.List;

/**
 * The kept option's shares regrouped by line: each line's discounts, in evaluation order, as a
 * range of two arrays shared by the whole cart ({@link LineDiscountList}). One object per line with
 * discounts, instead of a list and two arrays per line (or a {@code LineDiscount} and a {@code Money}
 * per share), the largest allocation of a cart with many promotions.
 */
final class LineDiscounts {
    /** No line has a discount: shared, so that a cart without discounts allocates nothing here. */
    private static final LineDiscounts NONE = new LineDiscounts(null, null, null, null);

    private final String[] ids;
    private final long[] amounts;
    /** Where each line's range ends; line {@code i}'s starts where line {@code i - 1}'s ends (line 0's at 0). */
    private final int[] end;
    private final Currency currency;

    private LineDiscounts(String[] ids, long[] amounts, int[] end, Currency currency) {
        this.ids = ids;
        this.amounts = amounts;
        this.end = end;
        this.currency = currency;
    }

    /**
     * Regroups the shares of {@code pass} over {@code lines} lines: line by line, each line's shares
     * in evaluation order. Every (line, giving promotion) pair is written and the write position
     * moves on only for a share above zero, so that no branch depends on the shares (about half of
     * the pairs have one, which a branch would mispredict).
     */
    static LineDiscounts of(PromotionPass pass, int lines, Currency currency) {
        int total = pass.shareCount();
        if (total == 0) {
            return NONE;
        }
        int givers = pass.givingCount();
        String[] giverIds = new String[givers];
        long[][] giverShares = new long[givers][];
        for (int g = 0; g < givers; g++) {
            int k = pass.giving(g);
            giverIds[g] = pass.promotion(k).id();
            giverShares[g] = pass.shares(k);
        }
        // one place more than the shares: the pair after the last share is written there and dropped
        String[] ids = new String[total + 1];
        long[] amounts = new long[total + 1];
        int[] end = new int[lines];
        int at = 0;
        for (int line = 0; line < lines; line++) {
            for (int g = 0; g < givers; g++) {
                long share = giverShares[g][line];
                ids[at] = giverIds[g];
                amounts[at] = share;
                at += (int) (-share >>> 63); // shares are never negative
            }
            end[line] = at;
        }
        return new LineDiscounts(ids, amounts, end, currency);
    }

    /** The discounts of {@code line}, in evaluation order. */
    List<LineDiscount> of(int line) {
        if (end == null) {
            return List.of();
        }
        int from = line == 0 ? 0 : end[line - 1];
        int to = end[line];
        return from == to ? List.of() : new LineDiscountList(ids, amounts, from, to, currency);
    }
}
