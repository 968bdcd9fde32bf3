package dev.cartflow.model;

/**
 * The id of a line within a cart; stable while the line exists.
 *
 * @param value non-blank, at most 64 characters, no control characters
 */
public record LineId(String value) {
    /**
     * Validates.
     *
     * @param value a {@linkplain Checks#text text} of at most 64 characters
     * @throws dev.cartflow.error.CartException {@code INVALID_INPUT} when the value breaks its rule
     */
    public LineId {
        Checks.text(value, "line id", 64);
    }

    @Override
    public String toString() {
        return value;
    }
}
