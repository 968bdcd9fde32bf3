package dev.cartflow.core.internal.pricing;

import dev.cartflow.model.PricedCart;

/**
 * Pricing as a pure function: the same input always gives the same priced cart, with no I/O and no
 * hidden state. Thread-safe. Internal to cart-core (the engine's pricing step), not API: it may
 * change in any release.
 */
@FunctionalInterface
public interface CartPricer {
    /**
     * Prices a cart.
     *
     * @param input the cart and everything pricing needs
     * @return totals, per-line breakdown and an explanation of every promotion; a line whose product
     *         or price is missing is left out and listed in {@link PricedCart#unavailableLines()}
     * @throws dev.cartflow.error.CartException {@code CURRENCY_MISMATCH} on a price or shipping method
     *                                        in another currency, {@code INVALID_INPUT} on malformed
     *                                        input or on line amounts, tax or totals that do not fit
     *                                        a long, {@code INTERNAL} on a bug; never any other
     *                                        exception
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
