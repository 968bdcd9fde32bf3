package dev.cartflow.model;

/**
 * The host's id of a signed-in customer.
 *
 * @param value non-blank, at most 128 characters, no control characters
 */
public record CustomerId(String value) {
    /** Validates. */
    public CustomerId {
        Checks.text(value, "customer id", 128);
    }

    @Override
    public String toString() {
        return value;
    }
}
