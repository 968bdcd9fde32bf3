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
    /**
     * Validates and copies.
     *
     * @param id             a {@linkplain Checks#text text} of at most 64 characters
     * @param price          at least zero
     * @param freeAbove      in the currency of {@code price}, or null
     * @param taxRates       no null element; copied
     * @param maxWeightGrams at least zero
     * @param countries      well-formed texts, no null element; copied
     * @throws dev.cartflow.error.CartException {@code CURRENCY_MISMATCH} when {@code freeAbove} is in another
     *                                          currency than {@code price}; {@code INVALID_INPUT} when another
     *                                          component breaks its rule
     */
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

    /**
     * True when the method ships this weight to this country.
     *
     * @param country     the destination, ISO 3166-1 alpha-2, compared as given with {@link #countries()}
     * @param weightGrams the weight of the cart in grams
     * @return whether the country is served (or every country is) and the weight is at most
     *         {@link #maxWeightGrams()}
     */
    public boolean available(String country, long weightGrams) {
        return (countries.isEmpty() || countries.contains(country)) && weightGrams <= maxWeightGrams;
    }
}
