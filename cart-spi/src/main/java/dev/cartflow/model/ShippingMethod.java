package dev.cartflow.model;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A way to ship a cart.
 *
 * @param id             method id
 * @param price          price (net or gross with the engine's tax mode)
 * @param freeAbove      shipping is free when the items' amount after all discounts is at least this; null for never
 * @param taxRates       rates applied to the shipping amount
 * @param maxWeightGrams heaviest cart the method takes; {@link Long#MAX_VALUE} for no limit
 * @param countries      destination countries; empty means everywhere
 */
public record ShippingMethod(String id, Money price, @Nullable Money freeAbove, List<Rate> taxRates, long maxWeightGrams,
                             Set<String> countries) {
    /** Validates and copies. */
    public ShippingMethod {
        Checks.text(id, "shipping method", 64);
        Checks.notNull(price, "price");
        if (freeAbove != null) {
            price.requireSameCurrency(freeAbove);
        }
        taxRates = Checks.listOf(taxRates, "tax rates");
        countries = Checks.textSetOf(countries, "countries");
        if (price.isNegative() || maxWeightGrams < 0) {
            throw dev.cartflow.error.CartException.invalidInput("invalid shipping method " + id);
        }
    }

    /** True when the method ships this weight to this country. */
    public boolean available(String country, long weightGrams) {
        return (countries.isEmpty() || countries.contains(country)) && weightGrams <= maxWeightGrams;
    }
}
