package dev.cartflow.core;

import dev.cartflow.error.CartException;

/**
 * Options of one mutation.
 *
 * @param expectedVersion the version the caller saw, or null to let the engine re-apply the
 *                        command on the latest version after a concurrent change
 * @param idempotencyKey  a key making retries safe: a repeated call with the same key returns the
 *                        first result and is not applied again; or null
 * @param correlationId   the caller's request id for the engine's log lines (at most 128 printable
 *                        characters), or null to take it from the SLF4J MDC key
 *                        {@code cartflow.correlationId}; it never changes what the mutation does
 *                        (an idempotent replay with another correlation id is the same request)
 */
public record Mutation(Long expectedVersion, String idempotencyKey, String correlationId) {
    private static final Mutation NONE = new Mutation(null, null, null);

    /**
     * Validates.
     *
     * @param expectedVersion at least 1, or null
     * @param idempotencyKey  1 to 128 characters, not blank, without control characters, or null
     * @param correlationId   1 to 128 characters, not blank, without control characters, or null
     * @throws CartException {@code INVALID_INPUT} when a value is out of shape
     */
    public Mutation {
        if (expectedVersion != null && expectedVersion < 1) {
            throw CartException.invalidInput("expected version must be at least 1");
        }
        if (idempotencyKey != null) {
            Shapes.text(idempotencyKey, "idempotency key", 128);
        }
        if (correlationId != null) {
            Shapes.text(correlationId, "correlation id", 128);
        }
    }

    /**
     * Options without a correlation id.
     *
     * @param expectedVersion the version the caller saw, or null
     * @param idempotencyKey  the idempotency key, or null
     */
    public Mutation(Long expectedVersion, String idempotencyKey) {
        this(expectedVersion, idempotencyKey, null);
    }

    /**
     * No expected version, no idempotency key.
     *
     * @return the shared options that expect no version and carry no key
     */
    public static Mutation none() {
        return NONE;
    }

    /**
     * Strict: fail with {@code VERSION_CONFLICT} unless the cart is at this version.
     *
     * @param version the version the caller saw, at least 1 ({@code INVALID_INPUT} else)
     * @return the options
     */
    public static Mutation expecting(long version) {
        return new Mutation(version, null);
    }

    /**
     * Retry-safe with this key.
     *
     * @param key the key, 1 to 128 characters, not blank, no control characters
     *            ({@code INVALID_INPUT} else)
     * @return the options, without an expected version
     */
    public static Mutation idempotent(String key) {
        return new Mutation(null, key);
    }

    /**
     * The same options with an idempotency key.
     *
     * @param key the key as for {@link #idempotent(String)}, or null for none
     * @return new options
     */
    public Mutation withIdempotencyKey(String key) {
        return new Mutation(expectedVersion, key, correlationId);
    }

    /**
     * The same options with a correlation id for the log lines.
     *
     * @param id the correlation id, at most 128 characters, or null to take it from the MDC
     * @return new options
     */
    public Mutation withCorrelationId(String id) {
        return new Mutation(expectedVersion, idempotencyKey, id);
    }
}
