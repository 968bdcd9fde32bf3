package dev.cartflow.jdbi;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * What the server ran during one load run, for {@link LoadDriver}: the statements per operation and
 * the server's execution time per operation of each statement, from {@code pg_stat_statements}.
 * Counting on the server is what makes the comparison with pgbench checkable: both clients are
 * counted the same way, whatever their driver does. Needs a server started with the extension in
 * {@code shared_preload_libraries} (the driver's embedded server is); otherwise it reports nothing.
 */
final class StatementStats {
    private static final int TOP = 6;
    private final DataSource dataSource;
    private final boolean available;
    private final List<String> rows = new ArrayList<>();

    private StatementStats(DataSource dataSource, boolean available) {
        this.dataSource = dataSource;
        this.available = available;
    }

    /** Statistics through {@code dataSource}, when the server has pg_stat_statements loaded. */
    static StatementStats of(DataSource dataSource) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements SCHEMA public");
            s.execute("SELECT public.pg_stat_statements_reset()");
            return new StatementStats(dataSource, true);
        } catch (SQLException e) {
            return new StatementStats(dataSource, false);
        }
    }

    /** Forgets what was counted so far. */
    void reset() {
        if (!available) {
            return;
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("SELECT public.pg_stat_statements_reset()");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Records what ran since the last {@link #reset}, per operation of a run of {@code operations}
     * operations: statements per operation (BEGIN and COMMIT included), the server's execution time
     * per operation, and the statements that took most of it.
     */
    void record(String tool, int workers, double operations) {
        if (!available || operations <= 0) {
            return;
        }
        List<String> top = new ArrayList<>();
        double calls = 0;
        double millis = 0;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     SELECT calls, total_exec_time, regexp_replace(query, '\\s+', ' ', 'g'), plans, total_plan_time FROM public.pg_stat_statements
                      WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
                        AND query NOT LIKE '%pg_stat_statements%'
                      ORDER BY total_exec_time DESC""")) {
            while (rs.next()) {
                calls += rs.getLong(1);
                millis += rs.getDouble(2);
                if (top.size() < TOP) {
                    String query = rs.getString(3);
                    top.add(String.format("    %5.2f x %7.1f us, %5.2f plans x %6.1f us  %s", rs.getLong(1) / operations,
                            rs.getDouble(2) * 1e3 / Math.max(1, rs.getLong(1)), rs.getLong(4) / operations,
                            rs.getDouble(5) * 1e3 / Math.max(1, rs.getLong(4)),
                            query.length() > 110 ? query.substring(0, 110) + "..." : query));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        rows.add(String.format("%-8s %-8d %12.2f %16.1f", tool, workers, calls / operations,
                millis * 1e3 / operations));
        rows.addAll(top);
    }

    /** The table of what was recorded (empty when the extension is not there). */
    List<String> report() {
        if (!available) {
            return List.of("(pg_stat_statements is not loaded on this server: statements not counted)");
        }
        List<String> out = new ArrayList<>();
        out.add(String.format("%-8s %-8s %12s %16s   then per statement: calls/op x exec us/call, plans/op x plan us/plan", "tool",
                "workers", "statements/op", "server exec us/op"));
        out.add("    (plans: the statement planned per operation, 0 once the server keeps a generic plan)");
        out.addAll(rows);
        return out;
    }
}
