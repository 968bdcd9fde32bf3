package dev.cartflow.model;

/**
 * A stock keeping unit: the host's product id.
 *
 * @param value non-blank, at most {@value #MAX_LENGTH} characters, no control characters
 */
public record Sku(String value) implements Comparable<Sku> {
    /** The longest sku accepted. */
    public static final int MAX_LENGTH = 128;

    /**
     * Validates.
     *
     * @param value a {@linkplain Checks#text text} of at most {@value #MAX_LENGTH} characters
     * @throws dev.cartflow.error.CartException {@code INVALID_INPUT} when the value breaks its rule
     */
    public Sku {
        Checks.text(value, "sku", MAX_LENGTH);
    }

    /**
     * Shorthand for {@code new Sku(value)}.
     *
     * @param value the host's product id
     * @return the sku
     * @throws dev.cartflow.error.CartException {@code INVALID_INPUT} when the value is null, blank, longer
     *                                          than {@link #MAX_LENGTH}, holds control characters or is
     *                                          ill-formed UTF-16
     */
    public static Sku of(String value) {
        return new Sku(value);
    }

    @Override
    public int compareTo(Sku other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
