package dev.cartflow.model;

import dev.cartflow.error.CartException;
import java.util.UUID;

/**
 * The id of a cart, a random UUID.
 *
 * @param value the uuid
 */
public record CartId(UUID value) {
    /**
     * Validates.
     *
     * @param value not null
     * @throws CartException {@code INVALID_INPUT} when the value is null
     */
    public CartId {
        Checks.notNull(value, "cart id");
    }

    /**
     * A new random id.
     *
     * @return an id holding a fresh {@link UUID#randomUUID()}
     */
    public static CartId random() {
        return new CartId(UUID.randomUUID());
    }

    /**
     * Parses the canonical text form; anything else is an {@code INVALID_INPUT}.
     *
     * @param text the 36-character hyphenated form that {@link #toString()} gives, in either letter case
     * @return the id
     * @throws CartException {@code INVALID_INPUT} when the text is null or not such a form; the message
     *                       does not repeat the text
     */
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
