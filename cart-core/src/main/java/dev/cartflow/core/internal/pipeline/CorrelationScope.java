package dev.cartflow.core.internal.pipeline;

import dev.cartflow.core.internal.observe.OperationLog;
import org.jspecify.annotations.Nullable;

/**
 * The correlation id of the operation running on this thread, so that the events a change writes
 * carry the request that made it (the outbox and Kafka pass it on as a header) without every rule
 * knowing about it. {@link Entry} opens the scope around each public operation.
 */
final class CorrelationScope {
    private static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();

    private CorrelationScope() {
    }

    /** The id the caller gave explicitly for the operation now starting, or null to use the MDC's. */
    static Scope open(@Nullable String explicit) {
        Scope scope = new Scope(explicit, CURRENT.get());
        CURRENT.set(scope);
        return scope;
    }

    /** The running operation's correlation id (the explicit one, else the MDC's), or empty. */
    static String current() {
        Scope scope = CURRENT.get();
        return OperationLog.correlation(scope == null ? null : scope.explicit);
    }

    /** One operation's scope; closing it restores the enclosing operation's. */
    static final class Scope implements AutoCloseable {
        private final @Nullable String explicit;
        private final @Nullable Scope enclosing;

        private Scope(@Nullable String explicit, @Nullable Scope enclosing) {
            this.explicit = explicit;
            this.enclosing = enclosing;
        }

        @Override
        public void close() {
            if (enclosing == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(enclosing);
            }
        }
    }
}
