package dev.cartflow.model;

/**
 * The share of one promotion's discount on one line.
 *
 * @param promotionId the promotion
 * @param amount      the share
 */
public record LineDiscount(String promotionId, Money amount) {
    /**
     * Validates.
     *
     * @param promotionId not null
     * @param amount      not null
     * @throws dev.cartflow.error.CartException {@code INVALID_INPUT} when a component is null
     */
    public LineDiscount {
        Checks.notNull(promotionId, "promotion id");
        Checks.notNull(amount, "amount");
    }
}
