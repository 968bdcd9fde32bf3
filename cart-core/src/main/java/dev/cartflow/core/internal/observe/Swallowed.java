package dev.cartflow.core.internal.observe;

import dev.cartflow.core.observe.CartObserver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A failure the engine survives without failing the operation (an in-process publisher that
 * threw, a release after a failed checkout): told to the observer and logged at {@code WARN} on
 * the logger {@value #LOGGER}, with where it happened, its type and its stack trace.
 */
public final class Swallowed {
    /** The logger of swallowed failures. */
    public static final String LOGGER = "dev.cartflow.failures";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    private Swallowed() {
    }

    /**
     * Reports a swallowed failure; never throws.
     *
     * @param observer the guarded observer
     * @param where    the step that swallowed it ({@code publish}, {@code checkout.release}, ...)
     * @param error    what was thrown
     */
    public static void report(CartObserver observer, String where, Throwable error) {
        observer.failureSwallowed(where, error);
        try {
            LOG.atWarn()
                    .addKeyValue("where", where)
                    .addKeyValue("error", error.getClass().getName())
                    .setCause(error)
                    .log("failure swallowed");
        } catch (RuntimeException ignored) {
            // A failing log backend must not fail the operation either.
        }
    }
}
