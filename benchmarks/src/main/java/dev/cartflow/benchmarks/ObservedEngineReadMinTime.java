package dev.cartflow.benchmarks;

import dev.cartflow.core.observe.CartObserver;
import dev.cartflow.core.observe.Outcome;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.model.CartOperation;
import java.time.Duration;

/**
 * The engine's read path with an observer set, so that the observing decorators are on (issue 10
 * and later only: {@code CartEngineBuilder.observer} does not exist before). Run: {@code java -cp
 * benchmarks/target/benchmarks.jar dev.cartflow.benchmarks.ObservedEngineReadMinTime}.
 */
public final class ObservedEngineReadMinTime {
    private ObservedEngineReadMinTime() {
    }

    /** Prints min and median ns and bytes per call, as {@link EngineReadMinTime} does. */
    public static void main(String[] args) {
        EngineReads.run("observed", builder -> builder.observer(new IgnoringObserver()));
    }

    /** Overrides one method with nothing: all it does is make the engine install its observers. */
    private static final class IgnoringObserver implements CartObserver {
        @Override
        public void operationFinished(CartOperation operation, Outcome outcome, CartErrorCode code, Duration duration) {
        }
    }
}
