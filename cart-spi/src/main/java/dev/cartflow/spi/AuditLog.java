package dev.cartflow.spi;

/**
 * Where the audit trail goes (the engine's, in-memory by default; cart-jdbi keeps its own table).
 * Implementations must be thread-safe. A failing audit log fails the audited operation with
 * {@code PROVIDER_UNAVAILABLE}: a privileged action that cannot be recorded is not done.
 */
@FunctionalInterface
public interface AuditLog {
    /** An audit log that keeps nothing. */
    AuditLog NONE = event -> { };

    /**
     * Records one event.
     *
     * @param event the event
     */
    void record(AuditEvent event);
}
