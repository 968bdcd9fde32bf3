package dev.cartflow.jdbi;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * Where the hot statements of the repository (the load by id, the single-cart save) get their
 * connection: a handle of the primary {@link Jdbi}, or, when the repository was given the pool
 * behind it ({@link JdbiCartRepository.Builder#dataSource}), the pool itself. Opening and closing a
 * JDBI handle (a copy of its configuration, its statement and cleanup set-up) was about 8 % of the
 * engine's CPU for a read and for a change in the load driver's profile (issue 14, 2026-12-03).
 *
 * <p>A {@link SQLException} is raised unchecked with it as the cause, for {@link Failures}; a
 * {@code CartException} of the work passes unchanged, after a rollback when there was a transaction.
 */
abstract class Connections {
    private Connections() {
    }

    /** JDBC work on one connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs {@code work} on a connection: in a transaction of its own when {@code transaction} is set
     * (committed when the work returns, rolled back when it throws), else as it comes (autocommit).
     */
    abstract <T> T run(boolean transaction, Work<T> work);

    /** Connections through handles of {@code jdbi}, so that its configuration and handle scope apply. */
    static Connections of(Jdbi jdbi) {
        return new Connections() {
            @Override
            <T> T run(boolean transaction, Work<T> work) {
                return transaction ? jdbi.inTransaction(h -> unchecked(work, h.getConnection()))
                        : jdbi.withHandle(h -> unchecked(work, h.getConnection()));
            }
        };
    }

    /**
     * Connections straight from {@code pool}. A pool that hands out connections without autocommit
     * gets every piece of work in a transaction that is committed, as JDBI would not do by itself.
     */
    static Connections of(DataSource pool) {
        return new Connections() {
            @Override
            <T> T run(boolean transaction, Work<T> work) {
                try (Connection c = pool.getConnection()) {
                    boolean autoCommit = c.getAutoCommit();
                    if (!transaction && autoCommit) {
                        return work.run(c);
                    }
                    return inTransaction(c, autoCommit, work);
                } catch (SQLException e) {
                    throw new IllegalStateException("statement failed", e);
                }
            }
        };
    }

    private static <T> T inTransaction(Connection c, boolean autoCommit, Work<T> work) throws SQLException {
        if (autoCommit) {
            c.setAutoCommit(false);
        }
        try {
            T result = work.run(c);
            c.commit();
            return result;
        } catch (SQLException | RuntimeException | Error e) {
            try {
                c.rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        } finally {
            if (autoCommit) {
                c.setAutoCommit(true);
            }
        }
    }

    private static <T> T unchecked(Work<T> work, Connection c) {
        try {
            return work.run(c);
        } catch (SQLException e) {
            throw new IllegalStateException("statement failed", e);
        }
    }
}
