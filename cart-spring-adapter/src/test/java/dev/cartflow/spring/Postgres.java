package dev.cartflow.spring;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/** One real PostgreSQL for the tests of this module, started on first use; a fresh schema per context. */
final class Postgres {
    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private static EmbeddedPostgres server;

    private Postgres() {
    }

    static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().setServerConfig("fsync", "off").start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException e) {
                    // the JVM is exiting
                }
            }));
        }
        return server;
    }

    /** A small pool working in a new, empty schema. */
    static HikariDataSource freshSchema() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(freshSchemaUrl());
        config.setMaximumPoolSize(4);
        return new HikariDataSource(config);
    }

    /** A JDBC URL whose connections work in a new, empty schema. */
    static String freshSchemaUrl() {
        String schema = "spring" + SCHEMAS.incrementAndGet();
        String url = server().getJdbcUrl("postgres", "postgres");
        try (Connection c = java.sql.DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return url + "&currentSchema=" + schema;
    }
}
