package dev.cartflow.core.pricing;

import dev.cartflow.model.PricedCart;

/** Placeholder until the pricing engine lands (issue 3). */
final class StandardCartPricer implements CartPricer {
    static final StandardCartPricer INSTANCE = new StandardCartPricer();

    private StandardCartPricer() {
    }

    @Override
    public PricedCart price(PricingInput input) {
        throw new UnsupportedOperationException("pricing is not implemented yet");
    }
}
