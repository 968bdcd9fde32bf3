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

/**
 * The PostgreSQL server of a {@link LoadDriver} run: the one named by {@code
 * CARTFLOW_TEST_POSTGRES_URL}, or an embedded one configured like the tests' ({@link TestDatabase})
 * with {@code pg_stat_statements} loaded, so that {@link StatementStats} can count what each client
 * sends. Its own server, not the tests' shared one, because the extension must be loaded at start.
 */
final class LoadServer implements AutoCloseable {
    final String url;
    private final EmbeddedPostgres embedded;

    private LoadServer(String url, EmbeddedPostgres embedded) {
        this.url = url;
        this.embedded = embedded;
    }

    static LoadServer start() {
        String external = System.getenv(TestDatabase.ENV);
        if (external != null && !external.isBlank()) {
            return new LoadServer(external, null);
        }
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                    .setServerConfig("pg_stat_statements.track_planning", "on")
                    .start();
            return new LoadServer(postgres.getJdbcUrl("postgres", "postgres"), postgres);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new, empty schema; its name. */
    String newSchema() throws SQLException {
        String schema = "load" + ProcessHandle.current().pid();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            s.execute("CREATE SCHEMA " + schema);
        }
        return schema;
    }

    /** A pool whose connections work in {@code schema}. */
    HikariDataSource pool(String schema, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(5_000);
        config.setPoolName("cartflow-load-" + schema);
        config.addDataSourceProperty("currentSchema", schema);
        return new HikariDataSource(config);
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
