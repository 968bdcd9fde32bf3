package dev.cartflow.spi;

import dev.cartflow.model.Cart;
import dev.cartflow.model.Checks;
import dev.cartflow.model.ShippingAddress;
import org.jspecify.annotations.Nullable;

/**
 * Where a cart ships to, as far as tax and shipping rules need to know: the country, and the
 * subdivision and postal code of the cart's shipping address when it has one. Never the city or the
 * street lines.
 *
 * @param country     ISO 3166-1 alpha-2 ship-to country
 * @param subdivision the state, province or region code within the country (ISO 3166-2 after the
 *                    dash, {@code CA} for {@code US-CA}), or null when unknown
 * @param postalCode  the postal code as the shopper typed it, or null when unknown
 */
public record Destination(String country, @Nullable String subdivision, @Nullable String postalCode) {
    /**
     * Validates.
     *
     * @param country     the country; required, two upper-case ASCII letters
     * @param subdivision the subdivision code, or null; when given, 1 to 32 ASCII letters, digits,
     *                    {@code -} or {@code _}
     * @param postalCode  the postal code, or null; when given, 1 to 16 characters, not blank, without
     *                    control characters
     * @throws dev.cartflow.error.CartException {@code INVALID_INPUT} when a field breaks its rule
     */
    public Destination {
        Checks.country(country, "country");
        if (subdivision != null) {
            Checks.region(subdivision, "subdivision");
        }
        if (postalCode != null) {
            Checks.text(postalCode, "postal code", 16);
        }
    }

    /**
     * A country without subdivision or postal code.
     *
     * @param country ISO 3166-1 alpha-2
     * @return the destination
     * @throws dev.cartflow.error.CartException {@code INVALID_INPUT} when the country is not two
     *                                          upper-case ASCII letters
     */
    public static Destination country(String country) {
        return new Destination(country, null, null);
    }

    /**
     * A country with the subdivision and postal code of an address.
     *
     * @param country ISO 3166-1 alpha-2
     * @param address the address, or null for the country alone
     * @return the destination
     * @throws dev.cartflow.error.CartException {@code INVALID_INPUT} when the country is not two
     *                                          upper-case ASCII letters
     */
    public static Destination of(String country, @Nullable ShippingAddress address) {
        return address == null ? country(country)
                : new Destination(country, address.subdivision(), address.postalCode());
    }

    /**
     * Where a cart ships to now.
     *
     * @param cart the cart
     * @return its country with its address's subdivision and postal code
     */
    public static Destination of(Cart cart) {
        return of(cart.country(), cart.shippingAddress());
    }

    /** The postal code is masked: with a city it narrows a shopper down. */
    @Override
    public String toString() {
        return "Destination[country=" + country + ", subdivision=" + subdivision + ", postalCode="
                + (postalCode == null ? null : "***") + "]";
    }
}
