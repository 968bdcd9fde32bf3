package dev.cartflow.core.internal.pricing;

import dev.cartflow.model.Promotion;

/**
 * The priced lines grouped by (category, brand), once per pricing call, so that a promotion
 * without a sku filter is tested once per group instead of once per line: without skus,
 * {@link Promotion.Target#matches} looks only at a line's category and brand, so every line of a
 * group gets the answer of the group's first line. Up to {@value #MAX_VALUES} distinct categories
 * and as many brands (null counts as one value), so that a group's number fits a {@code long}'s
 * bits; a cart with more has no groups and is filtered line by line. Each group keeps its lines as a
 * bit set, so that a selection ORs the sets of the matching groups and reads the lines off the bits
 * in line order, without looking at the lines of the groups that do not match.
 */
final class LineGroups {
    private static final int MAX_VALUES = 8;

    private final PricingLines lines;
    /** The first line of each group present, by group. */
    private final int[] firstLine;
    /** Bit {@code g} set when group {@code g} has lines. */
    private final long present;
    /** 64-bit words per line set. */
    private final int words;
    /** The lines of the {@code r}-th present group (in group order) as a bit set, at {@code r * words}. */
    private final long[] members;
    /** The units of each group's lines together, by group. */
    private final long[] units;

    private LineGroups(PricingLines lines, int[] groupOf, int[] firstLine, long present) {
        this.lines = lines;
        this.firstLine = firstLine;
        this.present = present;
        int n = lines.size();
        words = (n + 63) >>> 6;
        members = new long[Long.bitCount(present) * words];
        units = new long[MAX_VALUES * MAX_VALUES];
        for (int line = 0; line < n; line++) {
            int g = groupOf[line];
            members[rank(g) * words + (line >>> 6)] |= 1L << line; // the shift takes the line's low six bits
            units[g] += lines.quantity(line); // at most the cart's units, which fit
        }
    }

    /** The position of group {@code g} among the present groups. */
    private int rank(int g) {
        return Long.bitCount(present & ((1L << g) - 1));
    }

    /** Groups the lines, or returns null when they have too many categories or brands. */
    static LineGroups of(PricingLines lines) {
        int n = lines.size();
        String[] categories = new String[MAX_VALUES];
        String[] brands = new String[MAX_VALUES];
        int categoryCount = 0;
        int brandCount = 0;
        int[] groupOf = new int[n];
        int[] firstLine = new int[MAX_VALUES * MAX_VALUES];
        long present = 0;
        for (int line = 0; line < n; line++) {
            String category = lines.category(line);
            int c = indexOf(categories, categoryCount, category);
            if (c < 0) {
                if (categoryCount == MAX_VALUES) {
                    return null;
                }
                categories[categoryCount] = category;
                c = categoryCount++;
            }
            String brand = lines.brand(line);
            int b = indexOf(brands, brandCount, brand);
            if (b < 0) {
                if (brandCount == MAX_VALUES) {
                    return null;
                }
                brands[brandCount] = brand;
                b = brandCount++;
            }
            int g = c * MAX_VALUES + b;
            groupOf[line] = g;
            if ((present & 1L << g) == 0) {
                present |= 1L << g;
                firstLine[g] = line;
            }
        }
        return new LineGroups(lines, groupOf, firstLine, present);
    }

    // products of one catalog usually share their category and brand strings: every value is tried
    // by identity before any by equals, so that the values a line does not have are not compared
    private static int indexOf(String[] values, int count, String value) {
        for (int i = 0; i < count; i++) {
            if (values[i] == value) {
                return i;
            }
        }
        for (int i = 0; i < count; i++) {
            String v = values[i];
            if (v != null && v.equals(value)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The groups whose lines {@code target} matches, as bits; only for a target without skus.
     */
    long matching(Promotion.Target target) {
        long mask = 0;
        for (long rest = present; rest != 0; rest &= rest - 1) {
            int g = Long.numberOfTrailingZeros(rest);
            int line = firstLine[g];
            if (target.matches(lines.sku(line), lines.category(line), lines.brand(line))) {
                mask |= 1L << g;
            }
        }
        return mask;
    }

    /**
     * Writes the lines of the groups of {@code mask} to {@code out}, in line order.
     *
     * @return how many
     */
    int select(long mask, int[] out) {
        int n = lines.size();
        if (mask == present) {
            for (int line = 0; line < n; line++) {
                out[line] = line;
            }
            return n;
        }
        int count = 0;
        for (int w = 0; w < words; w++) {
            long bits = 0;
            int r = 0;
            for (long rest = present; rest != 0; rest &= rest - 1, r++) {
                // all ones when the group matches, else zero: no branch on the mask
                long take = -((mask >>> Long.numberOfTrailingZeros(rest)) & 1L);
                bits |= members[r * words + w] & take;
            }
            int base = w << 6;
            for (; bits != 0; bits &= bits - 1) {
                out[count++] = base + Long.numberOfTrailingZeros(bits);
            }
        }
        return count;
    }

    /** The units of the lines of the groups of {@code mask} together. */
    long units(long mask) {
        long sum = 0;
        for (long rest = mask; rest != 0; rest &= rest - 1) {
            sum += units[Long.numberOfTrailingZeros(rest)];
        }
        return sum;
    }
}
