package dev.cartflow.core.internal.observe;

import dev.cartflow.core.observe.BreakerState;
import dev.cartflow.core.observe.BusinessEvent;
import dev.cartflow.core.observe.CartObserver;
import dev.cartflow.core.observe.Outcome;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.model.CartOperation;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The host's observer behind a guard: whatever it throws is dropped, so that observing never
 * changes an operation's outcome, and every stage may call it without a try block of its own.
 */
public final class SafeObserver implements CartObserver {
    private final CartObserver delegate;

    private SafeObserver(CartObserver delegate) {
        this.delegate = delegate;
    }

    /**
     * The guarded form of an observer.
     *
     * @param observer the host's observer
     * @return an observer that never throws ({@link CartObserver#NONE} stays itself)
     */
    public static CartObserver of(CartObserver observer) {
        if (observer == CartObserver.NONE || observer instanceof SafeObserver) {
            return observer;
        }
        return new SafeObserver(observer);
    }

    /** Whether anyone listens: the decorators are left out when nobody does. */
    public static boolean listening(CartObserver observer) {
        return observer != CartObserver.NONE;
    }

    private static void quietly(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException | LinkageError ignored) {
            // An observer must not change an operation's outcome (CartObserver's contract).
        }
    }

    @Override
    public void operationStarted(CartOperation operation) {
        quietly(() -> delegate.operationStarted(operation));
    }

    @Override
    public void operationFinished(CartOperation operation, Outcome outcome, @Nullable CartErrorCode code,
                                  Duration duration) {
        quietly(() -> delegate.operationFinished(operation, outcome, code, duration));
    }

    @Override
    public void providerCalled(String provider, Outcome outcome, Duration duration) {
        quietly(() -> delegate.providerCalled(provider, outcome, duration));
    }

    @Override
    public void conflictRetried(CartOperation operation, int attempt) {
        quietly(() -> delegate.conflictRetried(operation, attempt));
    }

    @Override
    public void cacheAccessed(String cache, boolean hit) {
        quietly(() -> delegate.cacheAccessed(cache, hit));
    }

    @Override
    public void breakerChanged(String provider, BreakerState state) {
        quietly(() -> delegate.breakerChanged(provider, state));
    }

    @Override
    public void outboxMeasured(long pending, Duration oldestAge) {
        quietly(() -> delegate.outboxMeasured(pending, oldestAge));
    }

    @Override
    public void business(BusinessEvent event) {
        quietly(() -> delegate.business(event));
    }

    @Override
    public void failureSwallowed(String where, Throwable error) {
        quietly(() -> delegate.failureSwallowed(where, error));
    }
}
