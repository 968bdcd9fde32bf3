package dev.cartflow.model;

/**
 * A coupon code on a priced cart and whether it applies now.
 *
 * @param code  the code
 * @param state whether one of its promotions gives a discount now
 */
public record CodeStatus(String code, State state) {
    /**
     * Validates.
     *
     * @param code  not null
     * @param state not null
     * @throws dev.cartflow.error.CartException {@code INVALID_INPUT} when a component is null
     */
    public CodeStatus {
        Checks.notNull(code, "code");
        Checks.notNull(state, "state");
    }

    /** Whether a code applies now. */
    public enum State {
        /** At least one of its promotions gives a discount. */
        APPLIED,
        /** It stays on the cart and applies as soon as the cart qualifies. */
        NOT_APPLICABLE
    }
}
