package dev.cartflow.jdbi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CartState;
import dev.cartflow.model.LineItem;
import dev.cartflow.error.CartException;
import dev.cartflow.spi.CartWrite;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import dev.cartflow.core.CartCommand;
import dev.cartflow.core.CartEngine;
import dev.cartflow.core.Mutation;
import dev.cartflow.core.memory.InMemoryCatalog;
import dev.cartflow.core.memory.InMemoryPricing;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Money;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.Product;
import dev.cartflow.model.Rate;
import dev.cartflow.model.Sku;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;

/**
 * A bounded load driver (not a test): a mix of 70 % priced cart reads ({@code engine.price}), 25 %
 * line changes ({@code SetQuantity}) and 5 % checkouts ({@code engine.checkout} of a cart kept for
 * it) at 1, 4 and 16 workers, through the {@link CartEngine} on {@link JdbiCartRepository} (in-memory
 * catalog and prices); then the same mix as pgbench scripts doing the equivalent SQL on the same
 * server. Prints a table; see docs/performance-jdbi.md.
 *
 * <p>Arguments: {@code seconds-per-run} (default 10), {@code carts} (default 2000), path of pgbench
 * (default /usr/lib/postgresql/15/bin/pgbench). Uses {@code CARTFLOW_TEST_POSTGRES_URL} when set,
 * else an embedded PostgreSQL. With {@code CARTFLOW_RESULTS} set (a directory), also appends one
 * {@code jdbi-load} row per measured run to {@code $CARTFLOW_RESULTS/jdbi-load.jsonl} (the results
 * format of benchmarks/run-all.sh).
 */
public final class LoadDriver {
    private static final int[] WORKERS = {1, 4, 16};
    private static final int LINES_PER_CART = 3;
    private static final int CHECKOUT_CARTS = 30_000;
    private static final Actor SERVICE = Actor.service("load-driver");
    private static final AtomicInteger NEXT_CHECKOUT = new AtomicInteger();
    /** Where the rows of benchmarks/run-all.sh go; unset outside it. */
    private static final String RESULTS = System.getenv("CARTFLOW_RESULTS");

    private LoadDriver() {
    }

    /**
     * Cart number {@code n} has a fixed id, so that pgbench can address it: {@code
     * 00000000-0000-4000-8000-} and {@code n} in 12 decimal digits. Built from the digits, not from
     * a formatted string: the workers pick a cart per operation, and formatting showed in the profile.
     */
    static CartId cartId(int n) {
        long digits = 0;
        int shift = 0;
        for (int rest = n; rest > 0; rest /= 10) {
            digits |= (long) (rest % 10) << shift;
            shift += 4;
        }
        return new CartId(new UUID(0x4000L, 0x8000_0000_0000_0000L | digits));
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int carts = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        String pgbench = args.length > 2 ? args[2] : "/usr/lib/postgresql/15/bin/pgbench";
        String schema = TestDatabase.newSchema();
        List<String> report = new ArrayList<>();
        report.add(String.format("%-8s %-8s %10s %10s %10s %10s   %s", "tool", "workers", "ops/s", "p50 ms",
                "p99 ms", "failures", "p50/p99 ms by kind: read | change | checkout"));
        System.out.println(report.get(0));
        try (HikariDataSource ds = TestDatabase.pool(schema, 16)) {
            CartFlowSchema.of(ds, schema).migrate();
            CpuUsage cpu;
            try (java.sql.Connection c = ds.getConnection()) {
                cpu = CpuUsage.of(c);
            }
            JdbiCartRepository repository = JdbiCartRepository.create(Jdbi.create(ds));
            seed(repository, 1, carts);
            seed(repository, carts + 1, CHECKOUT_CARTS);
            // statistics of the freshly seeded tables now, not by autovacuum during the engine's runs
            try (java.sql.Connection c = ds.getConnection(); java.sql.Statement s = c.createStatement()) {
                s.execute("VACUUM ANALYZE");
            }
            CartEngine engine = engine(repository);
            runRepository(engine, 4, carts, Math.max(3, seconds / 2), false); // warm-up: JIT, pool, caches
            for (int workers : WORKERS) {
                report.add(cpu.engine("engine", workers, seconds, () -> runRepository(engine, workers, carts, seconds, true)));
                System.out.println(report.get(report.size() - 1));
            }
            Path scripts = writePgbenchScripts(carts);
            for (int workers : WORKERS) {
                report.add(runPgbench(cpu, pgbench, schema, scripts, workers, seconds));
                System.out.println(report.get(report.size() - 1));
            }
            report.add("");
            report.add("CPU time per operation (client: this JVM or pgbench; server: PostgreSQL's processes):");
            report.addAll(cpu.report());
        }
        System.out.println();
        report.forEach(System.out::println);
        System.exit(0);
    }

    private static CartEngine engine(JdbiCartRepository repository) {
        InMemoryCatalog catalog = new InMemoryCatalog();
        InMemoryPricing pricing = new InMemoryPricing();
        for (int l = 0; l < LINES_PER_CART; l++) {
            Sku sku = Sku.of("sku-" + l);
            catalog.put(new Product(sku, "load", null, 100, java.util.Set.of(), 1, 1000, 1));
            pricing.put(PriceQuote.of(sku, Money.ofMinor(1000 + l, TestCarts.EUR), Rate.parse("0.19")));
        }
        return CartEngine.builder().repository(repository).catalog(catalog).pricing(pricing)
                .conflictRetryBudget(Duration.ofSeconds(30)).build();
    }

    private static void seed(JdbiCartRepository repository, int first, int count) {
        List<CartWrite> batch = new ArrayList<>();
        Instant now = Instant.now();
        for (int n = first; n < first + count; n++) {
            Cart cart = TestCarts.guestCart(cartId(n)).toBuilder().updatedAt(now).expiresAt(now.plus(Duration.ofDays(30))).build();
            List<LineItem> lines = new ArrayList<>();
            for (int l = 0; l < LINES_PER_CART; l++) {
                lines.add(TestCarts.line("sku-" + l, 1, 1000 + l, TestCarts.T0));
            }
            batch.add(new CartWrite(cart.toBuilder().lines(lines).build(), 0, List.of(), null));
            if (batch.size() == 500) {
                repository.saveAll(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            repository.saveAll(batch);
        }
    }

    private static String runRepository(CartEngine engine, int workers, int carts, int seconds, boolean record) {
        Instant started = Instant.now();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<Future<long[]>> results = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            long seed = 42L + w;
            results.add(pool.submit(() -> worker(engine, carts, end, new SplittableRandom(seed))));
        }
        List<Long> latencies = new ArrayList<>();
        List<List<Long>> byKind = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        long conflicts = 0;
        for (Future<long[]> f : results) {
            long[] r;
            try {
                r = f.get();
            } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e);
            }
            conflicts += r[0];
            for (int i = 1; i < r.length; i++) {
                latencies.add(r[i] >> 2);
                byKind.get((int) (r[i] & 3)).add(r[i] >> 2);
            }
        }
        pool.shutdown();
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        StringBuilder kinds = new StringBuilder();
        for (List<Long> kind : byKind) {
            long[] k = kind.stream().mapToLong(Long::longValue).sorted().toArray();
            kinds.append(String.format(" %.2f/%.2f |", percentile(k, 0.50) / 1e6, percentile(k, 0.99) / 1e6));
        }
        double opsPerSecond = sorted.length / (double) seconds;
        if (record) {
            appendResultUnchecked(RESULTS, row("variant", "engine", "clients", workers, "throughput", opsPerSecond,
                    "p50_ms", percentile(sorted, 0.50) / 1e6, "p99_ms", percentile(sorted, 0.99) / 1e6,
                    "p999_ms", percentile(sorted, 0.999) / 1e6, "errors", conflicts, "carts", carts,
                    "seconds", seconds, "started", started.toString()));
        }
        return String.format("%-8s %-8d %10.0f %10.2f %10.2f %10d  %s", "engine", workers, opsPerSecond,
                percentile(sorted, 0.50) / 1e6, percentile(sorted, 0.99) / 1e6, conflicts,
                kinds.substring(0, kinds.length() - 1));
    }

    /**
     * Runs operations until {@code end}; returns the failed operations, then for each operation its
     * latency in ns times 4 plus its kind (0 read, 1 line change, 2 checkout).
     */
    private static long[] worker(CartEngine engine, int carts, long end, SplittableRandom random) {
        long[] out = new long[1 << 20];
        int count = 1;
        long failures = 0;
        while (System.nanoTime() < end && count < out.length) {
            CartId id = cartId(1 + random.nextInt(carts));
            int dice = random.nextInt(100);
            long start = System.nanoTime();
            try {
                if (dice < 70) {
                    engine.price(SERVICE, id);
                } else if (dice < 95) {
                    Cart cart = engine.get(SERVICE, id);
                    LineItem line = cart.lines().get(random.nextInt(cart.lines().size()));
                    engine.execute(SERVICE, id, new CartCommand.SetQuantity(line.id(), line.quantity() % 50 + 1),
                            Mutation.none());
                } else {
                    int n = carts + 1 + NEXT_CHECKOUT.getAndIncrement() % CHECKOUT_CARTS;
                    engine.checkout(SERVICE, cartId(n), Mutation.none());
                }
            } catch (CartException e) {
                failures++;
            }
            long kind = dice < 70 ? 0 : dice < 95 ? 1 : 2;
            out[count++] = (System.nanoTime() - start) << 2 | kind;
        }
        long[] result = Arrays.copyOf(out, count);
        result[0] = failures;
        return result;
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))];
    }

    /** The pgbench equivalent of each kind of operation, with the SQL the repository sends. */
    private static Path writePgbenchScripts(int carts) throws IOException {
        Path dir = Files.createTempDirectory("cartflow-pgbench");
        // pgbench variables are numbers: cart n's uuid is computed in SQL, as cartId(n) does in Java
        String pick = "\\set n random(1, " + carts + ")\n";
        String id = "CAST('00000000-0000-4000-8000-' || lpad(:n::text, 12, '0') AS uuid)";
        String load = CartSql.SELECT_CARTS.strip() + " WHERE c.id = " + id + ";\n";
        String loadWithVersion = "SELECT version AS v FROM (" + CartSql.SELECT_CARTS.strip()
                + " WHERE c.id = " + id + ") s \\gset\n";
        String update = """
                BEGIN;
                WITH updated AS (
                    UPDATE carts SET version = :v + 1, state = %s, updated_at = now(), metadata_text = '{}',
                           metadata = '{}'::jsonb
                     WHERE id = CAST(:id AS uuid) AND version = :v RETURNING id),
                old_lines AS (DELETE FROM cart_lines WHERE cart_id IN (SELECT id FROM updated)),
                old_codes AS (DELETE FROM cart_codes WHERE cart_id IN (SELECT id FROM updated))
                SELECT count(*) FROM updated;
                WITH new_lines AS (
                    INSERT INTO cart_lines (cart_id, position, line_id, sku, warehouse, quantity,
                                            added_unit_price_minor, added_unit_price_currency, added_at)
                    SELECT CAST(:id AS uuid), u.p, 'l' || u.p, 'sku-' || u.p, 'default', 1 + :v %% 50, 1000, 'EUR', now()
                      FROM unnest(ARRAY[0, 1, 2]) AS u(p)
                    ON CONFLICT DO NOTHING),
                new_events AS (
                    INSERT INTO outbox (cart_id, sequence, idx, type, at, data)
                    SELECT CAST(:id AS uuid), :v + 1, 0, %s, now(), '{"w": "1"}'::jsonb
                    ON CONFLICT DO NOTHING)
                SELECT 0;
                COMMIT;
                """;
        Files.writeString(dir.resolve("read.sql"), pick + load, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("change.sql"), pick + loadWithVersion
                + String.format(update, "state", "'QUANTITY_CHANGED'").replace("CAST(:id AS uuid)", id),
                StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("checkout.sql"), pick + loadWithVersion
                + String.format(update, "CASE state WHEN 'ACTIVE' THEN 'CHECKED_OUT' ELSE 'ACTIVE' END",
                "'CHECKED_OUT'").replace("CAST(:id AS uuid)", id), StandardCharsets.UTF_8);
        return dir;
    }

    private static String runPgbench(CpuUsage cpu, String pgbench, String schema, Path scripts, int workers,
                                     int seconds) throws Exception {
        Instant started = Instant.now();
        URI uri = URI.create(TestDatabase.url().substring("jdbc:".length()));
        String database = uri.getPath().substring(1);
        String user = "postgres";
        String password = "";
        if (uri.getQuery() != null) {
            for (String kv : uri.getQuery().split("&")) {
                String[] parts = kv.split("=", 2);
                if (parts[0].equals("user")) {
                    user = parts[1];
                } else if (parts[0].equals("password") && parts.length > 1) {
                    password = parts[1];
                }
            }
        }
        // pgbench's own CPU time, through time(1) when it is there
        Path times = scripts.resolve("pgbench-" + workers + ".cpu");
        List<String> timed = Files.isExecutable(Path.of("/usr/bin/time"))
                ? List.of("/usr/bin/time", "-f", "%U %S", "-o", times.toString()) : List.of();
        List<String> command = new ArrayList<>(timed);
        command.addAll(List.of(pgbench, "-n", "-M", "prepared", "-h", uri.getHost(), "-p",
                Integer.toString(uri.getPort()), "-U", user, "-c", Integer.toString(workers), "-j",
                Integer.toString(Math.min(workers, 4)), "-T", Integer.toString(seconds), "-r",
                "-f", scripts.resolve("read.sql") + "@70",
                "-f", scripts.resolve("change.sql") + "@25",
                "-f", scripts.resolve("checkout.sql") + "@5",
                database));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGOPTIONS", "-c search_path=" + schema);
        builder.environment().put("PGPASSWORD", password);
        String[] out = new String[1];
        String row = cpu.external("pgbench", workers, seconds, () -> {
            try {
                Process process = builder.start();
                out[0] = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(seconds + 60L, TimeUnit.SECONDS) || process.exitValue() != 0) {
                    throw new IllegalStateException("pgbench failed:\n" + out[0]);
                }
                return pgbenchRow(out[0], scripts, workers, seconds, started);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, () -> clientNanos(times));
        return row;
    }

    /** The user and system time written by time(1), or -1. */
    private static long clientNanos(Path times) {
        try {
            String[] f = Files.readString(times).trim().split("\\s+");
            return (long) ((Double.parseDouble(f[f.length - 2]) + Double.parseDouble(f[f.length - 1])) * 1e9);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static String pgbenchRow(String output, Path scripts, int workers, int seconds, Instant started)
            throws IOException {
        Files.writeString(scripts.resolve("pgbench-" + workers + ".txt"), output);
        double tps = 0;
        double latency = 0;
        long failed = 0;
        for (String line : output.split("\n")) {
            if (line.startsWith("tps = ")) {
                tps = Double.parseDouble(line.substring(6).split(" ")[0]);
            } else if (line.startsWith("latency average = ")) {
                latency = Double.parseDouble(line.substring(18).split(" ")[0]);
            } else if (line.startsWith("number of failed transactions: ")) {
                failed = Long.parseLong(line.substring(31).split(" ")[0]);
            }
        }
        appendResult(RESULTS, row("variant", "pgbench", "clients", workers, "throughput", tps, "latency_avg_ms", latency,
                "errors", failed, "seconds", seconds, "started", started.toString()));
        return String.format("%-8s %-8d %10.0f %10s %10s %10s   (latency avg %.2f ms; per-script detail in %s)",
                "pgbench", workers, tps, "-", "-", "-", latency, scripts.resolve("pgbench-" + workers + ".txt"));
    }

    /** Keys and values, alternating, as an ordered {@code jdbi-load} row. */
    static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("suite", "jdbi-load");
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }

    /**
     * Appends {@code row} as one JSON line to {@code <directory>/jdbi-load.jsonl}, nothing when
     * {@code directory} is null or blank; the format is benchmarks' {@code
     * dev.cartflow.benchmarks.report.ResultRow}, which this module cannot see.
     */
    private static void appendResultUnchecked(String directory, Map<String, Object> row) {
        try {
            appendResult(directory, row);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static void appendResult(String directory, Map<String, Object> row) throws IOException {
        if (directory == null || directory.isBlank()) {
            return;
        }
        Files.createDirectories(Path.of(directory));
        Files.writeString(Path.of(directory, "jdbi-load.jsonl"), new ObjectMapper().writeValueAsString(row) + "\n",
                StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
