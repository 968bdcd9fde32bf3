package dev.cartflow.core.internal.pricing;

import dev.cartflow.model.LineDiscount;
import dev.cartflow.model.internal.LineDiscountColumns;
import dev.cartflow.model.internal.LineDiscountList;
import java.util.Currency;
import java.util.List;

/**
 * The kept option's shares as each line's discounts, in evaluation order, without a
 * {@code LineDiscount} and a {@code Money} per share (the largest allocation of a cart with many
 * promotions). Two forms, by how many (line, promotion) pairs have a share:
 * <ul>
 * <li>many (a quarter or more, the usual case of promotions on categories, brands or the whole
 * order): the promotions' share arrays themselves with, per line, the bits of the promotions that
 * gave it something ({@link LineDiscountColumns}); nothing is regrouped;</li>
 * <li>few: the shares regrouped line by line into two cart-wide arrays, each line's discounts a range
 * of them ({@link LineDiscountList}), so that a cart keeps no line-sized array per promotion that
 * gave two lines something.</li>
 * </ul>
 */
final class LineDiscounts {
    /** No line has a discount: shared, so that a cart without discounts allocates nothing here. */
    private static final LineDiscounts NONE = new LineDiscounts(null, null, null, null, null);

    private final LineDiscountColumns columns;
    private final String[] ids;
    private final long[] amounts;
    /** Where each line's range ends; line {@code i}'s starts where line {@code i - 1}'s ends (line 0's at 0). */
    private final int[] end;
    private final Currency currency;

    private LineDiscounts(LineDiscountColumns columns, String[] ids, long[] amounts, int[] end, Currency currency) {
        this.columns = columns;
        this.ids = ids;
        this.amounts = amounts;
        this.end = end;
        this.currency = currency;
    }

    /** The shares of {@code pass} over {@code lines} lines, in the form that suits their number. */
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
        long[] givenTo = pass.givenTo();
        int words = pass.givenToWords();
        // the columns need exactly the words their number takes; more (over 64 item promotions, of
        // which fewer gave) is left to the ranges
        boolean many = (long) total * 4 >= (long) givers * lines && words == (givers + 63) >>> 6;
        return many ? columns(giverIds, giverShares, givenTo, lines, currency)
                : ranges(giverIds, giverShares, givenTo, words, total, lines, currency);
    }

    /** The promotions' share arrays themselves, as columns. */
    static LineDiscounts columns(String[] giverIds, long[][] giverShares, long[] givenTo, int lines,
                                 Currency currency) {
        return new LineDiscounts(new LineDiscountColumns(giverIds, giverShares, givenTo, lines, currency), null, null,
                null, currency);
    }

    /** The {@code total} shares regrouped line by line, from the bits of each line's promotions. */
    static LineDiscounts ranges(String[] giverIds, long[][] giverShares, long[] givenTo, int words, int total,
                                int lines, Currency currency) {
        String[] ids = new String[total];
        long[] amounts = new long[total];
        int[] end = new int[lines];
        int at = 0;
        for (int line = 0; line < lines; line++) {
            for (int w = 0; w < words; w++) {
                for (long bits = givenTo[line * words + w]; bits != 0; bits &= bits - 1) {
                    int g = (w << 6) + Long.numberOfTrailingZeros(bits);
                    ids[at] = giverIds[g];
                    amounts[at++] = giverShares[g][line];
                }
            }
            end[line] = at;
        }
        return new LineDiscounts(null, ids, amounts, end, currency);
    }

    /** The discounts of {@code line}, in evaluation order. */
    List<LineDiscount> of(int line) {
        if (columns != null) {
            return columns.line(line);
        }
        if (end == null) {
            return List.of();
        }
        int from = line == 0 ? 0 : end[line - 1];
        int to = end[line];
        return from == to ? List.of() : new LineDiscountList(ids, amounts, from, to, currency);
    }
}
