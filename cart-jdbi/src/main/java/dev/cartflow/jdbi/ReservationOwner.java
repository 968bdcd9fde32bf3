package dev.cartflow.jdbi;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The cart a reservation belongs to, read from its id. The engine names a checkout's reservation
 * {@code checkout-<cart id>-<cart version>}; any other id (a host reserving for itself) names no cart
 * and gets a name-based UUID of itself, so that every row still has a cart id to be keyed and
 * distributed by, derived from the id alone.
 *
 * @param cartId      the cart, or the name-based UUID of an id that names none
 * @param cartVersion the version the checkout started from, or null when the id names no cart
 */
record ReservationOwner(UUID cartId, Long cartVersion) {
    private static final String PREFIX = "checkout-";
    private static final int UUID_LENGTH = 36;

    /** Whether this reservation is a checkout of a cart (and so swept when the checkout never completed). */
    boolean namesCart() {
        return cartVersion != null;
    }

    static ReservationOwner of(String reservationId) {
        int versionAt = PREFIX.length() + UUID_LENGTH + 1;
        if (reservationId.startsWith(PREFIX) && reservationId.length() > versionAt
                && reservationId.charAt(versionAt - 1) == '-') {
            String cart = reservationId.substring(PREFIX.length(), versionAt - 1);
            String version = reservationId.substring(versionAt);
            try {
                UUID id = UUID.fromString(cart);
                long v = Long.parseLong(version);
                // only the canonical spelling counts, so that one cart has one key
                if (id.toString().equals(cart) && v >= 0 && Long.toString(v).equals(version)) {
                    return new ReservationOwner(id, v);
                }
            } catch (IllegalArgumentException e) {
                // not the engine's form: a reservation of the host's own, below
            }
        }
        return new ReservationOwner(UUID.nameUUIDFromBytes(
                ("cartflow-reservation:" + reservationId).getBytes(StandardCharsets.UTF_8)), null);
    }
}
