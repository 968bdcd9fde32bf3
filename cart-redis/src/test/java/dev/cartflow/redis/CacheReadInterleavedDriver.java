package dev.cartflow.redis;

import dev.cartflow.core.memory.InMemoryCartRepository;
import dev.cartflow.model.Cart;
import dev.cartflow.spi.CartWrite;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bounded load driver (not a test) for a noisy shared machine: the cache hit of
 * {@link CachingCartRepository#find} on the blocking read connections, the same over Lettuce only,
 * and {@code redis-benchmark -t get} of a value of the snapshot's size, in short alternating slices
 * against one server, so each ratio compares slices taken moments apart; prints every slice and the
 * medians. {@link CacheReadLoadDriver} runs each variant once, back to back, which a busy machine
 * skews by whatever else ran meanwhile.
 *
 * <p>Besides the rate, each slice reports the CPU time spent per read: by this JVM (user and
 * kernel, all its threads: readers, GC, compiler, Lettuce's), by redis-benchmark for its slices, and
 * by the embedded redis-server (not measured on an external server). On a 2-core machine the client
 * and the server share the cores, so the client's CPU per read bounds the rate. With
 * {@code CARTFLOW_PERF=1}, also system calls and context switches per read ({@link Perf}).
 *
 * <p>Arguments: {@code [seconds per slice, default 3] [rounds, default 5] [readers, default 1]
 * [variants, default find-direct,find-lettuce]}.
 */
public final class CacheReadInterleavedDriver {
    /** Linux's clock tick of /proc/<pid>/stat times ({@code getconf CLK_TCK}, 100 on every common kernel). */
    private static final double MICROS_PER_TICK = 10_000;
    private static final String BENCHMARK = "redis-benchmark";

    private CacheReadInterleavedDriver() {
    }

    /**
     * One slice: reads per second, CPU microseconds per read of the client (user, kernel) and the
     * server, and the client's system calls and context switches per read (NaN without perf).
     */
    private record Slice(double perSecond, double clientUser, double clientKernel, double server, double syscalls,
                         double switches) {
        double client() {
            return clientUser + clientKernel;
        }
    }

    /**
     * Runs the comparison.
     *
     * @param args seconds per slice, rounds, readers, variants
     * @throws Exception when the server or redis-benchmark cannot be run
     */
    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int readers = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        List<String> chosen = Arrays.asList((args.length > 3 ? args[3] : "find-direct,find-lettuce").split(","));
        String url = TestRedis.url();
        URI uri = URI.create(url);
        long serverPid = serverPid();
        try (CartRedisClient direct = CartRedisClient.standalone(url, Duration.ofSeconds(2));
             CartRedisClient lettuceOnly = CartRedisClient.standalone(url, Duration.ofSeconds(2), 0);
             CachingCartRepository viaDirect = CachingCartRepository.builder(new InMemoryCartRepository(), direct)
                     .keyPrefix("bench").build();
             CachingCartRepository viaLettuce = CachingCartRepository.builder(new InMemoryCartRepository(),
                     lettuceOnly).keyPrefix("bench").build()) {
            Cart cart = Carts.guest();
            viaDirect.save(CartWrite.of(cart, 0, List.of()));
            for (int i = 0; i < 10; i++) {
                Cart next = Carts.add(cart, "SKU-" + i);
                viaDirect.save(CartWrite.of(next, cart.version(), List.of()));
                cart = next;
            }
            Cart stored = cart;
            int size = RecordCodec.encode(cart).getBytes(StandardCharsets.UTF_8).length;
            Map<String, BooleanSupplier> variants = new LinkedHashMap<>();
            variants.put("find-direct", () -> viaDirect.find(stored.id()).orElseThrow().version() == stored.version());
            variants.put("find-lettuce", () -> viaLettuce.find(stored.id()).orElseThrow().version() == stored.version());
            variants.keySet().retainAll(chosen);
            new ProcessBuilder(BENCHMARK, "-h", uri.getHost(), "-p", Integer.toString(uri.getPort()), "-t",
                    "set", "-d", Integer.toString(size), "-n", "1000", "-q")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
            System.out.printf("redis %s, snapshot %d bytes, %d readers, %d rounds of %d s, load %s%n", url, size,
                    readers, rounds, seconds, loadAverage());
            for (BooleanSupplier warm : variants.values()) {
                run(warm, readers, 2, serverPid);
            }
            Map<String, List<Slice>> results = new LinkedHashMap<>();
            for (int r = 0; r < rounds; r++) {
                results.computeIfAbsent(BENCHMARK, k -> new ArrayList<>())
                        .add(redisBenchmark(uri, readers, size, seconds, serverPid));
                for (Map.Entry<String, BooleanSupplier> v : variants.entrySet()) {
                    results.computeIfAbsent(v.getKey(), k -> new ArrayList<>())
                            .add(run(v.getValue(), readers, seconds, serverPid));
                }
            }
            double baseline = median(results.get(BENCHMARK), Slice::perSecond);
            for (Map.Entry<String, List<Slice>> e : results.entrySet()) {
                List<Slice> slices = e.getValue();
                System.out.printf("readers=%d %-15s median/s=%.0f ratio=%.2f cpu-us/read client=%.1f (user %.1f,"
                                + " kernel %.1f) server=%.1f per read syscalls=%.2f switches=%.2f slices=%s%n",
                        readers, e.getKey(), median(slices, Slice::perSecond),
                        median(slices, Slice::perSecond) / baseline, median(slices, Slice::client),
                        median(slices, Slice::clientUser), median(slices, Slice::clientKernel),
                        median(slices, Slice::server), median(slices, Slice::syscalls),
                        median(slices, Slice::switches),
                        slices.stream().map(s -> String.format("%.0f", s.perSecond())).toList());
            }
            System.out.printf("load %s%n", loadAverage());
        }
        System.exit(0);
    }

    private static double median(List<Slice> slices, ToDoubleFunction<Slice> metric) {
        List<Double> sorted = new ArrayList<>(slices.stream().mapToDouble(metric).boxed().toList());
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    /** One slice of {@code readers} threads calling {@code read} for {@code seconds}. */
    private static Slice run(BooleanSupplier read, int readers, int seconds, long serverPid)
            throws InterruptedException {
        LongAdder done = new LongAdder();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < readers; t++) {
            workers.add(new Thread(() -> {
                while (!stop.get()) {
                    if (!read.getAsBoolean()) {
                        throw new IllegalStateException("wrong version");
                    }
                    done.increment();
                }
            }));
        }
        long[] client = ticks(ProcessHandle.current().pid());
        long[] server = ticks(serverPid);
        Perf perf = Perf.attach(ProcessHandle.current().pid(), seconds);
        long start = System.nanoTime();
        workers.forEach(Thread::start);
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        for (Thread w : workers) {
            w.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] clientAfter = ticks(ProcessHandle.current().pid());
        long[] serverAfter = ticks(serverPid);
        double reads = done.sum();
        double[] counts = perf.counts();
        return new Slice(reads / elapsed, perRead(clientAfter[0] - client[0], reads),
                perRead(clientAfter[1] - client[1], reads), serverPerRead(server, serverAfter, reads),
                counts[0] / (reads / elapsed * seconds), counts[1] / (reads / elapsed * seconds));
    }

    private static double perRead(long ticks, double reads) {
        return ticks * MICROS_PER_TICK / reads;
    }

    private static double serverPerRead(long[] before, long[] after, double reads) {
        return before == null || after == null ? Double.NaN
                : perRead(after[0] + after[1] - before[0] - before[1], reads);
    }

    /** User and kernel clock ticks of a process ({@code /proc/<pid>/stat}), null when unreadable. */
    private static long[] ticks(long pid) {
        if (pid <= 0) {
            return null;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // fields after the parenthesized command name, which may contain spaces
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(f[11]), Long.parseLong(f[12])};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The embedded redis-server started by {@link TestRedis} (a child of this JVM), or -1 on an external one. */
    private static long serverPid() {
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().command().map(c -> c.contains("redis-server")).orElse(false))
                .mapToLong(ProcessHandle::pid).findFirst().orElse(-1);
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    /**
     * About {@code seconds} of redis-benchmark GET with {@code clients} connections: requests per
     * second and CPU per request, its own (from the shell's {@code times}, user and kernel) and the
     * server's.
     */
    private static Slice redisBenchmark(URI uri, int clients, int size, int seconds, long serverPid)
            throws Exception {
        int requests = 25_000 * seconds * Math.min(clients, 3);
        String command = String.join(" ", BENCHMARK, "-h", uri.getHost(), "-p", Integer.toString(uri.getPort()),
                "-t", "get", "-d", Integer.toString(size), "-c", Integer.toString(clients), "-n",
                Integer.toString(requests), "-q");
        long[] server = ticks(serverPid);
        Path counted = Files.createTempFile("perf", ".csv");
        Process p = new ProcessBuilder("sh", "-c", (Perf.AVAILABLE ? Perf.command(counted) + " -- " : "") + command
                + "; times").redirectErrorStream(true).start();
        double rps = 0;
        double[] cpu = {Double.NaN, Double.NaN};
        // the shell's "times": its own user and system time, then its children's (redis-benchmark's)
        Pattern times = Pattern.compile("(\\d+)m([\\d.]+)s\\s+(\\d+)m([\\d.]+)s");
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                String[] parts = line.split("\r");
                String last = parts[parts.length - 1].trim();
                Matcher m = times.matcher(last);
                if (last.startsWith("GET:") && last.contains("requests per second")) {
                    rps = Double.parseDouble(last.substring(4, last.indexOf("requests")).trim());
                } else if (m.matches()) {
                    cpu[0] = Long.parseLong(m.group(1)) * 60 + Double.parseDouble(m.group(2));
                    cpu[1] = Long.parseLong(m.group(3)) * 60 + Double.parseDouble(m.group(4));
                }
            }
        }
        p.waitFor();
        long[] serverAfter = ticks(serverPid);
        double[] counts = Perf.read(counted);
        return new Slice(rps, cpu[0] * 1e6 / requests, cpu[1] * 1e6 / requests,
                serverPerRead(server, serverAfter, requests), counts[0] / requests, counts[1] / requests);
    }

    /**
     * The client's system calls and context switches over a slice, counted by Linux's {@code perf
     * stat} with {@code CARTFLOW_PERF=1} when it is installed and allowed (else NaN): unlike CPU time
     * they hardly depend on the machine's load. Off by default: tracing every system call slows the
     * variants by their number of calls (redis-benchmark makes 7 per GET, a hit 2), so rates and
     * CPU times are taken from runs without it.
     */
    private static final class Perf {
        static final boolean AVAILABLE = "1".equals(System.getenv("CARTFLOW_PERF")) && probe();
        private final Process process;
        private final Path output;

        private Perf(Process process, Path output) {
            this.process = process;
            this.output = output;
        }

        static String command(Path output) {
            return "perf stat -x, -e raw_syscalls:sys_enter,context-switches -o " + output;
        }

        /** Counts the events of process {@code pid} for {@code seconds}. */
        static Perf attach(long pid, int seconds) throws InterruptedException {
            if (!AVAILABLE) {
                return new Perf(null, null);
            }
            try {
                Path output = Files.createTempFile("perf", ".csv");
                Process p = new ProcessBuilder("sh", "-c", command(output) + " -p " + pid + " -- sleep " + seconds)
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                Thread.sleep(50); // perf attaches before the readers start
                return new Perf(p, output);
            } catch (IOException e) {
                return new Perf(null, null);
            }
        }

        double[] counts() throws InterruptedException {
            if (process == null) {
                return new double[] {Double.NaN, Double.NaN};
            }
            process.waitFor();
            return read(output);
        }

        /** System calls and context switches from a {@code perf stat -x,} file, NaN when absent. */
        static double[] read(Path file) {
            double[] counts = {Double.NaN, Double.NaN};
            try {
                for (String line : Files.readAllLines(file)) {
                    String[] f = line.split(",");
                    if (f.length > 2 && f[2].startsWith("raw_syscalls")) {
                        counts[0] = Double.parseDouble(f[0]);
                    } else if (f.length > 2 && f[2].startsWith("context-switches")) {
                        counts[1] = Double.parseDouble(f[0]);
                    }
                }
                Files.deleteIfExists(file);
            } catch (IOException | NumberFormatException e) {
                // not counted
            }
            return counts;
        }

        private static boolean probe() {
            try {
                return new ProcessBuilder("perf", "stat", "-e", "raw_syscalls:sys_enter", "true")
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start()
                        .waitFor() == 0;
            } catch (IOException | InterruptedException e) {
                return false;
            }
        }
    }
}
