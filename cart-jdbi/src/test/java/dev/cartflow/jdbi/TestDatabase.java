package dev.cartflow.jdbi;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The PostgreSQL server of the test JVM: an embedded PostgreSQL started once, or the external
 * database named by {@code CARTFLOW_TEST_POSTGRES_URL} (a JDBC URL with user and password). Each
 * test class gets its own schema.
 */
final class TestDatabase {
    static final String ENV = "CARTFLOW_TEST_POSTGRES_URL";
    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private static String url;

    private TestDatabase() {
    }

    /** The JDBC URL of the server, starting it on first use. */
    static synchronized String url() {
        if (url == null) {
            String external = System.getenv(ENV);
            if (external != null && !external.isBlank()) {
                url = external;
            } else {
                EmbeddedPostgres postgres = startEmbedded();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (IOException e) {
                        // the JVM is exiting
                    }
                }));
                url = postgres.getJdbcUrl("postgres", "postgres");
            }
        }
        return url;
    }

    static EmbeddedPostgres startEmbedded() {
        try {
            return EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A plain connection to the server (no pool), for administration. */
    static Connection connect() throws SQLException {
        return DriverManager.getConnection(url());
    }

    /** A new, empty schema with the CartFlow tables; its name. */
    static String newSchema() {
        String schema = "t" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return schema;
    }

    /** A pool whose connections work in {@code schema}. */
    static HikariDataSource pool(String schema, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url());
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(5_000);
        config.setPoolName("cartflow-test-" + schema);
        config.addDataSourceProperty("currentSchema", schema);
        return new HikariDataSource(config);
    }

    /** Empties the CartFlow tables of a schema. */
    static void truncate(String schema) {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE " + schema + ".carts, " + schema + ".cart_lines, " + schema + ".cart_codes, "
                    + schema + ".cart_participants, " + schema + ".outbox, " + schema + ".promotion_redemptions, " + schema + ".idempotency_keys");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
