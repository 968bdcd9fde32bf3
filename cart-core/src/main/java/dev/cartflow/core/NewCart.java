package dev.cartflow.core;

import dev.cartflow.error.CartException;
import dev.cartflow.model.Checks;
import java.util.Currency;

/**
 * What a new cart starts with.
 *
 * @param currency      the cart's currency for its whole life
 * @param country       ship-to country, ISO 3166-1 alpha-2
 * @param customerGroup group for prices and promotions, or null
 * @param region        the data-residency region the cart must be stored in, or null for the
 *                      engine's own region (see {@link CartEngineBuilder#region})
 */
public record NewCart(Currency currency, String country, String customerGroup, String region) {
    /** Validates. */
    public NewCart {
        if (currency == null) {
            throw CartException.invalidInput("currency is required");
        }
        Checks.currency(currency, "currency");
        Shapes.country(country);
        if (customerGroup != null) {
            Shapes.text(customerGroup, "customer group", 64);
        }
        if (region != null) {
            Checks.region(region, "region");
        }
    }

    /**
     * A cart in the engine's region.
     *
     * @param currency      the cart's currency
     * @param country       ship-to country
     * @param customerGroup group for prices and promotions, or null
     */
    public NewCart(Currency currency, String country, String customerGroup) {
        this(currency, country, customerGroup, null);
    }

    /** A cart in this currency and country, no customer group. */
    public static NewCart of(String currencyCode, String country) {
        try {
            return new NewCart(Currency.getInstance(currencyCode), country, null);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw CartException.invalidInput("unknown currency " + currencyCode);
        }
    }

    /**
     * The same cart asked for in a region.
     *
     * @param region the region, or null for the engine's own
     * @return a new spec
     * @throws CartException {@code INVALID_INPUT} when the region is not a region name
     */
    public NewCart withRegion(String region) {
        return new NewCart(currency, country, customerGroup, region);
    }
}
