package dev.cartflow.core.observe;

import dev.cartflow.error.CartErrorCode;
import org.jspecify.annotations.Nullable;

/** How an operation or a provider call ended; the {@code outcome} tag of metrics. */
public enum Outcome {
    /** It succeeded. */
    SUCCESS,
    /** It was refused because of what the caller sent or may do (a 4xx). */
    REJECTED,
    /** It failed for a reason that is not the caller's: a provider or store, or a bug. */
    ERROR;

    /**
     * The outcome of an operation that ended with {@code code}.
     *
     * @param code the error code, or null for success
     * @return the outcome
     */
    public static Outcome of(@Nullable CartErrorCode code) {
        if (code == null) {
            return SUCCESS;
        }
        return code == CartErrorCode.PROVIDER_UNAVAILABLE || code == CartErrorCode.INTERNAL ? ERROR : REJECTED;
    }
}
