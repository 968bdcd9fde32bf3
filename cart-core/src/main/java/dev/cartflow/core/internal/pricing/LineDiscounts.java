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

    /** Regroups the shares of {@code pass} over {@code lines} lines (a stable counting sort by line). */
    static LineDiscounts of(PromotionPass pass, int lines, Currency currency) {
        int total = pass.shareCount();
        if (total == 0) {
            return NONE;
        }
        // each line's next free place: its range's start now, its end once filled
        int[] next = new int[lines];
        for (int line = 1; line < lines; line++) {
            next[line] = next[line - 1] + pass.sharesOn(line - 1);
        }
        String[] ids = new String[total];
        long[] amounts = new long[total];
        // promotions in evaluation order, so each line's range is in that order too
        for (int g = 0; g < pass.givingCount(); g++) {
            int k = pass.giving(g);
            String id = pass.promotion(k).id();
            long[] shares = pass.shares(k);
            for (int line = 0; line < lines; line++) {
                long share = shares[line];
                if (share > 0) {
                    int at = next[line]++;
                    ids[at] = id;
                    amounts[at] = share;
                }
            }
        }
        return new LineDiscounts(ids, amounts, next, currency);
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
