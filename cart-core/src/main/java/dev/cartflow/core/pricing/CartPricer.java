package dev.cartflow.core.pricing;

import dev.cartflow.model.PricedCart;

/**
 * Pricing as a pure function: the same input always gives the same priced cart, with no I/O and no
 * hidden state. Thread-safe.
 */
@FunctionalInterface
public interface CartPricer {
    /**
     * Prices a cart.
     *
     * @param input the cart and everything pricing needs
     * @return totals, per-line breakdown and an explanation of every promotion
     * @throws dev.cartflow.spi.CartException {@code INVALID_INPUT} on overflow or a missing price,
     *                                        {@code CURRENCY_MISMATCH} on a price in another currency
     */
    PricedCart price(PricingInput input);

    /** The standard pricer implementing docs/scenario-format.md. */
    static CartPricer standard() {
        return StandardCartPricer.INSTANCE;
    }
}
