package dev.cartflow.benchmarks;

import dev.cartflow.core.CartEngine;
import dev.cartflow.jdbi.CartFlowSchema;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartId;
import dev.cartflow.model.Money;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * What the restore drill compares, read from one server: every cart through the engine, its total
 * priced by the engine, every outbox row, the row count of every table and the schema version. Both
 * phases (base backup and dump) read their source and their restored server with it and compare the two.
 */
record DrillState(Map<CartId, Cart> carts, Map<CartId, Money> totals, List<String> outbox,
                  Map<String, Long> rowCounts, int schemaVersion) {

    /** How many checks {@link #compare} makes. */
    static final int CHECKS = 5;

    /** Reads the carts named and the rest of the server's state. */
    static DrillState read(DataSource data, List<CartId> ids) throws SQLException {
        CartEngine engine = DrillShop.engine(data);
        Map<CartId, Cart> carts = new LinkedHashMap<>();
        Map<CartId, Money> totals = new LinkedHashMap<>();
        for (CartId id : ids) {
            carts.put(id, engine.get(DrillShop.DRILL, id));
            totals.put(id, engine.price(DrillShop.DRILL, id).total());
        }
        try (Connection connection = data.getConnection(); Statement statement = connection.createStatement()) {
            return new DrillState(carts, totals, outbox(statement), rowCounts(connection),
                    CartFlowSchema.of(data).currentVersion());
        }
    }

    /**
     * Compares this (the source) with a restored server's state.
     *
     * @param phase    the name the checks start with
     * @param restored what the restored server holds
     * @return each check by name, true when it passed, in a fixed order
     */
    Map<String, Boolean> compare(String phase, DrillState restored) {
        Map<String, Boolean> checks = new LinkedHashMap<>();
        checks.put(phase + ": every cart restored (" + carts.size() + "), equal through the engine: versions, lines,"
                + " codes, state, instants", carts.equals(restored.carts));
        checks.put(phase + ": every cart's total priced by the engine equal", totals.equals(restored.totals));
        checks.put(phase + ": outbox rows equal (" + outbox.size() + ")",
                !outbox.isEmpty() && outbox.equals(restored.outbox));
        checks.put(phase + ": row count of every table equal (" + rowCounts.size() + " tables)",
                rowCounts.equals(restored.rowCounts));
        checks.put(phase + ": schema version equal (V" + schemaVersion + ")",
                Objects.equals(schemaVersion, restored.schemaVersion) && schemaVersion > 0);
        return checks;
    }

    private static List<String> outbox(Statement statement) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet row = statement.executeQuery("SELECT id, cart_id, sequence, idx, type, data::text,"
                + " dispatched_at, attempts FROM outbox ORDER BY id")) {
            while (row.next()) {
                StringBuilder text = new StringBuilder();
                for (int column = 1; column <= 8; column++) {
                    text.append(row.getString(column)).append('|');
                }
                rows.add(text.toString());
            }
        }
        return rows;
    }

    private static Map<String, Long> rowCounts(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet table = statement.executeQuery("SELECT tablename FROM pg_tables"
                     + " WHERE schemaname = current_schema() ORDER BY tablename")) {
            while (table.next()) {
                tables.add(table.getString(1));
            }
        }
        Map<String, Long> counts = new TreeMap<>();
        try (Statement statement = connection.createStatement()) {
            for (String table : tables) {
                try (ResultSet count = statement.executeQuery("SELECT count(*) FROM \"" + table + "\"")) {
                    count.next();
                    counts.put(table, count.getLong(1));
                }
            }
        }
        return counts;
    }
}
