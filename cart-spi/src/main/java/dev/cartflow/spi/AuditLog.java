package dev.cartflow.spi;

/**
 * Where the engine's audit trail goes: privileged actions (support reads and changes with their
 * reason, service calls with their grant), denied accesses (token failures, foreign carts, roles,
 * grants, guest policies), erasures and exports. {@code core.memory.InMemoryAuditLog} keeps a
 * bounded trail in memory; cart-jdbi's {@code JdbiAuditLog} keeps its own table.
 *
 * <p>Implementations must be thread-safe, keep events in the order recorded, and must not block for
 * long. A failing audit log fails the audited privileged action with {@code PROVIDER_UNAVAILABLE}
 * before it is done: a privileged action that cannot be recorded is not done. A denial stays a
 * denial ({@code ACCESS_DENIED}) even when it cannot be recorded. Every implementation must pass
 * {@code AuditLogContract} in {@code cart-tck}; one that keeps events should also be a
 * {@link PersonalDataStore}, so that a customer's entries can be anonymized and exported.
 */
@FunctionalInterface
public interface AuditLog {
    /** An audit log that keeps nothing (the engine's default). */
    AuditLog NONE = event -> { };

    /**
     * Records one event.
     *
     * @param event the event, never null
     * @throws dev.cartflow.error.CartException {@code PROVIDER_UNAVAILABLE} when it cannot be recorded
     */
    void record(AuditEvent event);
}
