package dev.cartflow.spi;

import dev.cartflow.model.ShippingAddress;
import org.jspecify.annotations.Nullable;

/**
 * What the host knows about a customer that pricing needs.
 *
 * @param customerGroup  the group prices and promotions are chosen for, or null for none
 * @param defaultCountry ISO 3166-1 alpha-2 country new carts of the customer ship to, or null
 * @param defaultAddress the address new carts of the customer ship to, or null
 * @param taxExempt      true when the customer pays no tax
 */
public record CustomerProfile(@Nullable String customerGroup, @Nullable String defaultCountry,
                              @Nullable ShippingAddress defaultAddress, boolean taxExempt) {
    /**
     * Validates the texts that are given.
     *
     * @param customerGroup  the group, or null; when given, 1 to 64 characters, not blank, without
     *                       control characters
     * @param defaultCountry the default country, or null; when given, two upper-case ASCII letters
     * @param defaultAddress the default address, or null (it validates itself)
     * @param taxExempt      true when the customer pays no tax
     * @throws dev.cartflow.error.CartException {@code INVALID_INPUT} when the group or the country
     *                                          breaks its rule
     */
    public CustomerProfile {
        if (customerGroup != null) {
            dev.cartflow.model.Checks.text(customerGroup, "customer group", 64);
        }
        if (defaultCountry != null) {
            dev.cartflow.model.Checks.country(defaultCountry, "default country");
        }
    }
}
