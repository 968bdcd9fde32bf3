package dev.cartflow.core;

import dev.cartflow.error.CartException;

/**
 * Options of one mutation.
 *
 * @param expectedVersion the version the caller saw, or null to let the engine re-apply the
 *                        command on the latest version after a concurrent change
 * @param idempotencyKey  a key making retries safe: a repeated call with the same key returns the
 *                        first result and is not applied again; or null
 */
public record Mutation(Long expectedVersion, String idempotencyKey) {
    private static final Mutation NONE = new Mutation(null, null);

    /** Validates. */
    public Mutation {
        if (expectedVersion != null && expectedVersion < 1) {
            throw CartException.invalidInput("expected version must be at least 1");
        }
        if (idempotencyKey != null) {
            Shapes.text(idempotencyKey, "idempotency key", 128);
        }
    }

    /** No expected version, no idempotency key. */
    public static Mutation none() {
        return NONE;
    }

    /** Strict: fail with {@code VERSION_CONFLICT} unless the cart is at this version. */
    public static Mutation expecting(long version) {
        return new Mutation(version, null);
    }

    /** Retry-safe with this key. */
    public static Mutation idempotent(String key) {
        return new Mutation(null, key);
    }

    /** The same options with an idempotency key. */
    public Mutation withIdempotencyKey(String key) {
        return new Mutation(expectedVersion, key);
    }
}
