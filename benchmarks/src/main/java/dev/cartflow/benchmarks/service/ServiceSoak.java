package dev.cartflow.benchmarks.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The soak of the cart service (not a test): the shopper mix at a fixed client count for a long
 * bounded time (10 minutes by default; {@code --soak=60s} to try it), and once a minute a full GC
 * of the service ({@code jcmd <pid> GC.run}) followed by the heap it left, live threads, the pool's
 * connections and the database's client connections; at the end the figures and a verdict
 * ({@link SoakVerdict}: heap after GC flat within 10 %, threads and connections not growing, zero
 * errors). {@code benchmarks/http-soak.sh} builds and runs it.
 */
public final class ServiceSoak {
    /** The suite name of the rows ({@code http-soak.jsonl}). */
    static final String SUITE = "http-soak";
    private static final double MIB = 1024.0 * 1024.0;

    private ServiceSoak() {
    }

    /**
     * Runs the soak and prints the samples and the verdict; exits 1 when the verdict fails.
     *
     * @param args {@code --name=value} options (benchmarks/http-soak.sh)
     * @throws Exception when the service cannot be started or a client fails unexpectedly
     */
    public static void main(String[] args) throws Exception {
        Args given = Args.parse(ServiceOptions.with("soak", "sample", "clients", "warmup", "heap-tolerance"), args);
        ServiceOptions options = ServiceOptions.from(given, SUITE, ServiceSetup.Variant.POSTGRES_REDIS);
        Duration soak = given.duration("soak", "10m");
        Duration every = given.duration("sample", "60s");
        int clients = given.counts("clients", "8").get(0);
        Duration warmup = given.duration("warmup", "60s");
        double tolerance = given.fraction("heap-tolerance", 0.10);
        if (every.isZero() || soak.compareTo(every) < 0) {
            throw new IllegalArgumentException("the soak (" + soak + ") must last at least one sample period (" + every
                    + ")");
        }
        JsonlResults results = JsonlResults.fromEnvironment();
        boolean passed;
        try (ServiceSetup service = options.open()) {
            if (service.pid() < 0) {
                throw new IllegalArgumentException("the soak runs a full GC in the service with jcmd: start it here, "
                        + "not with --url=");
            }
            ClosedLoop loop = ClosedLoop.mix(service.base(), options.skus(service), options.mix(), options.seed(),
                    Long.MAX_VALUE);
            System.out.printf("soak of %s at %s (pid %d): %d clients, %d s warm-up, %d s measured, a sample every %d s; "
                            + "%d cores%n", service.variant().label, service.base(), service.pid(), clients,
                    warmup.toSeconds(), soak.toSeconds(), every.toSeconds(), Runtime.getRuntime().availableProcessors());
            Instant started = Instant.now();
            ExecutorService runner = Executors.newSingleThreadExecutor();
            List<SoakVerdict.Sample> samples = new ArrayList<>();
            StepResult result;
            try (Connection db = service.database() == null ? null : service.database().connect()) {
                Future<StepResult> run = runner.submit(() -> loop.run(clients, warmup, soak));
                long measureStart = System.nanoTime() + warmup.toNanos();
                sleepUntil(measureStart);
                System.out.println("| minute | heap after full GC MiB | heap used MiB | live threads | pool connections "
                        + "| database connections | load avg |");
                System.out.println("|---|---|---|---|---|---|---|");
                for (long next = measureStart; next <= measureStart + soak.toNanos(); next += every.toNanos()) {
                    sleepUntil(next);
                    SoakVerdict.Sample sample = sample(service, db, (System.nanoTime() - measureStart) / 6e10);
                    samples.add(sample);
                    System.out.printf(Locale.ROOT, "| %.1f | %.1f | %s | %.0f | %s | %s | %s |%n", sample.minute(),
                            sample.heapAfterGcMb(), usedHeap(service), sample.threads(), whole(sample.poolConnections()),
                            whole(sample.dbConnections()), ClosedLoop.loadAverage());
                }
                result = run.get();
            } finally {
                runner.shutdownNow();
            }
            SoakVerdict verdict = SoakVerdict.of(samples, result.stats().errors(), tolerance);
            System.out.printf(Locale.ROOT, "%nmix: %d requests in %.0f s, %.0f req/s, p50 %s ms, p99 %s ms, p99.9 %s ms, "
                            + "non-2xx %s%n", result.stats().requests(), result.elapsed().toMillis() / 1000.0,
                    result.throughput(), LoadTable.millis(result.stats().percentileMicros(50)),
                    LoadTable.millis(result.stats().percentileMicros(99)),
                    LoadTable.millis(result.stats().percentileMicros(99.9)), LoadTable.failures(result.stats().failures()));
            verdict.findings().forEach(line -> System.out.println("- " + line));
            System.out.println("verdict: " + (verdict.passed() ? "PASS" : "FAIL"));
            passed = verdict.passed();
            results.append(row(service.variant().label, result, samples, verdict, started));
        }
        if (!passed) {
            System.exit(1);
        }
    }

    private static Map<String, Object> row(String variant, StepResult result, List<SoakVerdict.Sample> samples,
                                           SoakVerdict verdict, Instant started) {
        Map<String, Object> row = JsonlResults.stepRow(SUITE, variant, result, started);
        SoakVerdict.Sample first = samples.get(0);
        SoakVerdict.Sample last = samples.get(samples.size() - 1);
        row.put("minutes", Math.round(last.minute() * 10) / 10.0);
        row.put("heap_after_gc_mb_first", Math.round(first.heapAfterGcMb() * 10) / 10.0);
        row.put("heap_after_gc_mb", Math.round(last.heapAfterGcMb() * 10) / 10.0);
        row.put("threads_first", (long) first.threads());
        row.put("threads", (long) last.threads());
        if (!Double.isNaN(last.poolConnections())) {
            row.put("pool_connections", (long) last.poolConnections());
        }
        if (!Double.isNaN(last.dbConnections())) {
            row.put("connections_first", (long) first.dbConnections());
            row.put("connections", (long) last.dbConnections());
        }
        row.put("verdict", verdict.passed() ? "pass" : "fail");
        Map<String, Object> samplesByMinute = new LinkedHashMap<>();
        samples.forEach(s -> samplesByMinute.put(String.format(Locale.ROOT, "%.1f", s.minute()),
                Math.round(s.heapAfterGcMb() * 10) / 10.0));
        row.put("heap_after_gc_mb_by_minute", samplesByMinute);
        return row;
    }

    /** A full GC in the service, then its figures. */
    private static SoakVerdict.Sample sample(ServiceSetup service, Connection db, double minute) throws Exception {
        fullGc(service.pid());
        PrometheusText metrics = PrometheusText.scrape(service.base());
        // the old generation after the last collection, which after a full GC is the heap it left
        double live = metrics.sum("jvm_gc_live_data_size_bytes");
        double heap = Double.isNaN(live) || live == 0 ? metrics.sum("jvm_memory_used_bytes", "area=\"heap\"") : live;
        double dbConnections = Double.NaN;
        if (db != null) {
            dbConnections = Database.activity(db).connections();
        }
        return new SoakVerdict.Sample(minute, heap / MIB, metrics.sum("jvm_threads_live_threads"),
                metrics.sum("hikaricp_connections"), dbConnections);
    }

    private static String usedHeap(ServiceSetup service) {
        try {
            return String.format(Locale.ROOT, "%.1f",
                    PrometheusText.scrape(service.base()).sum("jvm_memory_used_bytes", "area=\"heap\"") / MIB);
        } catch (Exception unavailable) {
            return "-";
        }
    }

    /** {@code jcmd <pid> GC.run} with the jcmd beside this driver's java. */
    static void fullGc(long pid) throws IOException, InterruptedException {
        Path java = Path.of(ProcessHandle.current().info().command().orElse("java"));
        Path jcmd = java.getParent() == null ? Path.of("jcmd") : java.getParent().resolve("jcmd");
        Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.run").redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("jcmd " + pid + " GC.run failed: " + output);
        }
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    private static String whole(double value) {
        return Double.isNaN(value) ? "-" : Long.toString(Math.round(value));
    }
}
