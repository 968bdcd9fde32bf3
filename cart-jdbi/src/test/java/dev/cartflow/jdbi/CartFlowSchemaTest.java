package dev.cartflow.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CartFlowSchemaTest {
    /** The versions of the migrations the module ships, ascending. */
    private static final List<Integer> VERSIONS = shippedVersions();

    private static List<Integer> shippedVersions() {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/cartflow"))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V[0-9]+__.*\\.sql"))
                    .map(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many shipped migrations are above {@code version}. */
    private static int above(int version) {
        return (int) VERSIONS.stream().filter(v -> v > version).count();
    }

    /** Tables, columns, constraints and indexes of a schema, as sorted text lines. */
    private static List<String> dump(String schema) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection c = TestDatabase.connect()) {
            query(c, """
                    SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' '
                           || coalesce(column_default, '')
                           -- the position among live columns: a column dropped and added again by a
                           -- down and up migration keeps its place, though PostgreSQL numbers it anew
                           || ' #' || rank() OVER (PARTITION BY table_name ORDER BY ordinal_position)
                      FROM information_schema.columns WHERE table_schema = ? AND table_name <> ?""", schema, lines);
            query(c, """
                    SELECT cl.relname || ' ' || con.conname || ' ' || pg_get_constraintdef(con.oid)
                      FROM pg_constraint con JOIN pg_class cl ON cl.oid = con.conrelid
                      JOIN pg_namespace n ON n.oid = cl.relnamespace
                     WHERE n.nspname = ? AND cl.relname <> ?""", schema, lines);
            query(c, """
                    SELECT indexname || ' ' || regexp_replace(indexdef, ' ON [a-z0-9_]+\\.', ' ON ')
                      FROM pg_indexes WHERE schemaname = ? AND tablename <> ?""", schema, lines);
            query(c, """
                    SELECT sequence_name || ' ' || data_type FROM information_schema.sequences
                     WHERE sequence_schema = ? AND sequence_name <> ?""", schema, lines);
        }
        lines.sort(null);
        return lines;
    }

    private static void query(Connection c, String sql, String schema, List<String> out) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, schema);
            ps.setString(2, CartFlowSchema.HISTORY_TABLE);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
    }

    @Test
    void migrate_upDownUp_leavesTheSameSchema() throws Exception {
        String schema = TestDatabase.newSchema();
        try (HikariDataSource ds = TestDatabase.pool(schema, 2)) {
            CartFlowSchema cartflow = CartFlowSchema.of(ds, schema);

            assertThat(VERSIONS).startsWith(1, 2, 3, 4, 5, 6, 7).contains(9);
            assertThat(cartflow.migrate()).isEqualTo(VERSIONS.size());
            List<String> first = dump(schema);
            assertThat(cartflow.currentVersion()).isEqualTo(VERSIONS.get(VERSIONS.size() - 1));
            assertThat(first).anyMatch(l -> l.startsWith("carts_customer_idx "))
                    .anyMatch(l -> l.startsWith("outbox_delivered_at_idx "))
                    .anyMatch(l -> l.startsWith("carts_customer_shopping_idx "))
                    .anyMatch(l -> l.startsWith("carts.kind text NO 'SHOPPING'"))
                    .anyMatch(l -> l.startsWith("carts.address_lines ARRAY YES"))
                    .anyMatch(l -> l.startsWith("cart_participants.token_hash "))
                    .anyMatch(l -> l.startsWith("stock_reservation_lines_stock_idx "));

            assertThat(cartflow.migrateDown(6)).isEqualTo(above(6));
            assertThat(dump(schema)).noneMatch(l -> l.startsWith("cart_participants"))
                    .noneMatch(l -> l.startsWith("carts.kind ")).noneMatch(l -> l.startsWith("carts_customer_shopping_idx"));
            assertThat(cartflow.migrate()).isEqualTo(above(6));
            assertThat(dump(schema)).isEqualTo(first);

            assertThat(cartflow.migrateDown(1)).isEqualTo(above(1));
            assertThat(cartflow.currentVersion()).isEqualTo(1);
            assertThat(dump(schema)).anyMatch(l -> l.startsWith("carts.id ")).noneMatch(l -> l.startsWith("outbox."))
                    .noneMatch(l -> l.startsWith("carts.region "));
            assertThat(cartflow.migrate()).isEqualTo(above(1));
            assertThat(dump(schema)).isEqualTo(first);

            assertThat(cartflow.migrateDown(0)).isEqualTo(VERSIONS.size());
            assertThat(dump(schema)).isEmpty();
            assertThat(cartflow.currentVersion()).isZero();
            assertThat(cartflow.migrate()).isEqualTo(VERSIONS.size());
            assertThat(dump(schema)).isEqualTo(first).hasSizeGreaterThan(40);
        }
    }

    @Test
    void migrate_besideHostTablesAndHostFlywayHistory_appliesAllAndLeavesHostTablesAlone() throws Exception {
        String schema = TestDatabase.newSchema();
        try (Connection c = TestDatabase.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + schema + ".orders (id bigint PRIMARY KEY)");
            s.execute("CREATE TABLE " + schema + ".flyway_schema_history (installed_rank int PRIMARY KEY)");
        }
        try (HikariDataSource ds = TestDatabase.pool(schema, 2)) {
            CartFlowSchema cartflow = CartFlowSchema.of(ds, schema);

            assertThat(cartflow.migrate()).isEqualTo(VERSIONS.size());
            assertThat(cartflow.migrate()).isZero();
            cartflow.migrateDown(0);

            assertThat(dump(schema)).containsExactlyInAnyOrder(
                    "flyway_schema_history.installed_rank integer NO  #1",
                    "orders.id bigint NO  #1",
                    "flyway_schema_history flyway_schema_history_pkey PRIMARY KEY (installed_rank)",
                    "orders orders_pkey PRIMARY KEY (id)",
                    "flyway_schema_history_pkey CREATE UNIQUE INDEX flyway_schema_history_pkey ON "
                            + "flyway_schema_history USING btree (installed_rank)",
                    "orders_pkey CREATE UNIQUE INDEX orders_pkey ON orders USING btree (id)");
        }
    }
}
