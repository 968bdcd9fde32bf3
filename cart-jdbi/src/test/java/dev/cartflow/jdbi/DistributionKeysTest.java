package dev.cartflow.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Holds docs/scaling.md to the migrated schema: a sharded PostgreSQL (Citus) can distribute a table
 * by the cart id only if the column is never null and every unique key and foreign key of the table
 * includes it. The tables the page distributes by cart id must meet that, and the page must name
 * every CartFlow table: a new table has to be placed there on purpose.
 */
class DistributionKeysTest {
    private static final Path SCALING_PAGE = Path.of("..", "docs", "scaling.md");
    private static final Pattern DISTRIBUTED = Pattern.compile(
            "create_distributed_table\\('([a-z_]+)',\\s*'([a-z_]+)'(,\\s*colocate_with\\s*=>\\s*'([a-z_]+)')?\\)");
    private static final Pattern REFERENCE_OR_LOCAL = Pattern.compile("`([a-z_]+)`: (not distributed|distributed by)");

    private static final Pattern FOREIGN_KEY = Pattern.compile(
            "FOREIGN KEY \\(([^)]*)\\) REFERENCES (?:[a-z0-9_]+\\.)?([a-z_]+)\\(([^)]*)\\)");
    private static final Pattern INDEX_COLUMNS = Pattern.compile("USING \\w+ \\(([^)]*)\\)");

    private static String schema;

    @BeforeAll
    static void migrate() {
        schema = TestDatabase.newSchema();
        try (HikariDataSource ds = TestDatabase.pool(schema, 2)) {
            CartFlowSchema.of(ds, schema).migrate();
        }
    }

    @Test
    void tablesDistributedByCartId_keepTheCartIdInEveryUniqueAndForeignKey() throws Exception {
        Map<String, String> byCart = distributedByCartId();
        assertThat(byCart).as("tables docs/scaling.md distributes with the carts").containsKey("carts").hasSizeGreaterThan(3);
        for (Map.Entry<String, String> table : byCart.entrySet()) {
            String column = table.getValue();
            assertThat(notNull(table.getKey(), column)).as("%s.%s is never null", table.getKey(), column).isTrue();
            for (String key : uniqueKeys(table.getKey())) {
                assertThat(columnsOf(key)).as("columns of %s", key).contains(column);
            }
            for (String foreign : foreignKeys(table.getKey())) {
                Matcher fk = FOREIGN_KEY.matcher(foreign);
                assertThat(fk.find()).as("foreign key %s of %s", foreign, table.getKey()).isTrue();
                String referenced = fk.group(2);
                assertThat(byCart).as("%s references a table distributed by the cart id", foreign).containsKey(referenced);
                assertThat(names(fk.group(1))).as("local columns of %s", foreign).contains(column);
                assertThat(names(fk.group(3))).as("referenced columns of %s", foreign).contains(byCart.get(referenced));
            }
        }
    }

    @Test
    void scalingPage_placesEveryCartFlowTable() throws Exception {
        TreeSet<String> placed = new TreeSet<>(distributedByCartId().keySet());
        Matcher other = REFERENCE_OR_LOCAL.matcher(page());
        while (other.find()) {
            placed.add(other.group(1));
        }
        assertThat(placed).as("tables docs/scaling.md places, against the migrated schema").isEqualTo(tables());
    }

    @Test
    void scalingPage_colocatesEveryCartTableWithTheCarts() throws Exception {
        Matcher m = DISTRIBUTED.matcher(page());
        while (m.find()) {
            if (!m.group(1).equals("carts") && m.group(2).equals("cart_id")) {
                assertThat(m.group(4)).as("%s is colocated with carts", m.group(1)).isEqualTo("carts");
            }
        }
    }

    /** Table -> distribution column, for the tables docs/scaling.md distributes by the cart id. */
    private static Map<String, String> distributedByCartId() throws IOException {
        Map<String, String> tables = new TreeMap<>();
        Matcher m = DISTRIBUTED.matcher(page());
        while (m.find()) {
            String column = m.group(2);
            if (m.group(1).equals("carts") ? column.equals("id") : column.equals("cart_id")) {
                tables.put(m.group(1), column);
            }
        }
        return tables;
    }

    /** The key columns of an index definition, unquoted. */
    private static List<String> columnsOf(String indexDefinition) {
        Matcher m = INDEX_COLUMNS.matcher(indexDefinition);
        assertThat(m.find()).as("columns in %s", indexDefinition).isTrue();
        return names(m.group(1));
    }

    /** A comma-separated column list, unquoted. */
    private static List<String> names(String columns) {
        return Arrays.stream(columns.split(",")).map(c -> c.strip().replace("\"", "")).toList();
    }

    private static String page() throws IOException {
        return Files.readString(SCALING_PAGE);
    }

    private static TreeSet<String> tables() throws SQLException {
        return new TreeSet<>(strings("""
                SELECT table_name FROM information_schema.tables
                 WHERE table_schema = ? AND table_type = 'BASE TABLE' AND table_name <> ?""", CartFlowSchema.HISTORY_TABLE));
    }

    private static boolean notNull(String table, String column) throws SQLException {
        return strings("""
                SELECT is_nullable FROM information_schema.columns
                 WHERE table_schema = ? AND table_name = ? AND column_name = ?""", table, column).equals(List.of("NO"));
    }

    /** Every unique index (primary keys and unique constraints included) of the table, as its definition. */
    private static List<String> uniqueKeys(String table) throws SQLException {
        return strings("""
                SELECT pg_get_indexdef(i.indexrelid) FROM pg_index i
                  JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
                 WHERE n.nspname = ? AND t.relname = ? AND i.indisunique""", table);
    }

    private static List<String> foreignKeys(String table) throws SQLException {
        return strings("""
                SELECT pg_get_constraintdef(c.oid) FROM pg_constraint c
                  JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
                 WHERE n.nspname = ? AND t.relname = ? AND c.contype = 'f'""", table);
    }

    private static List<String> strings(String sql, String... parameters) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = TestDatabase.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, schema);
            for (int i = 0; i < parameters.length; i++) {
                ps.setString(i + 2, parameters[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }
}
