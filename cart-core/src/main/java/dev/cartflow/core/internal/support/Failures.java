package dev.cartflow.core.internal.support;

import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import java.util.function.Supplier;

/**
 * The engine's error honesty in one place: a {@link CartException} passes through unchanged, a
 * failing host provider or store becomes {@code PROVIDER_UNAVAILABLE}, and anything else thrown
 * inside the engine (a bug of ours, of the pricer or of a host component such as its clock)
 * becomes {@code INTERNAL}. The cause is kept in both cases so that hosts can alert on it.
 */
public final class Failures {
    private Failures() {
    }

    /**
     * Calls a host provider or store.
     *
     * @param what the provider's name for the message (never a value: messages must not carry
     *             personal data)
     * @param call the call
     * @param <T>  its result
     * @return the result, never null
     */
    public static <T> T provider(String what, Supplier<T> call) {
        T result;
        try {
            result = call.get();
        } catch (CartException e) {
            throw e;
        } catch (RuntimeException e) {
            throw CartException.providerUnavailable(what + " failed", e);
        }
        if (result == null) {
            throw CartException.providerUnavailable(what + " returned null", null);
        }
        return result;
    }

    /** As {@link #provider(String, Supplier)} for a call without a result. */
    public static void provider(String what, Runnable call) {
        provider(what, () -> {
            call.run();
            return Boolean.TRUE;
        });
    }

    /**
     * Runs one public entry point of the engine: what is not a {@link CartException} by now is
     * nobody's input, so it is {@code INTERNAL}.
     *
     * @param call the operation
     * @param <T>  its result
     * @return the result
     */
    public static <T> T guard(Supplier<T> call) {
        try {
            return call.get();
        } catch (CartException e) {
            throw e;
        } catch (RuntimeException e) {
            throw CartException.internal("unexpected " + e.getClass().getSimpleName(), e);
        }
    }

    /** Fails with {@code INVALID_INPUT} when an argument is null. */
    public static <T> T required(T value, String name) {
        if (value == null) {
            throw CartException.invalidInput(name + " must not be null");
        }
        return value;
    }

    /**
     * A positive duration, or {@code INVALID_INPUT} naming it.
     *
     * @param value the duration
     * @param name  what it is, for the message
     * @return the duration
     */
    public static java.time.Duration positive(java.time.Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw CartException.invalidInput(name + " must be positive");
        }
        return value;
    }

    /** An {@code ACCESS_DENIED} that reveals nothing about the cart. */
    public static CartException denied() {
        return new CartException(CartErrorCode.ACCESS_DENIED, "not allowed");
    }
}
