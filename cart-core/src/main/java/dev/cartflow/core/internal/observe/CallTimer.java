package dev.cartflow.core.internal.observe;

import dev.cartflow.core.observe.CartObserver;
import dev.cartflow.core.observe.Outcome;
import dev.cartflow.error.CartException;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Times one provider's calls and tells the observer each call's outcome: {@code SUCCESS}, the
 * outcome of the {@link CartException}'s code (a {@code VERSION_CONFLICT} of the repository is a
 * refusal, not a failure), or {@code ERROR} for anything else thrown. It only observes: what the
 * call throws is rethrown unchanged.
 */
final class CallTimer {
    private final String provider;
    private final CartObserver observer;

    CallTimer(String provider, CartObserver observer) {
        this.provider = provider;
        this.observer = observer;
    }

    <T> T call(Supplier<T> call) {
        long started = System.nanoTime();
        Outcome outcome = Outcome.ERROR;
        try {
            T result = call.get();
            outcome = Outcome.SUCCESS;
            return result;
        } catch (CartException e) {
            outcome = Outcome.of(e.code());
            throw e;
        } finally {
            observer.providerCalled(provider, outcome, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    void run(Runnable call) {
        call(() -> {
            call.run();
            return Boolean.TRUE;
        });
    }
}
