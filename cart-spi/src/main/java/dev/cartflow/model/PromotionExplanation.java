package dev.cartflow.model;

import org.jspecify.annotations.Nullable;

/**
 * What one promotion did on a priced cart, and why.
 *
 * @param promotionId the promotion
 * @param code        its code, or null for an automatic promotion
 * @param result      the outcome
 * @param amount      the discount it gave (zero when none)
 * @param reason      a short developer-facing explanation
 */
public record PromotionExplanation(String promotionId, @Nullable String code, PromotionResult result, Money amount,
                                   @Nullable String reason) {
    /** Validates. */
    public PromotionExplanation {
        Checks.notNull(promotionId, "promotion id");
        Checks.notNull(result, "result");
        Checks.notNull(amount, "amount");
        reason = reason == null ? "" : reason;
    }
}
