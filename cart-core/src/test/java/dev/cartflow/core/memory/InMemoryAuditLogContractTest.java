package dev.cartflow.core.memory;

import dev.cartflow.spi.AuditLog;
import dev.cartflow.tck.AuditLogContract;

/** The cart-tck audit contract on {@link InMemoryAuditLog}. */
class InMemoryAuditLogContractTest extends AuditLogContract {
    @Override
    protected AuditLog newLog() {
        return new InMemoryAuditLog();
    }
}
