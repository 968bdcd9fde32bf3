package dev.cartflow.core.internal.pricing;

import dev.cartflow.model.Promotion;
import dev.cartflow.model.PromotionResult;
import dev.cartflow.model.ShippingMethod;
import java.util.List;

/**
 * One option of the exclusive choice: an ordered list of promotions run over the lines, item and
 * order promotions first, then the shipping ones, each on the amounts the ones before it left, with
 * the {@code STOP_FURTHER} rule. Keeps what the option gives: running line amounts, shipping, each
 * promotion's outcome and per-line shares.
 */
final class PromotionPass {
    private static final String STOPPED = "a STOP_FURTHER promotion before it applied";

    private final PricingLines lines;
    private final List<Promotion> promotions;
    private final int shippingFrom;
    private final StepContext context;

    /** Each line's running amount, by line index. */
    private final long[] running;
    private final Outcomes outcomes;
    /** Per promotion, each line's share of what it gave, by line index; null where it gave nothing. */
    private final long[][] sharesBy;
    /** Positions of the promotions that gave lines something, in evaluation order. */
    private final int[] giving;
    private int givingCount;
    /** How many shares above zero the promotions gave, all lines together. */
    private int shares;
    /** Longs per line in {@link #givenTo}: one bit for each item or order promotion that may give. */
    private final int maskWords;
    /**
     * Per line, at {@code line * maskWords}, the promotions that gave it a share above zero, as bits
     * by their position among those that gave lines something ({@link #giving}); null while none did.
     */
    private long[] givenTo;
    private long itemDiscount;
    private long shippingBase;
    private long shipping;

    /**
     * @param promotions   eligible promotions: item and order ones sorted, then shipping ones sorted
     * @param shippingFrom index of the first shipping promotion in {@code promotions}
     * @param context      what the steps of the call share; may be null without promotions
     */
    PromotionPass(PricingLines lines, List<Promotion> promotions, int shippingFrom, StepContext context) {
        this.lines = lines;
        this.promotions = promotions;
        this.shippingFrom = shippingFrom;
        this.context = context;
        int p = promotions.size();
        running = lines.originalAmounts();
        outcomes = Outcomes.of(p);
        sharesBy = new long[p][];
        giving = new int[p];
        maskWords = (shippingFrom + 63) >>> 6;
    }

    /** Runs the option. */
    void run(ShippingMethod method) {
        // The first STOP_FURTHER that gave something, by priority order: it stops every promotion
        // after it in that order, shipping promotions included, but not those before it.
        Promotion stopper = null;
        for (int i = 0; i < shippingFrom; i++) {
            if (stopper != null) {
                outcomes.set(i, PromotionResult.STOPPED, 0, STOPPED);
                continue;
            }
            long[] given = LinePromotion.apply(i, promotions.get(i), running, outcomes, context);
            if (given != null) {
                sharesBy[i] = given;
                takeOff(given, givingCount);
                giving[givingCount++] = i;
            }
            if (stops(i)) {
                stopper = promotions.get(i);
            }
        }
        long items = 0;
        for (int line = 0; line < lines.size(); line++) {
            items += running[line];
        }
        itemDiscount = lines.subtotal() - items;
        shippingBase = ShippingDiscount.base(method, lines.size(), items);
        shipping = shippingBase;
        for (int i = shippingFrom; i < promotions.size(); i++) {
            if (stopper != null && PromotionOrder.compare(stopper, promotions.get(i)) < 0) {
                outcomes.set(i, PromotionResult.STOPPED, 0, STOPPED);
                continue;
            }
            shipping = ShippingDiscount.apply(i, promotions.get(i), shippingBase, shipping, running, outcomes, context);
            if (stops(i) && (stopper == null || PromotionOrder.compare(promotions.get(i), stopper) < 0)) {
                stopper = promotions.get(i);
            }
        }
    }

    /**
     * Takes the shares of a promotion just applied, the {@code g}-th that gave lines something, off
     * the running amounts, and counts and marks those above zero, on the lines its targeting (still
     * the context's) selected. No branch depends on a share: about half of them are zero.
     */
    private void takeOff(long[] given, int g) {
        Targeting targeting = context.targeting();
        int count = targeting.count();
        int words = maskWords;
        long[] marks = givenTo == null ? givenTo = new long[lines.size() * words] : givenTo;
        int word = g >>> 6;
        int bit = g & 63;
        int shareCount = 0;
        for (int j = 0; j < count; j++) {
            int line = targeting.line(j);
            long share = given[line];
            running[line] -= share;
            long above = -share >>> 63; // one for a share above zero (shares are never negative)
            shareCount += (int) above;
            marks[line * words + word] |= above << bit;
        }
        shares += shareCount;
    }

    private boolean stops(int i) {
        return promotions.get(i).stacking() == Promotion.Stacking.STOP_FURTHER && outcomes.amount(i) > 0;
    }

    /** Discount of items, order and shipping together: what options are compared by. */
    long totalDiscount() {
        return Arith.saturatedAdd(itemDiscount, shippingBase - shipping);
    }

    /** Index of the first promotion (by priority, then id) that gave something, or -1. */
    int firstGiving() {
        int best = -1;
        for (int i = 0; i < promotions.size(); i++) {
            if (outcomes.amount(i) > 0
                    && (best < 0 || PromotionOrder.compare(promotions.get(i), promotions.get(best)) < 0)) {
                best = i;
            }
        }
        return best;
    }

    Promotion promotion(int i) {
        return promotions.get(i);
    }

    int size() {
        return promotions.size();
    }

    /** What the promotion at {@code i} did in this option. */
    Outcomes outcomes() {
        return outcomes;
    }

    /** A line's amount after the item and order promotions of this option. */
    long running(int line) {
        return running[line];
    }

    /** How many shares above zero the promotions gave lines, all lines together. */
    int shareCount() {
        return shares;
    }

    /**
     * Per line, at {@code line * givenToWords()}, the promotions that gave it a share above zero, as
     * bits by their position among those that gave lines something; null when none did. Not to be changed.
     */
    long[] givenTo() {
        return givenTo;
    }

    /** Longs per line in {@link #givenTo()}. */
    int givenToWords() {
        return maskWords;
    }

    /** The shares of the promotion at {@code i}, by line index, or null when it gave nothing; not to be changed. */
    long[] shares(int i) {
        return sharesBy[i];
    }

    /** How many promotions gave lines something. */
    int givingCount() {
        return givingCount;
    }

    /** The position of the {@code j}-th promotion that gave lines something, in evaluation order. */
    int giving(int j) {
        return giving[j];
    }

    /** Shipping before shipping promotions (zero when free or nothing to ship). */
    long shippingBase() {
        return shippingBase;
    }

    /** Shipping after shipping promotions. */
    long shipping() {
        return shipping;
    }
}
