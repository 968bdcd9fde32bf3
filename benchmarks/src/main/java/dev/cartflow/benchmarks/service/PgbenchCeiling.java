package dev.cartflow.benchmarks.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The postgres variant's database ceiling: pgbench on the service's own database, after the mix,
 * at the same client counts, running the SQL of the service's operations on the carts the load
 * left (70 % a cart read with its lines and codes, as a cache miss reads it; 25 % a versioned
 * update of the cart with its lines rewritten and an outbox event, as a line change writes it; 5 %
 * the same with the state flipped, as a checkout writes it), then the ratio service / pgbench.
 */
final class PgbenchCeiling {
    private static final String CARTS = "pgbench_load_carts";
    private static final String PICK = "(SELECT id FROM " + CARTS + " WHERE n = :n)";

    private PgbenchCeiling() {
    }

    static void run(ServiceSetup service, LoadOptions options, List<StepResult> mix, JsonlResults results)
            throws Exception {
        Database database = service.database();
        if (database == null) {
            System.out.println("pgbench: no database of this driver's (a --url= service): skipped");
            return;
        }
        String pgbench = options.pgbench() != null ? options.pgbench() : find();
        long carts = snapshotCarts(database);
        Path scripts = writeScripts(carts, Path.of("benchmarks/target/pgbench-http"));
        System.out.printf("%npgbench %s on the service's database, %d carts the load left, scripts in %s%n", pgbench,
                carts, scripts);
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < options.clients().size(); i++) {
            int clients = options.clients().get(i);
            Instant started = Instant.now();
            double tps = pgbench(pgbench, database, scripts, clients, options.measure().toSeconds());
            StepResult served = mix.get(i);
            double ratio = tps == 0 ? 0 : served.throughput() / tps;
            Map<String, Object> row = new java.util.LinkedHashMap<>();
            row.put("suite", ServiceLoad.SUITE);
            row.put("variant", "pgbench");
            row.put("clients", clients);
            row.put("throughput", Math.round(tps * 10) / 10.0);
            row.put("errors", 0);
            row.put("started", started.toString());
            row.put("ratio_service_to_pgbench", Math.round(ratio * 1000) / 1000.0);
            results.append(row);
            rows.add(String.format(Locale.ROOT, "| %d | %.0f | %.0f | %.2f |", clients, served.throughput(), tps, ratio));
        }
        System.out.println();
        System.out.println("| clients | service postgres-redis req/s | pgbench tps (same SQL mix) | service / pgbench |");
        System.out.println("|---|---|---|---|");
        rows.forEach(System.out::println);
    }

    /** pgbench on the PATH or in a PostgreSQL installation's bin folder. */
    static String find() throws IOException {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, "pgbench"))) {
                return Path.of(dir, "pgbench").toString();
            }
        }
        Path lib = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(lib)) {
            try (var versions = Files.list(lib)) {
                for (Path version : versions.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    if (Files.isExecutable(version.resolve("bin/pgbench"))) {
                        return version.resolve("bin/pgbench").toString();
                    }
                }
            }
        }
        throw new IOException("pgbench not found: install postgresql-client (benchmarks/http-load.sh does) or pass "
                + "--pgbench=PATH");
    }

    /** Numbers the active carts with lines that the load left, for pgbench to pick from; their count. */
    static long snapshotCarts(Database database) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + CARTS);
            statement.execute("CREATE TABLE " + CARTS + " AS SELECT row_number() OVER (ORDER BY id) AS n, id FROM carts c"
                    + " WHERE state = 'ACTIVE' AND EXISTS (SELECT 1 FROM cart_lines l WHERE l.cart_id = c.id)");
            statement.execute("CREATE UNIQUE INDEX ON " + CARTS + " (n)");
            try (ResultSet count = statement.executeQuery("SELECT count(*) FROM " + CARTS)) {
                count.next();
                long carts = count.getLong(1);
                if (carts == 0) {
                    throw new IllegalStateException("the load left no active cart with lines for pgbench");
                }
                return carts;
            }
        }
    }

    /** The three scripts, weighted as the mix is. */
    static Path writeScripts(long carts, Path dir) throws IOException {
        Files.createDirectories(dir);
        String pick = "\\set n random(1, " + carts + ")\n";
        String read = pick + """
                SELECT c.*, ARRAY(SELECT k.code FROM cart_codes k WHERE k.cart_id = c.id ORDER BY k.position) AS codes,
                       (SELECT json_agg(json_build_array(l.line_id, l.sku, l.warehouse, l.quantity,
                                        l.added_unit_price_minor, l.added_unit_price_currency, l.added_at, l.added_at_ns)
                                        ORDER BY l.position)::text
                          FROM cart_lines l WHERE l.cart_id = c.id) AS lines
                  FROM carts c WHERE c.id = %s;
                """.formatted(PICK);
        String write = """
                SELECT version AS v FROM carts WHERE id = %1$s \\gset
                BEGIN;
                UPDATE carts SET version = :v + 1, state = %2$s, updated_at = now() WHERE id = %1$s AND version = :v;
                WITH old AS (DELETE FROM cart_lines WHERE cart_id = %1$s RETURNING *)
                INSERT INTO cart_lines (cart_id, position, line_id, sku, warehouse, quantity, added_unit_price_minor,
                                        added_unit_price_currency, added_at, added_at_ns)
                SELECT cart_id, position, line_id, sku, warehouse, quantity %% 3 + 1, added_unit_price_minor,
                       added_unit_price_currency, added_at, added_at_ns FROM old;
                INSERT INTO outbox (cart_id, sequence, idx, type, at, data)
                VALUES (%1$s, :v + 1, 0, %3$s, now(), '{"load": "pgbench"}'::jsonb) ON CONFLICT DO NOTHING;
                COMMIT;
                """;
        Files.writeString(dir.resolve("read.sql"), read, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("change.sql"), pick + write.formatted(PICK, "state", "'QUANTITY_CHANGED'"),
                StandardCharsets.UTF_8);
        // the state goes back and forth so that the same carts stay usable for the whole run
        Files.writeString(dir.resolve("checkout.sql"), pick + write.formatted(PICK,
                "CASE state WHEN 'ACTIVE' THEN 'CHECKED_OUT' ELSE 'ACTIVE' END", "'CHECKED_OUT'"),
                StandardCharsets.UTF_8);
        return dir;
    }

    private static double pgbench(String pgbench, Database database, Path scripts, int clients, long seconds)
            throws IOException, InterruptedException {
        List<String> command = List.of(pgbench, "-n", "-M", "prepared", "-h", database.host(), "-p",
                Integer.toString(database.port()), "-U", database.user(), "-c", Integer.toString(clients), "-j",
                Integer.toString(Math.min(clients, 4)), "-T", Long.toString(Math.max(1, seconds)),
                "-f", scripts.resolve("read.sql") + "@70", "-f", scripts.resolve("change.sql") + "@25",
                "-f", scripts.resolve("checkout.sql") + "@5", database.name());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", database.password());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(seconds + 60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("pgbench failed:\n" + output);
        }
        Files.writeString(scripts.resolve("pgbench-" + clients + ".txt"), output);
        return tps(output);
    }

    /** The {@code tps = } figure of pgbench's report. */
    static double tps(String output) {
        for (String line : output.split("\n")) {
            if (line.startsWith("tps = ")) {
                return Double.parseDouble(line.substring(6).trim().split(" ")[0]);
            }
        }
        throw new IllegalArgumentException("no tps line in pgbench's output:\n" + output);
    }
}
