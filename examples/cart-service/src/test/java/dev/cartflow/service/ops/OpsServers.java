package dev.cartflow.service.ops;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import redis.embedded.RedisServer;

/**
 * The real PostgreSQL and Redis of the postgres profile's tests, each started once per test JVM on
 * a free port and stopped when it exits. {@code CARTFLOW_TEST_POSTGRES_URL} and
 * {@code CARTFLOW_TEST_REDIS_URL} point the tests at external servers instead.
 */
final class OpsServers {
    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private static String postgresUrl;
    private static String redisUri;

    private OpsServers() {
    }

    /** A JDBC URL (user and password included) whose connections work in a new, empty schema. */
    static String postgresUrlWithFreshSchema() {
        String url = postgresUrl();
        String schema = "ops" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the test schema", e);
        }
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** The URI of the test Redis. */
    static synchronized String redisUri() {
        if (redisUri == null) {
            String external = System.getenv("CARTFLOW_TEST_REDIS_URL");
            redisUri = external != null && !external.isBlank() ? external : startRedis();
        }
        return redisUri;
    }

    private static synchronized String postgresUrl() {
        if (postgresUrl == null) {
            String external = System.getenv("CARTFLOW_TEST_POSTGRES_URL");
            postgresUrl = external != null && !external.isBlank() ? external : startPostgres();
        }
        return postgresUrl;
    }

    private static String startPostgres() {
        EmbeddedPostgres server;
        try {
            server = EmbeddedPostgres.builder().setServerConfig("fsync", "off").start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (IOException e) {
                // the JVM is exiting; the server's folder is under target/
            }
        }));
        return server.getJdbcUrl("postgres", "postgres");
    }

    private static String startRedis() {
        int port = freePort();
        try {
            RedisServer server = RedisServer.newRedisServer().port(port).setting("bind 127.0.0.1")
                    .setting("save \"\"").setting("appendonly no").build();
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.stop();
                } catch (IOException e) {
                    // the JVM is exiting
                }
            }));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "redis://127.0.0.1:" + port;
    }

    /** A TCP port free at the moment of asking. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
