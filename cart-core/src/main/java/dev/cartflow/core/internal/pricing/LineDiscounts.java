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
    /** Where each line's range starts; line {@code i}'s ends where line {@code i + 1}'s starts. */
    private final int[] start;
    private final Currency currency;

    private LineDiscounts(String[] ids, long[] amounts, int[] start, Currency currency) {
        this.ids = ids;
        this.amounts = amounts;
        this.start = start;
        this.currency = currency;
    }

    /** Regroups the shares of {@code pass} over {@code lines} lines (a stable counting sort by line). */
    static LineDiscounts of(PromotionPass pass, int lines, Currency currency) {
        int total = pass.shareCount();
        if (total == 0) {
            return NONE;
        }
        int[] start = new int[lines + 1];
        for (int line = 0; line < lines; line++) {
            start[line + 1] = start[line] + pass.sharesOn(line);
        }
        String[] ids = new String[total];
        long[] amounts = new long[total];
        int[] next = new int[lines];
        System.arraycopy(start, 0, next, 0, lines);
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
        return new LineDiscounts(ids, amounts, start, currency);
    }

    /** The discounts of {@code line}, in evaluation order. */
    List<LineDiscount> of(int line) {
        if (start == null) {
            return List.of();
        }
        int from = start[line];
        int to = start[line + 1];
        return from == to ? List.of() : new LineDiscountList(ids, amounts, from, to, currency);
    }
}
