package dev.cartflow.core.internal.pipeline;

import dev.cartflow.core.internal.support.Failures;
import dev.cartflow.core.observe.CartObserver;
import dev.cartflow.core.observe.Outcome;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.CartOperation;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Where every public operation enters the engine: it is observed (started, finished with its
 * outcome and code, timed) and guarded, so that nothing but a {@link CartException} leaves it.
 * Cross-cutting concerns that wrap a whole operation plug in here, never into a rule.
 */
public final class Entry {
    private final CartObserver observer;

    /** Entry points observed by {@code observer}. */
    public Entry(CartObserver observer) {
        this.observer = observer;
    }

    /**
     * Runs one operation.
     *
     * @param operation its name
     * @param call      the operation
     * @param <T>       its result
     * @return the result
     */
    public <T> T run(CartOperation operation, Supplier<T> call) {
        long started = System.nanoTime();
        notify(() -> observer.operationStarted(operation));
        CartErrorCode code = null;
        try {
            return Failures.guard(call);
        } catch (CartException e) {
            code = e.code();
            throw e;
        } finally {
            CartErrorCode finalCode = code;
            Duration duration = Duration.ofNanos(System.nanoTime() - started);
            notify(() -> observer.operationFinished(operation, Outcome.of(finalCode), finalCode, duration));
        }
    }

    private static void notify(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException ignored) {
            // An observer must not change an operation's outcome.
        }
    }
}
