package dev.cartflow.core.observe;

import dev.cartflow.error.CartErrorCode;
import dev.cartflow.model.CartOperation;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The engine's one observation hook: what it did, how long it took and how it ended, so that a
 * host can count, time and alert without the core knowing any metrics library ({@code cart-micrometer}
 * implements it with Micrometer). Every method has a no-op default, so an observer overrides only
 * what it needs. Calls come from the operation's thread, so an observer must be thread-safe, fast,
 * and must not throw (what it throws is swallowed and never changes an operation's outcome).
 * Arguments carry no personal data: tags are operation names, provider names and error codes.
 */
public interface CartObserver {
    /** The observer that ignores everything (the default). */
    CartObserver NONE = new CartObserver() {
    };

    /**
     * An operation entered the engine.
     *
     * @param operation the operation
     */
    default void operationStarted(CartOperation operation) {
    }

    /**
     * An operation left the engine.
     *
     * @param operation the operation
     * @param outcome   how it ended
     * @param code      the error code when it failed, else null
     * @param duration  its wall-clock duration
     */
    default void operationFinished(CartOperation operation, Outcome outcome, @Nullable CartErrorCode code,
                                   Duration duration) {
    }

    /**
     * A provider or store was called.
     *
     * @param provider its name ({@code catalog}, {@code pricing}, {@code repository}, ...)
     * @param outcome  {@link Outcome#SUCCESS} or {@link Outcome#ERROR}
     * @param duration how long the call took
     */
    default void providerCalled(String provider, Outcome outcome, Duration duration) {
    }

    /**
     * A resilience decorator tries a failed read of a provider again (after its back-off).
     *
     * @param provider the provider's name
     * @param attempt  the number of the attempt about to start (2 for the first retry)
     */
    default void providerRetried(String provider, int attempt) {
    }

    /**
     * An operation lost a race to a concurrent change and is tried again.
     *
     * @param operation the operation
     * @param attempt   the number of the attempt about to start (2 for the first retry)
     */
    default void conflictRetried(CartOperation operation, int attempt) {
    }

    /**
     * A cache was consulted.
     *
     * @param cache its name ({@code carts}, {@code catalog}, {@code prices}, ...)
     * @param hit   whether the answer came from the cache
     */
    default void cacheAccessed(String cache, boolean hit) {
    }

    /**
     * A circuit breaker changed state.
     *
     * @param provider the provider it guards
     * @param state    its new state
     */
    default void breakerChanged(String provider, BreakerState state) {
    }

    /**
     * The outbox was measured.
     *
     * @param pending     events not yet delivered
     * @param oldestAge   age of the oldest undelivered event (zero when none)
     */
    default void outboxMeasured(long pending, Duration oldestAge) {
    }

    /**
     * Something a shop counts happened (a cart created, merged, checked out, ...).
     *
     * @param event what happened, with its amount and count
     */
    default void business(BusinessEvent event) {
    }

    /**
     * A failure the engine survived without failing the operation (an in-process publisher that
     * threw, a release that failed after a failed checkout, a cache that could not be repaired).
     *
     * @param where which step swallowed it
     * @param error what was thrown
     */
    default void failureSwallowed(String where, Throwable error) {
    }
}
