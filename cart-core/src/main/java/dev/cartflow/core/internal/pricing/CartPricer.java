package dev.cartflow.core.internal.pricing;

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
     * @throws dev.cartflow.error.CartException {@code PRODUCT_NOT_FOUND} when a line has no product or
     *                                        price, {@code CURRENCY_MISMATCH} on a price or shipping
     *                                        method in another currency, {@code INVALID_INPUT} on
     *                                        overflow or malformed input; never any other exception
     */
    PricedCart price(PricingInput input);

    /**
     * The standard pricer: the semantics of the scenario format, with the choices recorded in
     * docs/pricing-rules.md.
     */
    static CartPricer standard() {
        return StandardCartPricer.INSTANCE;
    }
}
