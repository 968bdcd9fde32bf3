package dev.cartflow.core.internal.pricing;

import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.PricedCart;
import dev.cartflow.model.Promotion;
import dev.cartflow.model.ShippingMethod;
import java.util.Currency;
import java.util.List;

/**
 * The standard pricing function (docs/pricing-rules.md and the scenario format), as a pipeline of
 * steps: the lines that can be priced ({@link PricingLines}), eligibility ({@link Eligibility}),
 * the exclusive choice between options ({@link ExclusiveChoice}), each running the item and order
 * promotions ({@link LinePromotion} with one class per action) and the shipping ones
 * ({@link ShippingDiscount}), then tax, explanations and assembly ({@link PricedCartAssembly}).
 * Stateless: the steps keep no state, and what one call needs (its lines, outcomes, options and
 * {@link StepContext}) it builds for itself, so one instance serves all threads.
 */
final class StandardCartPricer implements CartPricer {
    static final StandardCartPricer INSTANCE = new StandardCartPricer();

    private StandardCartPricer() {
    }

    @Override
    public PricedCart price(PricingInput input) {
        if (input == null) {
            throw CartException.invalidInput("pricing input must not be null");
        }
        try {
            return pipeline(input);
        } catch (CartException e) {
            throw e;
        } catch (RuntimeException e) {
            // the input is validated and every figure that may not fit is checked where it is made,
            // so anything else is a bug here, never the caller's fault
            throw CartException.internal("pricing failed", e);
        }
    }

    private static PricedCart pipeline(PricingInput input) {
        PricingLines lines = PricingLines.resolve(input.cart(), input.products(), input.prices());
        ShippingMethod method = input.shippingMethod();
        Currency currency = lines.currency();
        if (method != null && !method.price().currency().equals(currency)) {
            throw new CartException(CartErrorCode.CURRENCY_MISMATCH,
                    "shipping method " + method.id() + " is priced in " + method.price().currency());
        }
        List<Promotion> all = PromotionOrder.evaluationOrder(input.promotions());
        Outcomes outcomes = Outcomes.of(all.size());
        for (int i = 0; i < all.size(); i++) {
            Eligibility.check(all.get(i), i, input, outcomes);
        }
        PromotionPass kept = ExclusiveChoice.choose(lines, all, outcomes, method, input.policy().rounding());
        return PricedCartAssembly.assemble(input, lines, all, outcomes, kept, method);
    }
}
