package dev.cartflow.core.internal.rules;

import dev.cartflow.core.internal.snapshot.Quotes;
import dev.cartflow.core.internal.snapshot.Snapshot;
import dev.cartflow.core.internal.pricing.CartPricer;
import dev.cartflow.core.internal.pricing.PricingInput;
import dev.cartflow.model.Cart;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.PricedCart;
import dev.cartflow.model.PricingPolicy;
import dev.cartflow.model.Product;
import dev.cartflow.model.Promotion;
import dev.cartflow.model.ShippingMethod;
import dev.cartflow.model.Sku;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Prices a cart from the attempt's snapshot with the pure pricing function, with the customer's
 * group from the profile and without tax for a tax-exempt customer ({@link TaxExemption}).
 */
public final class CartPricing {
    private final CartPricer pricer;
    private final PricingPolicy policy;

    /** Pricing with this function and policy. */
    public CartPricing(CartPricer pricer, PricingPolicy policy) {
        this.pricer = pricer;
        this.policy = policy;
    }

    /**
     * The priced cart. The pricer is a pure function: what it throws besides a
     * {@code CartException} is a bug, which the engine's entry point reports as {@code INTERNAL}
     * with its cause ({@code Failures.guard}).
     *
     * @param cart     the cart as it reads now
     * @param snapshot provider answers of this attempt
     * @return the priced cart
     */
    public PricedCart price(Cart cart, Snapshot snapshot) {
        Set<Sku> skus = Snapshot.skusOf(cart);
        Map<Sku, Product> products = snapshot.products(skus);
        Quotes quotes = snapshot.quotes(skus);
        List<Promotion> promotions = CartKindRules.pricedWith(cart, snapshot.promotions());
        Set<String> exhausted = snapshot.exhausted();
        Map<Sku, PriceQuote> prices = quotes.bySku();
        ShippingMethod method = ShippingRule.selected(cart, products, snapshot);
        if (snapshot.taxExempt()) {
            prices = TaxExemption.quotes(prices, policy);
            method = TaxExemption.method(method, policy);
        }
        PricingInput input = new PricingInput(asPriced(cart, snapshot), products, prices, promotions, exhausted,
                method, policy, quotes.exchangeRate(), snapshot.now());
        return pricer.price(input);
    }

    /**
     * The cart as pricing sees it: with the group of the customer's profile when it names one (the
     * stored cart keeps the group it was created with).
     */
    private static Cart asPriced(Cart cart, Snapshot snapshot) {
        String group = snapshot.customerGroup();
        return Objects.equals(group, cart.customerGroup()) ? cart : cart.toBuilder().customerGroup(group).build();
    }
}
