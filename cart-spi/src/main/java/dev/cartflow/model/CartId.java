package dev.cartflow.model;

import dev.cartflow.error.CartException;
import java.util.UUID;

/**
 * The id of a cart, a random UUID.
 *
 * @param value the uuid
 */
public record CartId(UUID value) {
    /** Validates. */
    public CartId {
        Checks.notNull(value, "cart id");
    }

    /** A new random id. */
    public static CartId random() {
        return new CartId(UUID.randomUUID());
    }

    /** Parses the canonical text form; anything else is an {@code INVALID_INPUT}. */
    public static CartId parse(String text) {
        Checks.notNull(text, "cart id");
        try {
            if (text.length() != 36) {
                throw new IllegalArgumentException();
            }
            return new CartId(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            throw CartException.invalidInput("not a cart id");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
