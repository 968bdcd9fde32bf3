package dev.cartflow.core.internal.rules;

import dev.cartflow.error.CartException;
import dev.cartflow.model.Money;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.PricingPolicy;
import dev.cartflow.model.Rate;
import dev.cartflow.model.ShippingMethod;
import dev.cartflow.model.Sku;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A tax-exempt customer pays no tax, decided on what pricing is handed rather than in pricing: every
 * quote and the shipping method lose their tax rates. With net prices ({@code EXCLUSIVE}) that is
 * all. With gross prices ({@code INCLUSIVE}) a price contains tax the customer must not pay, so each
 * unit price and the shipping price become their net amount, {@code gross / (1 + r1 + ... + rn)}
 * rounded once to the minor unit with the cart's rounding: the exempt customer is priced as if the
 * host had quoted net prices. Promotion values and thresholds ({@code minSubtotal},
 * {@code freeAbove}) stay as the host gave them and are compared with these net amounts.
 */
final class TaxExemption {
    private TaxExemption() {
    }

    /** The quotes without tax. */
    static Map<Sku, PriceQuote> quotes(Map<Sku, PriceQuote> quotes, PricingPolicy policy) {
        Map<Sku, PriceQuote> exempt = new HashMap<>();
        quotes.forEach((sku, quote) -> exempt.put(sku, new PriceQuote(quote.sku(),
                untaxed(quote.unitPrice(), quote.taxRates(), policy), List.of(), null)));
        return exempt;
    }

    /** The shipping method without tax, or null for none. */
    static @Nullable ShippingMethod method(@Nullable ShippingMethod method, PricingPolicy policy) {
        if (method == null) {
            return null;
        }
        return new ShippingMethod(method.id(), untaxed(method.price(), method.taxRates(), policy), method.freeAbove(),
                List.of(), method.maxWeightGrams(), method.countries());
    }

    private static Money untaxed(Money price, List<Rate> rates, PricingPolicy policy) {
        if (policy.taxMode() == PricingPolicy.TaxMode.EXCLUSIVE || rates.isEmpty()) {
            return price;
        }
        BigDecimal divisor = BigDecimal.ONE;
        for (Rate rate : rates) {
            divisor = divisor.add(rate.toDecimal());
        }
        RoundingMode rounding = policy.rounding();
        BigDecimal net = price.toDecimal().divide(divisor, Math.max(price.scale(), 0), rounding);
        try {
            return new Money(net.unscaledValue().longValueExact(), price.currency());
        } catch (ArithmeticException e) {
            throw CartException.invalidInput("net price overflows");
        }
    }
}
