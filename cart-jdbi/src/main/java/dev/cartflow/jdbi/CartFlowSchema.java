package dev.cartflow.jdbi;

import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * The CartFlow database schema, applied with Flyway from {@code classpath:db/cartflow}.
 *
 * <p>CartFlow keeps its own history table, {@value #HISTORY_TABLE}, so that its migrations live beside
 * the host's own Flyway (or Liquibase) migrations in the same database and schema without either
 * seeing the other's versions. A schema that already holds the host's tables is baselined at
 * version 0, so every CartFlow migration still runs.
 *
 * <p>Every migration is additive (expand/contract): a release only adds tables, nullable columns
 * and indexes, so the previous release keeps working while a rolling deploy runs. Each migration
 * has a down script under {@code classpath:db/cartflow-down}, used by {@link #migrateDown(int)},
 * which is meant for tests and emergency rollbacks, not for routine operation.
 *
 * <pre>{@code
 * CartFlowSchema.of(dataSource).migrate();              // tables in the connection's current schema
 * CartFlowSchema.of(dataSource, "cartflow").migrate();  // tables in schema "cartflow"
 * }</pre>
 *
 * When a schema is named, the connections used by the repository must find the tables on their
 * search path (for example {@code currentSchema=cartflow} in the JDBC URL).
 */
public final class CartFlowSchema {
    /** The name of CartFlow's Flyway history table. */
    public static final String HISTORY_TABLE = "cartflow_schema_history";
    /** Where the up migrations are. */
    public static final String LOCATION = "classpath:db/cartflow";

    private static final String DOWN_LOCATION = "db/cartflow-down/";
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    private final DataSource dataSource;
    private final String schema;

    private CartFlowSchema(DataSource dataSource, String schema) {
        this.dataSource = CartException.requireNonNull(dataSource, "dataSource");
        if (schema != null && !IDENTIFIER.matcher(schema).matches()) {
            throw CartException.invalidInput("schema name must be a plain SQL identifier");
        }
        this.schema = schema;
    }

    /**
     * The schema in the connections' current schema (usually {@code public}).
     *
     * @param dataSource the host's data source; the user needs the right to create tables
     * @return the schema manager
     */
    public static CartFlowSchema of(DataSource dataSource) {
        return new CartFlowSchema(dataSource, null);
    }

    /**
     * The schema in a named database schema, created if missing.
     *
     * @param dataSource the host's data source
     * @param schema     a plain identifier such as {@code cartflow}
     * @return the schema manager
     */
    public static CartFlowSchema of(DataSource dataSource, String schema) {
        return new CartFlowSchema(dataSource, CartException.requireNonNull(schema, "schema"));
    }

    /**
     * Applies the pending migrations.
     *
     * @return the number of migrations applied
     * @throws CartException {@code PROVIDER_UNAVAILABLE} when Flyway fails
     */
    public int migrate() {
        try {
            return flyway().migrate().migrationsExecuted;
        } catch (FlywayException e) {
            throw new CartException(CartErrorCode.PROVIDER_UNAVAILABLE, "CartFlow schema migration failed", e);
        } catch (CartException e) {
            throw e;
        } catch (RuntimeException e) {
            throw CartException.internal("CartFlow schema migration failed", e);
        }
    }

    /**
     * The highest applied CartFlow migration version, 0 when none.
     *
     * @return the version
     */
    public int currentVersion() {
        return withConnection(connection -> {
            List<Integer> applied = appliedVersions(connection);
            return applied.isEmpty() ? 0 : applied.get(0);
        });
    }

    /**
     * Reverts the migrations above {@code targetVersion}, newest first, each with its down script, in
     * one transaction. Reverting to 0 also drops the history table. For tests and emergency rollbacks;
     * it deletes data.
     *
     * @param targetVersion the version to return to, 0 for nothing
     * @return the number of migrations reverted
     */
    public int migrateDown(int targetVersion) {
        if (targetVersion < 0) {
            throw CartException.invalidInput("target version must not be negative");
        }
        return withConnection(connection -> {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                if (schema != null) {
                    statement.execute("SET LOCAL search_path TO \"" + schema + "\"");
                }
                int reverted = 0;
                for (int version : appliedVersions(connection)) {
                    if (version <= targetVersion) {
                        break;
                    }
                    statement.execute(downScript(version));
                    try (PreparedStatement delete = connection.prepareStatement(
                            "DELETE FROM " + historyTable() + " WHERE version = ?")) {
                        delete.setString(1, Integer.toString(version));
                        delete.executeUpdate();
                    }
                    reverted++;
                }
                if (targetVersion == 0 && historyExists(connection)) {
                    statement.execute("DROP TABLE " + historyTable());
                }
                connection.commit();
                return reverted;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        });
    }

    private Flyway flyway() {
        FluentConfiguration config = Flyway.configure(CartFlowSchema.class.getClassLoader())
                .dataSource(dataSource)
                .table(HISTORY_TABLE)
                .locations(LOCATION)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .failOnMissingLocations(true);
        if (schema != null) {
            config = config.schemas(schema).defaultSchema(schema);
        }
        return config.load();
    }

    private String historyTable() {
        return schema == null ? HISTORY_TABLE : "\"" + schema + "\"." + HISTORY_TABLE;
    }

    private boolean historyExists(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            query.setString(1, historyTable());
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** Applied SQL migration versions, highest first. */
    private List<Integer> appliedVersions(Connection connection) throws SQLException {
        List<Integer> versions = new ArrayList<>();
        if (!historyExists(connection)) {
            return versions;
        }
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT version FROM " + historyTable()
                     + " WHERE success AND type = 'SQL' AND version IS NOT NULL")) {
            while (rs.next()) {
                versions.add(Integer.parseInt(rs.getString(1)));
            }
        }
        versions.sort(Comparator.reverseOrder());
        return versions;
    }

    private static String downScript(int version) {
        String name = DOWN_LOCATION + "V" + version + ".sql";
        try (InputStream in = CartFlowSchema.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new CartException(CartErrorCode.PROVIDER_UNAVAILABLE, "no down script " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CartException(CartErrorCode.PROVIDER_UNAVAILABLE, "cannot read " + name, e);
        }
    }

    private <T> T withConnection(SqlWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new CartException(CartErrorCode.PROVIDER_UNAVAILABLE, "CartFlow schema operation failed", e);
        } catch (CartException e) {
            throw e;
        } catch (RuntimeException e) {
            throw CartException.internal("CartFlow schema operation failed", e);
        }
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
