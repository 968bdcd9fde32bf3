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
import java.util.concurrent.atomic.AtomicIntegerArray;
import dev.cartflow.model.LineId;
import org.jdbi.v3.core.Jdbi;

/**
 * A bounded load driver (not a test): a mix of 70 % priced cart reads ({@code engine.price}), 25 %
 * line changes ({@code SetQuantity}) and 5 % checkouts ({@code engine.checkout} of a cart kept for
 * it) at 1, 4 and 16 workers, through the {@link CartEngine} on {@link JdbiCartRepository} (in-memory
 * catalog and prices); after each engine run, the same mix at the same worker count as pgbench
 * scripts made of the statements the repository sent for each kind of operation ({@link
 * PgbenchScripts}), on the same server. Prints a table, the
 * CPU per operation of each side and the statements per operation; see docs/performance-jdbi.md.
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
    /**
     * Carts each checked out once (5 % of the mix): enough for the longest warm-up ({@value
     * #WARM_UP_ROUNDS} rounds) and the measured runs at about 10 000 operations per second, so that no
     * checkout meets a cart checked out before (30 000 ran out after a 13-round warm-up).
     */
    private static final int CHECKOUT_CARTS = 100_000;
    /**
     * Carts of pgbench's checkout script, after the engine's: it checks out random carts of its range,
     * and on the engine's own range the engine's later checkouts would meet carts already checked out.
     */
    private static final int PGBENCH_CHECKOUT_CARTS = 40_000;
    private static final int WARM_UP_ROUNDS = 16;
    private static final int JIT_QUIET_PERCENT = 5;
    private static final Actor SERVICE = Actor.service("load-driver");
    private static final AtomicInteger NEXT_CHECKOUT = new AtomicInteger();
    /** The seeded carts' line ids, the same in every cart: a client knows them from its last response. */
    private static final LineId[] LINE_IDS = seededCart(cartId(1), Instant.EPOCH).lines().stream()
            .map(LineItem::id).toArray(LineId[]::new);
    /**
     * Per line of every seeded cart, how often the driver changed it: a change sets the next quantity
     * (seeded 1, then 2, 3, ... 50, 1), so it always differs from the stored one, as the change of a
     * client that knows the cart from its last response does.
     */
    private static final AtomicIntegerArray QUANTITIES = new AtomicIntegerArray(LINES_PER_CART * 1_000_001);
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
        List<String> report = new ArrayList<>();
        report.add(String.format("%-8s %-8s %10s %10s %10s %10s   %s", "tool", "workers", "ops/s", "p50 ms",
                "p99 ms", "failures", "p50/p99 ms by kind: read | change | checkout"));
        System.out.println(report.get(0));
        try (LoadServer server = LoadServer.start(); HikariDataSource ds = server.pool(server.newSchema(), 16)) {
            String schema = ds.getDataSourceProperties().getProperty("currentSchema");
            CartFlowSchema.of(ds, schema).migrate();
            CpuUsage cpu;
            try (java.sql.Connection c = ds.getConnection()) {
                cpu = CpuUsage.of(c);
            }
            StatementStats statements = StatementStats.of(ds);
            JdbiCartRepository repository = JdbiCartRepository.builder(Jdbi.create(ds)).dataSource(ds).build();
            seed(repository, 1, carts);
            seed(repository, carts + 1, CHECKOUT_CARTS + PGBENCH_CHECKOUT_CARTS);
            List<String> shapes = new ArrayList<>();
            List<PgbenchRun.Scripts> scripts = writePgbenchScripts(ds, carts, shapes);
            // statistics of the freshly seeded tables now, not by autovacuum during the engine's runs
            try (java.sql.Connection c = ds.getConnection(); java.sql.Statement s = c.createStatement()) {
                s.execute("VACUUM ANALYZE");
            }
            CartEngine engine = engine(repository);
            warmUp(engine, carts, Math.max(3, seconds / 2));
            String perOperation = cpuPerOperation(engine, carts);
            System.out.println(perOperation);
            // At each worker count the engine and then each pgbench form, so that the runs whose ratio
            // is judged are seconds apart, not minutes: this machine's speed drifts (the same code gave
            // 0.83 and 0.70 at 4 workers twenty minutes apart, 2026-12-03). pgbench checks out carts of
            // a range of its own, so its runs do not fail the engine's later checkouts.
            Map<String, List<String>> rowsByTool = new LinkedHashMap<>();
            for (int workers : WORKERS) {
                // unmeasured seconds of the mix first: in runs without them the JIT came back (7 to 14 us per
                // operation) in the engine's measured runs after the JVM sat idle through pgbench's
                runRepository(engine, workers, carts, Math.max(2, seconds / 3), false);
                settle(ds);
                statements.reset();
                String row = cpu.engine("engine", workers, seconds, () -> runRepository(engine, workers, carts, seconds, true));
                rowsByTool.computeIfAbsent("engine", k -> new ArrayList<>()).add(row);
                statements.record("engine", workers, operations(row, seconds));
                System.out.println(row);
                for (PgbenchRun.Scripts form : scripts) {
                    settle(ds);
                    statements.reset();
                    String pgbenchRow = PgbenchRun.run(cpu, pgbench, server.url, schema, form, workers, seconds, RESULTS);
                    rowsByTool.computeIfAbsent(form.variant(), k -> new ArrayList<>()).add(pgbenchRow);
                    statements.record(form.variant(), workers, operations(pgbenchRow, seconds));
                    System.out.println(pgbenchRow);
                }
            }
            rowsByTool.values().forEach(report::addAll);
            report.add("");
            report.add(perOperation);
            report.add("");
            report.add("CPU time per operation (client: this JVM or pgbench; server: PostgreSQL's processes):");
            report.addAll(cpu.report());
            report.add("");
            report.add("Statements the server ran per operation of the mix (pg_stat_statements):");
            report.addAll(statements.report());
            report.add("");
            report.add("pgbench scripts (in " + scripts.get(0).dir().getParent() + ": pgbench/ with the values bound,"
                    + " as the engine sends them; pgbench-constants/ with them as literals), the repository's statements"
                    + " as captured:");
            report.addAll(shapes);
        }
        System.out.println();
        report.forEach(System.out::println);
        System.exit(0);
    }

    /**
     * Warms up the JIT, the pool and the caches: rounds of the mix at 4 and then 16 workers until the
     * JIT compiler threads took less than {@value #JIT_QUIET_PERCENT} % of this JVM's CPU in two
     * rounds in a row (one at each concurrency), at most {@value #WARM_UP_ROUNDS} rounds. One round at 4
     * workers was not enough: the compiler was still taking more CPU than the workers during the
     * measured runs (issue 14, 2026-12-02), which pgbench, compiling nothing, never pays; and one quiet
     * round at 16 workers still left the JIT at 18 % of the JVM's CPU in the measured run at 4
     * (2026-12-03).
     */
    private static void warmUp(CartEngine engine, int carts, int secondsPerRound) {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        double previous = 100;
        for (int round = 1; round <= WARM_UP_ROUNDS; round++) {
            int workers = round % 2 == 1 ? 4 : 16;
            long jvm = ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime();
            long jit = CpuUsage.jvmThreadNanos()[0];
            runRepository(engine, workers, carts, secondsPerRound, false);
            double share = 100.0 * (CpuUsage.jvmThreadNanos()[0] - jit)
                    / Math.max(1, ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime() - jvm);
            System.out.printf("warm-up round %d (%d workers, %d s): JIT %.0f %% of the JVM's CPU%n", round, workers,
                    secondsPerRound, share);
            if (share < JIT_QUIET_PERCENT && previous < JIT_QUIET_PERCENT) {
                return;
            }
            previous = share;
        }
    }

    /**
     * Vacuums and checkpoints before each measured run, so that every run, the engine's and pgbench's,
     * starts with no dead rows of the runs before it and no dirty buffers: otherwise autovacuum and
     * the checkpointer bill the server CPU of the previous run's writes to whichever run they fall in,
     * and the engine's first runs follow the warm-up's writes.
     */
    private static void settle(javax.sql.DataSource ds) throws java.sql.SQLException {
        try (java.sql.Connection c = ds.getConnection(); java.sql.Statement s = c.createStatement()) {
            s.execute("VACUUM ANALYZE");
            s.execute("CHECKPOINT");
        }
    }

    private static double operations(String row, int seconds) {
        return Double.parseDouble(row.trim().split("\\s+")[2]) * seconds;
    }

    /**
     * The pgbench scripts: what the engine's repository sends for a read, a line change and a
     * checkout, captured on two sentinel carts ({@link PgbenchScripts}), so that pgbench runs the
     * engine's SQL and nothing else. Adds a line per script to {@code shapes}.
     */
    private static List<PgbenchRun.Scripts> writePgbenchScripts(javax.sql.DataSource ds, int carts,
                                                               List<String> shapes) throws IOException {
        SqlCapture capture = new SqlCapture(ds);
        JdbiCartRepository captured = JdbiCartRepository.builder(Jdbi.create(capture.dataSource()))
                .dataSource(capture.dataSource()).build();
        CartEngine engine = engine(captured);
        CartId changed = cartId(999_999_998);
        CartId checkedOut = cartId(999_999_999);
        for (CartId id : List.of(changed, checkedOut)) {
            captured.save(new CartWrite(seededCart(id, Instant.now()).toBuilder()
                    .version(PgbenchScripts.SENTINEL_VERSION).build(), 0, List.of(), null));
        }
        capture.take();
        engine.price(SERVICE, changed);
        List<SqlCapture.Sent> read = capture.take();
        engine.execute(SERVICE, changed, new CartCommand.SetQuantity(LINE_IDS[0], 2), Mutation.none());
        List<SqlCapture.Sent> change = capture.take();
        engine.checkout(SERVICE, checkedOut, Mutation.none());
        List<SqlCapture.Sent> checkout = capture.take();
        Path dir = Files.createTempDirectory("cartflow-pgbench");
        List<PgbenchRun.Scripts> forms = new ArrayList<>();
        for (String variant : List.of("pgbench", "pgbench-constants")) {
            boolean bound = variant.equals("pgbench");
            Path form = Files.createDirectories(dir.resolve(variant));
            PgbenchScripts reads = new PgbenchScripts(changed.toString(), bound ? "r" : null);
            PgbenchScripts changes = new PgbenchScripts(changed.toString(), bound ? "c" : null);
            PgbenchScripts checkouts = new PgbenchScripts(checkedOut.toString(), bound ? "k" : null);
            Files.writeString(form.resolve("read.sql"), reads.script(read, 1, carts, false), StandardCharsets.UTF_8);
            Files.writeString(form.resolve("change.sql"), changes.script(change, 1, carts, true),
                    StandardCharsets.UTF_8);
            Files.writeString(form.resolve("checkout.sql"), checkouts.script(checkout, carts + CHECKOUT_CARTS + 1,
                    carts + CHECKOUT_CARTS + PGBENCH_CHECKOUT_CARTS, true), StandardCharsets.UTF_8);
            Map<String, String> variables = new LinkedHashMap<>(reads.variables());
            variables.putAll(changes.variables());
            variables.putAll(checkouts.variables());
            forms.add(new PgbenchRun.Scripts(variant, form, variables));
        }
        shapes.add("  read:     " + PgbenchScripts.shape(read));
        shapes.add("  change:   " + PgbenchScripts.shape(change));
        shapes.add("  checkout: " + PgbenchScripts.shape(checkout));
        return forms;
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
            batch.add(new CartWrite(seededCart(cartId(n), now), 0, List.of(), null));
            if (batch.size() == 500) {
                repository.saveAll(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            repository.saveAll(batch);
        }
    }

    /** A seeded cart: a guest's, of {@value #LINES_PER_CART} lines of quantity 1, at version 1. */
    private static Cart seededCart(CartId id, Instant now) {
        List<LineItem> lines = new ArrayList<>();
        for (int l = 0; l < LINES_PER_CART; l++) {
            lines.add(TestCarts.line("sku-" + l, 1, 1000 + l, TestCarts.T0));
        }
        return TestCarts.guestCart(id).toBuilder().updatedAt(now).expiresAt(now.plus(Duration.ofDays(30)))
                .lines(lines).build();
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
            int dice = random.nextInt(100);
            int kind = dice < 70 ? 0 : dice < 95 ? 1 : 2;
            long start = System.nanoTime();
            try {
                operation(engine, kind, carts, random);
            } catch (CartException e) {
                failures++;
            }
            out[count++] = (System.nanoTime() - start) << 2 | kind;
        }
        long[] result = Arrays.copyOf(out, count);
        result[0] = failures;
        return result;
    }

    /** One operation of the mix: 0 a priced read, 1 a line change, 2 a checkout of a cart kept for it. */
    private static void operation(CartEngine engine, int kind, int carts, SplittableRandom random) {
        int cartNumber = 1 + random.nextInt(carts);
        CartId id = cartId(cartNumber);
        if (kind == 0) {
            engine.price(SERVICE, id);
        } else if (kind == 1) {
            int line = random.nextInt(LINES_PER_CART);
            int quantity = QUANTITIES.incrementAndGet(cartNumber * LINES_PER_CART + line) % 50 + 1;
            engine.execute(SERVICE, id, new CartCommand.SetQuantity(LINE_IDS[line], quantity), Mutation.none());
        } else {
            int n = carts + 1 + NEXT_CHECKOUT.getAndIncrement() % CHECKOUT_CARTS;
            engine.checkout(SERVICE, cartId(n), Mutation.none());
        }
    }

    /**
     * The engine's own CPU per operation of each kind, on one thread (thread CPU time, the median of
     * 5 rounds of 200 after the warm-up): unlike throughput, it barely moves with the machine's
     * other load, so it is the figure to compare two builds by.
     */
    private static String cpuPerOperation(CartEngine engine, int carts) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        SplittableRandom random = new SplittableRandom(7);
        int rounds = 5;
        int each = 200;
        double[][] micros = new double[3][rounds];
        for (int round = 0; round < rounds; round++) {
            for (int kind = 0; kind < 3; kind++) {
                long start = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < each; i++) {
                    operation(engine, kind, carts, random);
                }
                micros[kind][round] = (threads.getCurrentThreadCpuTime() - start) / 1e3 / each;
            }
        }
        for (double[] kind : micros) {
            Arrays.sort(kind);
        }
        return String.format("engine CPU per operation on one thread (us, median of %d x %d): read %.1f, change %.1f,"
                + " checkout %.1f; for the mix %.1f", rounds, each, micros[0][rounds / 2], micros[1][rounds / 2],
                micros[2][rounds / 2], 0.70 * micros[0][rounds / 2] + 0.25 * micros[1][rounds / 2]
                        + 0.05 * micros[2][rounds / 2]);
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))];
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
