package dev.cartflow.core.internal.pricing;

import java.math.RoundingMode;

/**
 * What the promotion steps of one pricing call share: the priced lines, the rounding, the
 * {@link Targeting} of the promotion being applied, and scratch arrays that every step of the call
 * reuses one after another. The steps themselves ({@link LinePromotion}, the actions,
 * {@link Allocation}, {@link ShippingDiscount}) keep no state, so they are not built per call; this is
 * the one object a call with promotions adds for them.
 */
final class StepContext {
    private final PricingLines lines;
    private final RoundingMode rounding;
    private final Targeting targeting;
    private long[] remainders;
    private long[] selectBuffer;
    private int[] order;
    private long[] unitKeys;
    private long[] partitionKeys;
    private long[] partitionUnits;
    /** What the last action gave: the sum of the shares it wrote. */
    private long given;

    StepContext(PricingLines lines, RoundingMode rounding) {
        this.lines = lines;
        this.rounding = rounding;
        this.targeting = new Targeting(lines);
    }

    PricingLines lines() {
        return lines;
    }

    RoundingMode rounding() {
        return rounding;
    }

    /** The selection of the last {@link Targeting#select} call of this pricing call. */
    Targeting targeting() {
        return targeting;
    }

    /**
     * Records what the action being applied gave, the sum of the shares it wrote, which it has at
     * hand (so that no second pass over the targeted lines adds them up).
     */
    void gave(long amount) {
        given = amount;
    }

    /** What the last action gave, as it recorded with {@link #gave}. */
    long given() {
        return given;
    }

    /** Scratch of one line-sized allocation: the remainder of each targeted line. */
    long[] remainders() {
        return remainders == null ? remainders = new long[lines.size()] : remainders;
    }

    /** Scratch of one line-sized allocation: a copy of the remainders to select in. */
    long[] selectBuffer() {
        return selectBuffer == null ? selectBuffer = new long[lines.size()] : selectBuffer;
    }

    /** Scratch of one buy X get Y: each targeted line's unit-price key, by targeted position. */
    long[] unitKeys() {
        return unitKeys == null ? unitKeys = new long[lines.size()] : unitKeys;
    }

    /** Scratch of one buy X get Y: the keys being partitioned. */
    long[] partitionKeys() {
        return partitionKeys == null ? partitionKeys = new long[lines.size()] : partitionKeys;
    }

    /** Scratch of one buy X get Y: the units of the keys being partitioned. */
    long[] partitionUnits() {
        return partitionUnits == null ? partitionUnits = new long[lines.size()] : partitionUnits;
    }

    /** Scratch of one buy X get Y: targeted line indices to partition, then each one's side of the threshold. */
    int[] order() {
        return order == null ? order = new int[lines.size()] : order;
    }
}
