package dev.cartflow.core.memory;

import dev.cartflow.error.CartException;
import dev.cartflow.model.Checks;
import dev.cartflow.spi.Destination;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where within its countries an {@link InMemoryShipping} method ships: to the listed subdivisions, or
 * to postal codes starting with one of the listed prefixes (compared in upper case without spaces or
 * dashes, so {@code "m5v 2t6"} is in the zone {@code "M5V"}). A destination without the subdivision
 * or postal code a zone needs is outside it.
 *
 * @param subdivisions       state or province codes; empty for none
 * @param postalCodePrefixes postal code prefixes; empty for none
 */
public record ShippingZone(Set<String> subdivisions, Set<String> postalCodePrefixes) {
    /**
     * Validates, normalizes and copies; a zone names at least one subdivision or prefix.
     *
     * @param subdivisions       not null; each 1 to 32 ASCII letters, digits, {@code -} and {@code _}
     * @param postalCodePrefixes not null; each 1 to 16 characters, not blank, without control characters,
     *                           and with a letter or digit left once spaces and dashes are removed
     * @throws CartException {@code INVALID_INPUT} when a value is out of shape, or the zone names neither a subdivision
     *                       nor a prefix
     */
    public ShippingZone {
        CartException.requireNonNull(subdivisions, "subdivisions");
        CartException.requireNonNull(postalCodePrefixes, "postal code prefixes");
        subdivisions.forEach(s -> Checks.region(s, "subdivision"));
        subdivisions = Set.copyOf(subdivisions);
        postalCodePrefixes.forEach(p -> Checks.text(p, "postal code prefix", 16));
        postalCodePrefixes = postalCodePrefixes.stream().map(ShippingZone::normalized)
                .collect(Collectors.toUnmodifiableSet());
        if (postalCodePrefixes.contains("")) {
            throw CartException.invalidInput("a postal code prefix needs a letter or a digit");
        }
        if (subdivisions.isEmpty() && postalCodePrefixes.isEmpty()) {
            throw CartException.invalidInput("a shipping zone needs a subdivision or a postal code prefix");
        }
    }

    /**
     * A zone of subdivisions.
     *
     * @param subdivisions the codes
     * @return the zone
     */
    public static ShippingZone subdivisions(String... subdivisions) {
        return new ShippingZone(Set.of(subdivisions), Set.of());
    }

    /**
     * A zone of postal code prefixes.
     *
     * @param prefixes the prefixes
     * @return the zone
     */
    public static ShippingZone postalCodes(String... prefixes) {
        return new ShippingZone(Set.of(), Set.of(prefixes));
    }

    /**
     * Whether a destination is in the zone.
     *
     * @param destination where a cart ships to
     * @return true when its subdivision is listed or its postal code starts with a listed prefix
     */
    public boolean contains(Destination destination) {
        if (destination.subdivision() != null && subdivisions.contains(destination.subdivision())) {
            return true;
        }
        if (destination.postalCode() == null) {
            return false;
        }
        String postalCode = normalized(destination.postalCode());
        return postalCodePrefixes.stream().anyMatch(postalCode::startsWith);
    }

    private static String normalized(String postalCode) {
        return postalCode.replace(" ", "").replace("-", "").toUpperCase(Locale.ROOT);
    }
}
