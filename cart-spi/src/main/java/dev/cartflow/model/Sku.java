package dev.cartflow.model;

/**
 * A stock keeping unit: the host's product id.
 *
 * @param value non-blank, at most {@value #MAX_LENGTH} characters, no control characters
 */
public record Sku(String value) implements Comparable<Sku> {
    /** The longest sku accepted. */
    public static final int MAX_LENGTH = 128;

    /** Validates. */
    public Sku {
        Checks.text(value, "sku", MAX_LENGTH);
    }

    /** Shorthand for {@code new Sku(value)}. */
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
