package dev.cartflow.core.internal.pricing;

import dev.cartflow.model.Promotion;
import dev.cartflow.model.PromotionResult;
import dev.cartflow.model.ShippingMethod;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The exclusive choice: the eligible non-exclusive promotions together are one option, each
 * eligible exclusive promotion alone is another; each is priced in full and the one giving the
 * customer most is kept. Promotions of the options not kept that would have given something report
 * {@code EXCLUDED}.
 */
final class ExclusiveChoice {
    private static final String EXCLUDED_BY_EXCLUSIVE = "an exclusive promotion gives the customer more";
    private static final String EXCLUDED_BY_OTHERS = "another option gives the customer more";

    private ExclusiveChoice() {
    }

    /**
     * Runs the options over the eligible promotions of {@code all} (those whose outcome is not yet
     * decided), records each one's final outcome and returns the kept option.
     */
    static PromotionPass choose(PricingLines lines, List<Promotion> all, Outcomes outcomes, ShippingMethod method,
                                RoundingMode rounding) {
        int p = all.size();
        List<Promotion> together = new ArrayList<>(p);
        int[] togetherAt = new int[p];
        int togetherItems = 0;
        int[] exclusiveAt = new int[p];
        int exclusives = 0;
        for (int i = 0; i < p; i++) {
            Promotion promotion = all.get(i);
            if (outcomes.decided(i)) {
                continue;
            }
            if (promotion.stacking() == Promotion.Stacking.EXCLUSIVE) {
                exclusiveAt[exclusives++] = i;
            } else {
                togetherAt[together.size()] = i;
                together.add(promotion);
                if (!PromotionOrder.isShipping(promotion)) {
                    togetherItems++;
                }
            }
        }
        StepContext context = together.isEmpty() && exclusives == 0 ? null : new StepContext(lines, rounding);
        PromotionPass stacked = new PromotionPass(lines, together, togetherItems, context);
        stacked.run(method);
        PromotionPass winner = stacked;
        PromotionPass[] alone = new PromotionPass[exclusives];
        for (int e = 0; e < alone.length; e++) {
            Promotion promotion = all.get(exclusiveAt[e]);
            alone[e] = new PromotionPass(lines, List.of(promotion), PromotionOrder.isShipping(promotion) ? 0 : 1,
                    context);
            alone[e].run(method);
            if (alone[e].totalDiscount() > 0 && better(alone[e], winner)) {
                winner = alone[e];
            }
        }
        for (int k = 0; k < stacked.size(); k++) {
            report(stacked, k, winner, togetherAt[k], outcomes, EXCLUDED_BY_EXCLUSIVE);
        }
        for (int e = 0; e < alone.length; e++) {
            report(alone[e], 0, winner, exclusiveAt[e], outcomes, EXCLUDED_BY_OTHERS);
        }
        return winner;
    }

    /** A promotion of an option not kept that gave something there is excluded; any other keeps its outcome. */
    private static void report(PromotionPass option, int k, PromotionPass winner, int i, Outcomes outcomes,
                               String excluded) {
        if (option != winner && option.outcomes().amount(k) > 0) {
            outcomes.set(i, PromotionResult.EXCLUDED, 0, excluded);
        } else {
            outcomes.copy(option.outcomes(), k, i);
        }
    }

    /** Larger total discount wins; a tie goes to the option holding the first promotion in priority order. */
    static boolean better(PromotionPass candidate, PromotionPass current) {
        long a = candidate.totalDiscount();
        long b = current.totalDiscount();
        if (a != b) {
            return a > b;
        }
        int ca = candidate.firstGiving();
        int cb = current.firstGiving();
        if (cb < 0) {
            return ca >= 0;
        }
        return ca >= 0 && PromotionOrder.compare(candidate.promotion(ca), current.promotion(cb)) < 0;
    }
}
