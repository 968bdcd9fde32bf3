package dev.cartflow.error;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * The one exception type of CartFlow. Every rejected operation throws it with a stable
 * {@link CartErrorCode} and leaves stored data untouched.
 */
public final class CartException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The stable code; part of the serialized form, as the two fields below. */
    private final CartErrorCode code;
    /** The version stored at a version conflict, or -1 when unknown or not a conflict. */
    private final long currentVersion;
    /** How long a rate-limited caller should wait, or null for every other failure. */
    private final @Nullable Duration retryAfter;

    /**
     * Creates an exception with a code and a message for developers (never shown to shoppers as is).
     *
     * @param code    the stable code; {@link #getMessage()} starts with its name and a colon
     * @param message what failed, for developers; names the field, never personal data
     */
    public CartException(CartErrorCode code, String message) {
        this(code, message, null, -1, null);
    }

    /**
     * Creates an exception that wraps the failure of a dependency.
     *
     * @param code    the stable code, usually {@link CartErrorCode#PROVIDER_UNAVAILABLE} or
     *                {@link CartErrorCode#INTERNAL}; {@link #getMessage()} starts with its name and a colon
     * @param message what failed, for developers; never personal data
     * @param cause   the dependency's exception, kept as {@link #getCause()}
     */
    public CartException(CartErrorCode code, String message, Throwable cause) {
        this(code, message, cause, -1, null);
    }

    private CartException(CartErrorCode code, String message, @Nullable Throwable cause, long currentVersion,
                          @Nullable Duration retryAfter) {
        super(Objects.requireNonNull(code, "code") + ": " + message, cause);
        this.code = code;
        this.currentVersion = currentVersion;
        this.retryAfter = retryAfter;
    }

    /**
     * A {@link CartErrorCode#VERSION_CONFLICT} that carries the version currently stored.
     *
     * @param currentVersion the version stored when the conflict was detected; a negative value means
     *                       unknown, and {@link #currentVersion()} is then empty
     * @param message        for developers
     * @return the exception
     */
    public static CartException versionConflict(long currentVersion, String message) {
        return new CartException(CartErrorCode.VERSION_CONFLICT, message, null, currentVersion, null);
    }

    /**
     * A {@link CartErrorCode#RATE_LIMITED}: the caller may try again after {@code retryAfter}.
     *
     * @param retryAfter how long to wait before the next try (at least one millisecond is reported)
     * @param message    for developers; names the limit, never the caller's identity
     * @return the exception
     */
    public static CartException rateLimited(Duration retryAfter, String message) {
        Duration wait = retryAfter == null || retryAfter.isNegative() || retryAfter.isZero()
                ? Duration.ofMillis(1) : retryAfter;
        return new CartException(CartErrorCode.RATE_LIMITED, message, null, -1, wait);
    }

    /**
     * A {@link CartErrorCode#INTERNAL}: a bug in CartFlow or in a host's component, cause kept.
     *
     * @param message for developers; never personal data
     * @param cause   the failure, kept as {@link #getCause()}
     * @return the exception
     */
    public static CartException internal(String message, Throwable cause) {
        return new CartException(CartErrorCode.INTERNAL, message, cause);
    }

    /**
     * A {@link CartErrorCode#PROVIDER_UNAVAILABLE}: a provider or store failed, cause kept.
     *
     * @param message for developers; names the provider, never personal data
     * @param cause   the provider's or store's failure, kept as {@link #getCause()}
     * @return the exception
     */
    public static CartException providerUnavailable(String message, Throwable cause) {
        return new CartException(CartErrorCode.PROVIDER_UNAVAILABLE, message, cause);
    }

    /**
     * Shorthand for {@link CartErrorCode#INVALID_INPUT}.
     *
     * @param message for developers; names the field but never repeats the offending value
     * @return the exception
     */
    public static CartException invalidInput(String message) {
        return new CartException(CartErrorCode.INVALID_INPUT, message);
    }

    /**
     * An idempotency key reused for a different request ({@link CartErrorCode#IDEMPOTENCY_KEY_REUSED}).
     *
     * @return the exception, with a fixed message
     */
    public static CartException idempotencyKeyReused() {
        return new CartException(CartErrorCode.IDEMPOTENCY_KEY_REUSED, "idempotency key reused for a different request");
    }

    /**
     * Returns {@code value}, or fails with {@link CartErrorCode#INVALID_INPUT} when it is null: the
     * null check for SPI implementations, so that no {@code NullPointerException} reaches a caller.
     *
     * @param <T>   the type of the value
     * @param value the value to check
     * @param name  what it is; the message reads {@code "<name> must not be null"}
     * @return {@code value}, unchanged
     * @throws CartException {@link CartErrorCode#INVALID_INPUT} when {@code value} is null
     */
    public static <T> T requireNonNull(@Nullable T value, String name) {
        if (value == null) {
            throw invalidInput(name + " must not be null");
        }
        return value;
    }

    /**
     * The stable code of this failure.
     *
     * @return the code, never null
     */
    public CartErrorCode code() {
        return code;
    }

    /**
     * Whether the same request may succeed when repeated; see {@link CartErrorCode#retryable()}.
     *
     * @return the code's {@link CartErrorCode#retryable()}
     */
    public boolean retryable() {
        return code.retryable();
    }

    /**
     * For a version conflict, the version stored when the conflict was detected, if known.
     *
     * @return the stored version; empty for every other code and for a conflict created without
     *         {@link #versionConflict}
     */
    public OptionalLong currentVersion() {
        return currentVersion < 0 ? OptionalLong.empty() : OptionalLong.of(currentVersion);
    }

    /**
     * For {@code RATE_LIMITED}, how long the caller should wait before trying again.
     *
     * @return the wait, at least one millisecond, when created by {@link #rateLimited}; empty otherwise
     */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
