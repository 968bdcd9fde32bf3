package dev.cartflow.model;

import java.time.Instant;

/**
 * The recovery link of an abandoned cart: single use and expiring. The token itself is given to the
 * host once, for its e-mail; the cart keeps only its hash.
 *
 * @param tokenHash the hash of the recovery token
 * @param issuedAt  when it was issued
 * @param expiresAt after this instant it can no longer be redeemed
 */
public record RecoveryToken(String tokenHash, Instant issuedAt, Instant expiresAt) {
    /**
     * Validates.
     *
     * @param tokenHash a {@linkplain Checks#text text} of at most 128 characters
     * @param issuedAt  not null
     * @param expiresAt not null; not compared with {@code issuedAt}
     * @throws dev.cartflow.error.CartException {@code INVALID_INPUT} when a component breaks its rule
     */
    public RecoveryToken {
        Checks.text(tokenHash, "recovery token hash", 128);
        Checks.notNull(issuedAt, "issued at");
        Checks.notNull(expiresAt, "recovery expires at");
    }

    /** Never prints the hash. */
    @Override
    public String toString() {
        return "RecoveryToken[issuedAt=" + issuedAt + ", expiresAt=" + expiresAt + "]";
    }
}
