package dev.cartflow.core.internal.pricing;

import dev.cartflow.model.Promotion;
import dev.cartflow.model.Promotion.Action;
import dev.cartflow.model.PromotionResult;
import java.math.RoundingMode;

/**
 * One item or order promotion on the running line amounts: targeting, its action, then its
 * {@code maxDiscount}, and its result. One instance per pricing call holds the actions and their
 * scratch space; the passes of the call use it one after another.
 */
final class LinePromotion {
    private final PricingLines lines;
    private final Targeting targeting;
    private final Allocation allocation;
    private final PercentOff percent;
    private final AmountOff amount;
    private final FixedPriceOff fixedPrice;
    private final BuyXGetYOff buyXGetY;

    LinePromotion(PricingLines lines, Targeting targeting, RoundingMode rounding) {
        this.lines = lines;
        this.targeting = targeting;
        this.allocation = new Allocation(lines.size());
        this.percent = new PercentOff(lines, allocation, rounding);
        this.amount = new AmountOff(lines, allocation);
        this.fixedPrice = new FixedPriceOff(lines);
        this.buyXGetY = new BuyXGetYOff(lines, rounding);
    }

    /**
     * Applies {@code promotion}, records its outcome at {@code i} and takes its shares off
     * {@code running}.
     *
     * @return each line's share of what it gave, or null when it gave nothing
     */
    LineAmounts apply(int i, Promotion promotion, LineAmounts running, Outcomes outcomes) {
        if (!targeting.select(promotion, running)) {
            outcomes.set(i, targeting.failure(), 0, targeting.reason());
            QualificationHints.measure(i, promotion, targeting, outcomes);
            return null;
        }
        // the shares are computed in the array kept for the result, not in scratch space
        LineAmounts out = new LineAmounts(lines.size());
        long full = discount(promotion, running, out);
        if (full == 0) {
            outcomes.set(i, PromotionResult.CONDITION_NOT_MET, 0, "its action gives nothing on the targeted lines");
            QualificationHints.measure(i, promotion, targeting, outcomes);
            return null;
        }
        int count = targeting.count();
        long given = 0;
        for (int j = 0; j < count; j++) {
            given += out.get(targeting.line(j));
        }
        boolean capped = given < full;
        long cap = promotion.maxDiscount() == null ? -1 : promotion.maxDiscount().minor();
        if (cap >= 0 && given > cap) {
            // the cap is shared in proportion to what each line would have got without it
            allocation.allocate(cap, targeting, out, out);
            given = cap;
            capped = true;
        }
        for (int j = 0; j < count; j++) {
            int line = targeting.line(j);
            running.subtract(line, out.get(line));
        }
        outcomes.set(i, capped ? PromotionResult.CAPPED : PromotionResult.APPLIED, given,
                !capped ? "applied" : given == cap ? "capped at its maxDiscount" : "capped so that no amount goes below zero");
        return out;
    }

    private long discount(Promotion promotion, LineAmounts running, LineAmounts out) {
        Action action = promotion.action();
        if (action instanceof Action.Percent p) {
            return percent.apply(promotion, p, targeting, running, out);
        }
        if (action instanceof Action.Amount a) {
            return amount.apply(promotion, a, targeting, running, out);
        }
        if (action instanceof Action.FixedPrice f) {
            return fixedPrice.apply(f, targeting, running, out);
        }
        return buyXGetY.apply((Action.BuyXGetY) action, targeting, running, out);
    }
}
