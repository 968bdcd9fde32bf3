package dev.cartflow.spi;

import dev.cartflow.error.CartException;

import java.time.Instant;

/**
 * The stored response of an operation that carried an idempotency key. Written in the same
 * transaction as the cart change it answers.
 *
 * @param key         the caller's key, scoped by the engine to the cart and actor
 * @param fingerprint a digest of the request, so that a key reused for another request is detected
 * @param response    the engine's serialized response
 * @param expiresAt   after this instant the key may be forgotten
 */
public record IdempotencyRecord(String key, String fingerprint, String response, Instant expiresAt) {
    /**
     * Validates that every field is present.
     *
     * @param key         the caller's key as scoped by the engine; not blank
     * @param fingerprint the request digest; required
     * @param response    the serialized response; required, may be empty
     * @param expiresAt   when the key may be forgotten; required
     * @throws CartException {@code INVALID_INPUT} when a field is null or the key is blank
     */
    public IdempotencyRecord {
        if (key == null || key.isBlank() || fingerprint == null || response == null || expiresAt == null) {
            throw CartException.invalidInput("incomplete idempotency record");
        }
    }
}
