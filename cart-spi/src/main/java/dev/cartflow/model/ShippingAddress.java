package dev.cartflow.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where a cart ships to, beyond its country ({@link Cart#country()}). The subdivision and the postal
 * code are what tax and shipping rules read; the city and the street lines are personal data that
 * only the host reads back: the engine never puts them in events, logs, metrics or error messages,
 * and an encrypting repository stores the street lines encrypted.
 *
 * @param subdivision the state, province or region code within the country (the part after the dash
 *                    of ISO 3166-2, for example {@code CA} for {@code US-CA}), or null
 * @param postalCode  the postal code as the shopper typed it, or null
 * @param city        the city, or null
 * @param streetLines up to {@value #MAX_STREET_LINES} lines of street text, opaque to the engine
 */
public record ShippingAddress(@Nullable String subdivision, @Nullable String postalCode, @Nullable String city,
                              List<String> streetLines) {
    /** The most street lines an address holds. */
    public static final int MAX_STREET_LINES = 4;

    /**
     * Validates and copies.
     *
     * @param subdivision a {@linkplain Checks#region region name} (ASCII letters, digits, {@code -} and
     *                    {@code _}), or null
     * @param postalCode  a {@linkplain Checks#text text} of at most 16 characters, or null
     * @param city        a {@linkplain Checks#text text} of at most 128 characters, or null
     * @param streetLines at most {@value #MAX_STREET_LINES}, each a {@linkplain Checks#text text} of at most
     *                    256 characters; copied
     * @throws dev.cartflow.error.CartException {@code INVALID_INPUT} when a component breaks its rule; the
     *                                          message never repeats the value
     */
    public ShippingAddress {
        if (subdivision != null) {
            Checks.region(subdivision, "subdivision");
        }
        if (postalCode != null) {
            Checks.text(postalCode, "postal code", 16);
        }
        if (city != null) {
            Checks.text(city, "city", 128);
        }
        streetLines = Checks.listOf(streetLines, "street lines");
        if (streetLines.size() > MAX_STREET_LINES) {
            throw dev.cartflow.error.CartException.invalidInput("at most " + MAX_STREET_LINES + " street lines");
        }
        for (String line : streetLines) {
            Checks.text(line, "street line", 256);
        }
    }

    /** Never prints the personal parts. */
    @Override
    public String toString() {
        return "ShippingAddress[subdivision=" + subdivision + ", postalCode=" + (postalCode == null ? null : "***")
                + ", city=" + (city == null ? null : "***") + ", streetLines=" + streetLines.size() + "]";
    }
}
