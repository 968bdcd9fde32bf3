package dev.cartflow.model.internal;

import dev.cartflow.error.CartException;
import dev.cartflow.model.LineDiscount;
import dev.cartflow.model.Money;
import java.util.AbstractList;
import java.util.Currency;
import java.util.List;
import java.util.RandomAccess;

/**
 * Not API. The discounts of all lines of one priced cart as the pricing function computed them: one
 * column of shares per promotion that gave something (its share on each line, by line index) and, per
 * line, a bit set of the promotions whose share the line shows. Each line's discounts are a view
 * ({@link Line}) that makes its elements when they are read, so pricing does not regroup the shares
 * line by line at all; a caller that reads only the lines' totals never pays for the breakdown.
 * Suited to carts where many (line, promotion) pairs have a share: the columns are line-sized
 * whatever the number of shares. Validated once for the whole cart; the arrays are taken over
 * without copying and never written afterwards, so the views are immutable and safe to share
 * between threads.
 */
public final class LineDiscountColumns {
    private final String[] promotionIds;
    private final long[][] shares;
    private final long[] masks;
    private final int words;
    private final int lines;
    private final Currency currency;

    /**
     * Takes the arrays over without copying: the caller must not change them afterwards.
     *
     * @param promotionIds the promotion of each column, in the order the lines show them
     * @param shares       each column's amounts in minor units of {@code currency}, by line index, at
     *                     least {@code lines} long
     * @param masks        for line {@code i}, the columns it shows as bits of the {@code words} longs at
     *                     {@code i * words} (bit {@code c % 64} of word {@code c / 64} for column
     *                     {@code c}), where {@code words} is the number of columns divided by 64,
     *                     rounded up
     * @param lines        the number of lines
     * @param currency     the currency of the amounts
     * @throws CartException {@code INVALID_INPUT} on a null argument, id or column, a column shorter
     *                       than the lines, masks of another length, or a bit of no column
     */
    public LineDiscountColumns(String[] promotionIds, long[][] shares, long[] masks, int lines, Currency currency) {
        if (promotionIds == null || shares == null || masks == null || currency == null
                || promotionIds.length != shares.length || lines < 0) {
            throw invalid("line discount columns need one promotion id per column, masks and a currency");
        }
        int columns = promotionIds.length;
        for (int c = 0; c < columns; c++) {
            if (promotionIds[c] == null || shares[c] == null || shares[c].length < lines) {
                throw invalid("column " + c + " needs a promotion id and a share for each of " + lines + " lines");
            }
        }
        words = (columns + 63) >>> 6;
        if (masks.length != (long) lines * words) {
            throw invalid("line discount masks need " + words + " words for each of " + lines + " lines");
        }
        int spare = columns & 63;
        if (spare != 0) {
            for (int line = 0; line < lines; line++) {
                if (masks[line * words + words - 1] >>> spare != 0) {
                    throw invalid("line " + line + " shows a column beyond the " + columns + " columns");
                }
            }
        }
        this.promotionIds = promotionIds;
        this.shares = shares;
        this.masks = masks;
        this.lines = lines;
        this.currency = currency;
    }

    private static CartException invalid(String message) {
        return CartException.invalidInput(message);
    }

    /**
     * The discounts of {@code line}, in column order.
     *
     * @param line the line index
     * @return the line's discounts, an empty list when it shows none
     * @throws IndexOutOfBoundsException when there is no such line
     */
    public List<LineDiscount> line(int line) {
        if (line < 0 || line >= lines) {
            throw new IndexOutOfBoundsException("line " + line + ", lines " + lines);
        }
        int size = 0;
        for (int w = 0; w < words; w++) {
            size += Long.bitCount(masks[line * words + w]);
        }
        return size == 0 ? List.of() : new Line(this, line, size);
    }

    /**
     * The discounts of one line: an unmodifiable list whose elements are made when they are read (an
     * element read twice is equal, not identical). {@link dev.cartflow.model.PricedLine} keeps such a
     * list as it is.
     */
    public static final class Line extends AbstractList<LineDiscount> implements RandomAccess {
        private final LineDiscountColumns columns;
        private final int line;
        private final int size;

        private Line(LineDiscountColumns columns, int line, int size) {
            this.columns = columns;
            this.line = line;
            this.size = size;
        }

        /** The {@code index}-th discount, made now. */
        @Override
        public LineDiscount get(int index) {
            if (index < 0 || index >= size) {
                throw new IndexOutOfBoundsException("index " + index + ", size " + size);
            }
            LineDiscountColumns c = columns;
            int rest = index;
            for (int w = 0; ; w++) {
                long mask = c.masks[line * c.words + w];
                int inWord = Long.bitCount(mask);
                if (rest < inWord) {
                    for (; rest > 0; rest--) {
                        mask &= mask - 1; // drops the lowest column still set
                    }
                    int column = (w << 6) + Long.numberOfTrailingZeros(mask);
                    return new LineDiscount(c.promotionIds[column], Money.ofMinor(c.shares[column][line], c.currency));
                }
                rest -= inWord;
            }
        }

        /** Number of discounts. */
        @Override
        public int size() {
            return size;
        }
    }
}
