package dev.cartflow.core.internal.pricing;

import dev.cartflow.model.Promotion;
import dev.cartflow.model.Promotion.Action;
import dev.cartflow.model.PromotionResult;

/**
 * One item or order promotion on the running line amounts: targeting, its action, then its
 * {@code maxDiscount}, and its result. Stateless: what a call's promotions share (the lines, the
 * targeting, the scratch space) is the call's {@link StepContext}; the passes of the call use it
 * one after another.
 */
final class LinePromotion {
    private LinePromotion() {
    }

    /**
     * Applies {@code promotion} on {@code running} (by line index) and records its outcome at
     * {@code i}. The caller takes the shares off {@code running} (in the same pass over the targeted
     * lines as it counts them).
     *
     * @return each line's share of what it gave, by line index (zero on the lines not targeted), or
     *         null when it gave nothing
     */
    static long[] apply(int i, Promotion promotion, long[] running, Outcomes outcomes, StepContext context) {
        Targeting targeting = context.targeting();
        if (!targeting.select(promotion, running)) {
            outcomes.set(i, targeting.failure(), 0, targeting.reason());
            QualificationHints.measure(i, promotion, targeting, outcomes);
            return null;
        }
        // the shares are computed in the array kept for the result, not in scratch space
        long[] out = new long[context.lines().size()];
        long full = discount(promotion, running, out, context);
        if (full == 0) {
            outcomes.set(i, PromotionResult.CONDITION_NOT_MET, 0, "its action gives nothing on the targeted lines");
            QualificationHints.measure(i, promotion, targeting, outcomes);
            return null;
        }
        long given = context.given();
        boolean capped = given < full;
        long cap = promotion.maxDiscount() == null ? -1 : promotion.maxDiscount().minor();
        if (cap >= 0 && given > cap) {
            // the cap is shared in proportion to what each line would have got without it
            Allocation.allocate(cap, out, given, out, context);
            given = cap;
            capped = true;
        }
        outcomes.set(i, capped ? PromotionResult.CAPPED : PromotionResult.APPLIED, given,
                !capped ? "applied" : given == cap ? "capped at its maxDiscount" : "capped so that no amount goes below zero");
        return out;
    }

    /** Runs the action, which writes the shares to {@code out} and records their sum in {@code context}. */
    private static long discount(Promotion promotion, long[] running, long[] out, StepContext context) {
        Action action = promotion.action();
        if (action instanceof Action.Percent p) {
            return PercentOff.apply(promotion, p, running, out, context);
        }
        if (action instanceof Action.Amount a) {
            return AmountOff.apply(promotion, a, running, out, context);
        }
        if (action instanceof Action.FixedPrice f) {
            return FixedPriceOff.apply(f, running, out, context);
        }
        return BuyXGetYOff.apply((Action.BuyXGetY) action, running, out, context);
    }
}
