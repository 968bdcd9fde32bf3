package dev.cartflow.core.internal.pricing;

import dev.cartflow.model.Promotion;

/**
 * The priced lines grouped by (category, brand), once per pricing call, so that a promotion
 * without a sku filter is tested once per group instead of once per line: without skus,
 * {@link Promotion.Target#matches} looks only at a line's category and brand, so every line of a
 * group gets the answer of the group's first line. Up to {@value #MAX_VALUES} distinct categories
 * and as many brands (null counts as one value), so that a group's number fits a {@code long}'s
 * bits; a cart with more has no groups and is filtered line by line.
 */
final class LineGroups {
    private static final int MAX_VALUES = 8;

    private final PricingLines lines;
    /** Each line's group, {@code category * MAX_VALUES + brand}, by line index. */
    private final int[] groupOf;
    /** The first line of each group present, by group. */
    private final int[] firstLine;
    /** Bit {@code g} set when group {@code g} has lines. */
    private final long present;

    private LineGroups(PricingLines lines, int[] groupOf, int[] firstLine, long present) {
        this.lines = lines;
        this.groupOf = groupOf;
        this.firstLine = firstLine;
        this.present = present;
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

    // products of one catalog usually share their category and brand strings: identity first
    private static int indexOf(String[] values, int count, String value) {
        for (int i = 0; i < count; i++) {
            String v = values[i];
            if (v == value || v != null && v.equals(value)) {
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

    /** Whether the line is in one of the groups of {@code mask}. */
    boolean in(long mask, int line) {
        return (mask & 1L << groupOf[line]) != 0;
    }
}
