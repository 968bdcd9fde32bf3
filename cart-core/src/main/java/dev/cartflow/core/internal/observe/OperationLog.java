package dev.cartflow.core.internal.observe;

import dev.cartflow.core.observe.Outcome;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CartOperation;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.event.Level;

/**
 * One log line per finished operation, as SLF4J key-values, on the logger
 * {@value #LOGGER}: {@code DEBUG} when it succeeded or was refused, {@code WARN} when a provider or
 * store failed, {@code ERROR} with the cause for an {@code INTERNAL} failure. The line holds no
 * personal data: operation, outcome, code, duration, cart id (not personal) and the caller's
 * correlation id; never an error message, which may quote what the caller sent.
 */
public final class OperationLog {
    /** The logger of operation lines. */
    public static final String LOGGER = "dev.cartflow.operations";
    /** The MDC key the correlation id is taken from when the mutation does not carry one. */
    public static final String MDC_KEY = "cartflow.correlationId";
    private static final int MAX_CORRELATION_ID = 128;
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    private OperationLog() {
    }

    /**
     * Logs a finished operation.
     *
     * @param operation     the operation
     * @param code          its error code, or null when it succeeded
     * @param duration      how long it took
     * @param cartId        the cart it acted on, when known
     * @param correlationId the correlation id the caller gave explicitly, or null to read the MDC
     * @param failure       what it threw, or null
     */
    public static void finished(CartOperation operation, @Nullable CartErrorCode code, Duration duration,
                                @Nullable CartId cartId, @Nullable String correlationId,
                                @Nullable Throwable failure) {
        Outcome outcome = Outcome.of(code);
        Level level = outcome != Outcome.ERROR ? Level.DEBUG
                : code == CartErrorCode.INTERNAL ? Level.ERROR : Level.WARN;
        if (!LOG.isEnabledForLevel(level)) {
            return;
        }
        var line = LOG.atLevel(level)
                .addKeyValue("operation", operation.name())
                .addKeyValue("outcome", outcome.name())
                .addKeyValue("code", code == null ? "" : code.name())
                .addKeyValue("durationMs", duration.toNanos() / 1_000_000.0)
                .addKeyValue("cartId", cartId == null ? "" : cartId.toString())
                .addKeyValue("correlationId", correlation(correlationId));
        if (level == Level.ERROR && failure != null) {
            // The cause of an INTERNAL failure is a bug of the engine or of a host component: the
            // stack trace is what the host needs to fix it.
            line = line.setCause(failure.getCause() != null ? failure.getCause() : failure);
        }
        line.log("cart operation finished");
    }

    /**
     * The correlation id of an operation: the explicit id, else the MDC's when it is a short printable
     * text, else empty.
     *
     * @param explicit the id the caller gave explicitly, or null
     * @return the id, or an empty string
     */
    public static String correlation(@Nullable String explicit) {
        if (explicit != null) {
            return explicit;
        }
        String ambient;
        try {
            ambient = MDC.get(MDC_KEY);
        } catch (RuntimeException e) {
            return "";
        }
        if (ambient == null || ambient.isEmpty() || ambient.length() > MAX_CORRELATION_ID) {
            return "";
        }
        for (int i = 0; i < ambient.length(); i++) {
            if (Character.isISOControl(ambient.charAt(i))) {
                return ""; // a forged line break must not split the log line
            }
        }
        return ambient;
    }
}
