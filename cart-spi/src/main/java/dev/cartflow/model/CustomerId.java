package dev.cartflow.model;

/**
 * The host's id of a signed-in customer.
 *
 * @param value non-blank, at most 128 characters, no control characters
 */
public record CustomerId(String value) {
    /**
     * Validates.
     *
     * @param value a {@linkplain Checks#text text} of at most 128 characters
     * @throws dev.cartflow.error.CartException {@code INVALID_INPUT} when the value breaks its rule
     */
    public CustomerId {
        Checks.text(value, "customer id", 128);
    }

    @Override
    public String toString() {
        return value;
    }
}
