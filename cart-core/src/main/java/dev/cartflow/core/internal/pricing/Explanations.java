package dev.cartflow.core.internal.pricing;

import dev.cartflow.model.CodeStatus;
import dev.cartflow.model.Money;
import dev.cartflow.model.Promotion;
import dev.cartflow.model.PromotionExplanation;
import java.util.Currency;
import java.util.List;

/** What every promotion did and whether every code on the cart applies, from the final outcomes. */
final class Explanations {
    private Explanations() {
    }

    /** One explanation per promotion, in evaluation order; {@code zero} is shared by those giving nothing. */
    static List<PromotionExplanation> of(List<Promotion> all, Outcomes outcomes, Currency currency, Money zero) {
        PromotionExplanation[] out = new PromotionExplanation[all.size()];
        for (int i = 0; i < out.length; i++) {
            Promotion promotion = all.get(i);
            long amount = outcomes.amount(i);
            out[i] = new PromotionExplanation(promotion.id(), promotion.code(), outcomes.result(i),
                    amount == 0 ? zero : Money.ofMinor(amount, currency), outcomes.reason(i));
        }
        return Lists.of(out);
    }

    /** Every code on the cart, in cart order: applied when one of its promotions gave something. */
    static List<CodeStatus> codes(List<String> cartCodes, List<Promotion> all, Outcomes outcomes) {
        CodeStatus[] out = new CodeStatus[cartCodes.size()];
        for (int c = 0; c < out.length; c++) {
            String code = cartCodes.get(c);
            boolean applies = false;
            for (int i = 0; i < all.size() && !applies; i++) {
                applies = code.equals(all.get(i).code()) && outcomes.amount(i) > 0;
            }
            out[c] = new CodeStatus(code, applies ? CodeStatus.State.APPLIED : CodeStatus.State.NOT_APPLICABLE);
        }
        return Lists.of(out);
    }
}
