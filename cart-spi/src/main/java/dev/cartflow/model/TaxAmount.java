package dev.cartflow.model;

/**
 * Tax of one rate.
 *
 * @param rate   the rate
 * @param amount the tax at that rate
 */
public record TaxAmount(Rate rate, Money amount) {
    /**
     * Validates.
     *
     * @param rate   not null
     * @param amount not null
     * @throws dev.cartflow.error.CartException {@code INVALID_INPUT} when a component is null
     */
    public TaxAmount {
        Checks.notNull(rate, "rate");
        Checks.notNull(amount, "amount");
    }
}
