package dev.cartflow.model;

import org.jspecify.annotations.Nullable;

/**
 * What one promotion did on a priced cart, and why.
 *
 * @param promotionId the promotion
 * @param code        its code, or null for an automatic promotion
 * @param result      the outcome
 * @param amount      the discount it gave (zero when none)
 * @param reason      a short developer-facing explanation; null becomes the empty string
 */
public record PromotionExplanation(String promotionId, @Nullable String code, PromotionResult result, Money amount,
                                   @Nullable String reason) {
    /**
     * Validates.
     *
     * @param promotionId not null
     * @param code        any text, or null
     * @param result      not null
     * @param amount      not null
     * @param reason      any text; null becomes the empty string
     * @throws dev.cartflow.error.CartException {@code INVALID_INPUT} when the promotion id, the result or the
     *                                          amount is null
     */
    public PromotionExplanation {
        Checks.notNull(promotionId, "promotion id");
        Checks.notNull(result, "result");
        Checks.notNull(amount, "amount");
        reason = reason == null ? "" : reason;
    }
}
