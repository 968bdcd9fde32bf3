package dev.cartflow.model;

/**
 * Tax of one rate.
 *
 * @param rate   the rate
 * @param amount the tax at that rate
 */
public record TaxAmount(Rate rate, Money amount) {
    /** Validates. */
    public TaxAmount {
        Checks.notNull(rate, "rate");
        Checks.notNull(amount, "amount");
    }
}
