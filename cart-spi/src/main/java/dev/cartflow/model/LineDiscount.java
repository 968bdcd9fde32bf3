package dev.cartflow.model;

/**
 * The share of one promotion's discount on one line.
 *
 * @param promotionId the promotion
 * @param amount      the share
 */
public record LineDiscount(String promotionId, Money amount) {
    /** Validates. */
    public LineDiscount {
        Checks.notNull(promotionId, "promotion id");
        Checks.notNull(amount, "amount");
    }
}
