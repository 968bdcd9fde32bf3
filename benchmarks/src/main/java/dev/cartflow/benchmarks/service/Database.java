package dev.cartflow.benchmarks.service;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * The PostgreSQL of a {@code postgres-redis} run, as the suites look at it: client connections and
 * sessions waiting for a lock ({@code pg_stat_activity}), and the address pgbench connects to.
 *
 * @param jdbcUrl  its JDBC URL
 * @param user     the user
 * @param password the password (may be empty)
 * @param host     its host (loopback)
 * @param port     its port
 * @param name     the database's name
 */
record Database(String jdbcUrl, String user, String password, String host, int port, String name) {

    Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        return DriverManager.getConnection(jdbcUrl, properties);
    }

    /** Client backends connected to this database, this one excluded, and those waiting for a lock. */
    record Activity(int connections, int lockWaits) {
    }

    /** One look at {@code pg_stat_activity} through an open connection. */
    static Activity activity(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT count(*) FILTER (WHERE backend_type = 'client backend'"
                     + " AND pid <> pg_backend_pid() AND datname = current_database()),"
                     + " count(*) FILTER (WHERE wait_event_type = 'Lock') FROM pg_stat_activity")) {
            row.next();
            return new Activity(row.getInt(1), row.getInt(2));
        }
    }
}
