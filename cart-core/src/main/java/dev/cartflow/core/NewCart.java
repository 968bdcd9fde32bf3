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
 */
public record NewCart(Currency currency, String country, String customerGroup) {
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
    }

    /** A cart in this currency and country, no customer group. */
    public static NewCart of(String currencyCode, String country) {
        try {
            return new NewCart(Currency.getInstance(currencyCode), country, null);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw CartException.invalidInput("unknown currency " + currencyCode);
        }
    }
}
