package dev.cartflow.model.internal;

import dev.cartflow.error.CartException;
import dev.cartflow.model.LineDiscount;
import dev.cartflow.model.Money;
import java.util.AbstractList;
import java.util.Currency;
import java.util.RandomAccess;

/**
 * Not API. The discounts of one priced line as two arrays (promotion ids and amounts in minor units)
 * behind an unmodifiable {@code List<LineDiscount>}: each element is made when it is read, so pricing
 * a line builds this list and its two arrays instead of a {@code LineDiscount} and a {@code Money} per
 * discount, and a caller that reads only the line's totals never pays for the breakdown. An element
 * read twice is equal, not identical. {@link dev.cartflow.model.PricedLine} keeps such a list as it is (the arrays
 * are never written after construction, so the list is immutable and safe to share between threads).
 * The list may be a range of larger arrays: pricing fills one pair of arrays for all lines of a cart and
 * gives each line its range, so a line costs one object instead of three.
 */
public final class LineDiscountList extends AbstractList<LineDiscount> implements RandomAccess {
    private final String[] promotionIds;
    private final long[] amounts;
    private final Currency currency;
    private final int from;
    private final int size;

    /**
     * Takes the arrays over without copying: the caller must not change them afterwards.
     *
     * @param promotionIds the promotion of each discount, in the order the list shows them
     * @param amounts      each discount in minor units of {@code currency}, same length
     * @param currency     the currency of the amounts
     * @throws CartException {@code INVALID_INPUT} on a null argument or id, or lengths that differ
     */
    public LineDiscountList(String[] promotionIds, long[] amounts, Currency currency) {
        this(promotionIds, amounts, 0, amounts == null ? 0 : amounts.length, currency);
    }

    /**
     * The discounts at {@code from} (inclusive) to {@code to} (exclusive) of the arrays, taken over
     * without copying: the caller must not change them afterwards.
     *
     * @param promotionIds the promotion of each discount, in the order the list shows them
     * @param amounts      each discount in minor units of {@code currency}, same length
     * @param from         the first discount of this list
     * @param to           one after the last discount of this list
     * @param currency     the currency of the amounts
     * @throws CartException {@code INVALID_INPUT} on a null argument, a null id in the range, lengths
     *                       that differ, or a range outside the arrays
     */
    public LineDiscountList(String[] promotionIds, long[] amounts, int from, int to, Currency currency) {
        if (promotionIds == null || amounts == null || currency == null || promotionIds.length != amounts.length) {
            throw CartException.invalidInput("line discounts need one promotion id per amount and a currency");
        }
        if (from < 0 || to < from || to > amounts.length) {
            throw CartException.invalidInput("line discounts range " + from + ".." + to + " is outside "
                    + amounts.length + " discounts");
        }
        for (int i = from; i < to; i++) {
            if (promotionIds[i] == null) {
                throw CartException.invalidInput("promotion id must not be null");
            }
        }
        this.promotionIds = promotionIds;
        this.amounts = amounts;
        this.currency = currency;
        this.from = from;
        this.size = to - from;
    }

    /** The {@code index}-th discount, made now. */
    @Override
    public LineDiscount get(int index) {
        // bounds checked here: the arrays would throw a less helpful ArrayIndexOutOfBoundsException
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + ", size " + size);
        }
        return new LineDiscount(promotionIds[from + index], Money.ofMinor(amounts[from + index], currency));
    }

    /** Number of discounts. */
    @Override
    public int size() {
        return size;
    }
}
