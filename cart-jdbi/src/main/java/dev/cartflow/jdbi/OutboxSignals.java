package dev.cartflow.jdbi;

import dev.cartflow.core.health.ComponentHealth;
import dev.cartflow.core.health.HealthStatus;
import dev.cartflow.core.observe.CartObserver;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an {@link OutboxDispatcher} tells the outside: the lag after each round and the failures it
 * survives (a failed round, a back-off that could not be recorded) to its observer, guarded so an
 * observer cannot stop delivery; the failures also as a {@code WARN} line on
 * {@code dev.cartflow.failures}; and its health from the lag.
 */
final class OutboxSignals {
    private static final Logger LOG = LoggerFactory.getLogger("dev.cartflow.failures");
    private final CartObserver observer;
    private final Duration degradedAfter;

    OutboxSignals(CartObserver observer, Duration degradedAfter) {
        this.observer = observer;
        this.degradedAfter = degradedAfter;
    }

    boolean listening() {
        return observer != CartObserver.NONE;
    }

    void measured(OutboxDispatcher.Lag lag) {
        try {
            observer.outboxMeasured(lag.pendingEvents(), lag.oldestPending());
        } catch (RuntimeException ignored) {
            // an observer must not stop delivery
        }
    }

    void swallowed(String where, RuntimeException e) {
        try {
            observer.failureSwallowed(where, e);
        } catch (RuntimeException ignored) {
            // as above
        }
        try {
            LOG.atWarn().addKeyValue("where", where).addKeyValue("error", e.getClass().getName())
                    .setCause(e).log("failure swallowed");
        } catch (RuntimeException ignored) {
            // a failing log backend must not stop delivery either
        }
    }

    /** {@code DEGRADED} when the oldest undelivered event is older than the bound, else {@code UP}. */
    ComponentHealth health(OutboxDispatcher.Lag lag, boolean running) {
        HealthStatus status = lag.oldestPending().compareTo(degradedAfter) > 0 ? HealthStatus.DEGRADED : HealthStatus.UP;
        return new ComponentHealth(status, Map.of(
                "pending", Long.toString(lag.pendingEvents()),
                "oldestPendingSeconds", Long.toString(lag.oldestPending().toSeconds()),
                "running", Boolean.toString(running)));
    }

    static ComponentHealth down(RuntimeException e) {
        return new ComponentHealth(HealthStatus.DOWN, Map.of("error", e.getClass().getSimpleName()));
    }
}
