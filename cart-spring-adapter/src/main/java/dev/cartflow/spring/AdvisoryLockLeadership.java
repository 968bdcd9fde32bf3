package dev.cartflow.spring;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leadership by a PostgreSQL session-level advisory lock held on one dedicated connection: the
 * instance whose connection holds the lock runs the jobs; when that instance dies its session ends
 * and the lock is free for the next one that asks. Called from the single job thread only.
 */
final class AdvisoryLockLeadership implements JobLeadership {
    private static final Logger LOG = LoggerFactory.getLogger(AdvisoryLockLeadership.class);

    private final DataSource dataSource;
    private final long key;
    private @Nullable Connection held;

    AdvisoryLockLeadership(DataSource dataSource, long key) {
        this.dataSource = dataSource;
        this.key = key;
    }

    @Override
    public boolean lead() {
        try {
            if (held != null && held.isValid(2)) {
                return true;
            }
            closeQuietly();
            Connection connection = dataSource.getConnection();
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                lock.setLong(1, key);
                try (ResultSet rs = lock.executeQuery()) {
                    if (rs.next() && rs.getBoolean(1)) {
                        held = connection;
                        LOG.info("cartflow jobs: this instance now runs the maintenance jobs");
                        return true;
                    }
                }
            }
            connection.close();
            return false;
        } catch (SQLException e) {
            LOG.warn("cartflow jobs: leadership check failed ({}); skipping this run", e.getClass().getSimpleName());
            closeQuietly();
            return false;
        }
    }

    @Override
    public void release() {
        closeQuietly();
    }

    private void closeQuietly() {
        if (held != null) {
            try {
                held.close(); // the session ends and with it the lock
            } catch (SQLException e) {
                LOG.debug("cartflow jobs: closing the lock connection failed", e);
            }
            held = null;
        }
    }
}
