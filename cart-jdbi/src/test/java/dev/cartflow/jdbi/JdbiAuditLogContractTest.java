package dev.cartflow.jdbi;

import dev.cartflow.spi.AuditLog;
import dev.cartflow.tck.AuditLogContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The cart-tck audit contract on {@link JdbiAuditLog} and PostgreSQL. */
class JdbiAuditLogContractTest extends AuditLogContract {
    private static PostgresFixture db;

    @BeforeAll
    static void start() {
        db = PostgresFixture.create(8);
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Override
    protected AuditLog newLog() {
        return JdbiAuditLog.create(db.jdbi);
    }
}
