package dev.cartflow.redis;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Bounded load driver (not a test): measures the cache-hit read path of
 * {@link CachingCartRepository#find} at 1 and 16 concurrent readers, then runs
 * {@code redis-benchmark -t get -d <snapshot size>} at the same concurrency against the same server.
 *
 * <p>Arguments: {@code [seconds per run, default 10] [lines in the cart, default 10]}. Uses
 * {@code CARTFLOW_TEST_REDIS_URL} or starts an embedded server. With {@code CARTFLOW_RESULTS} set (a
 * directory), also appends a {@code cache-hit} and a {@code redis-benchmark} row per reader count to
 * {@code $CARTFLOW_RESULTS/redis-load.jsonl} (the results format of benchmarks/run-all.sh).
 */
public final class CacheReadLoadDriver {
    /** Where the rows of benchmarks/run-all.sh go; unset outside it. */
    private static final String RESULTS = System.getenv("CARTFLOW_RESULTS");

    private CacheReadLoadDriver() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int lines = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        String url = TestRedis.url();
        URI uri = URI.create(url);
        try (CartRedisClient client = CartRedisClient.standalone(url, Duration.ofSeconds(2));
             CachingCartRepository repo = CachingCartRepository.builder(new InMemoryCartRepository(), client)
                     .keyPrefix("bench").build()) {
            Cart cart = Carts.guest();
            repo.save(CartWrite.of(cart, 0, List.of()));
            for (int i = 0; i < lines; i++) {
                Cart next = Carts.add(cart, "SKU-" + i);
                repo.save(CartWrite.of(next, cart.version(), List.of()));
                cart = next;
            }
            int size = RecordCodec.encode(cart).getBytes(StandardCharsets.UTF_8).length;
            System.out.printf("redis %s, cart with %d lines, snapshot %d bytes, %d s per run%n", url, lines, size,
                    seconds);
            for (int threads : new int[] {1, 16}) {
                run(repo, cart, threads, Math.max(2, seconds / 3)); // warm-up
                Instant started = Instant.now();
                double ours = run(repo, cart, threads, seconds);
                Instant benchmarkStarted = Instant.now();
                double theirs = redisBenchmark(uri, threads, size, seconds);
                appendResult(RESULTS, row("variant", "cache-hit", "clients", threads, "throughput", ours,
                        "lines", lines, "bytes", size, "seconds", seconds, "started", started.toString()));
                if (theirs > 0) {
                    appendResult(RESULTS, row("variant", "redis-benchmark", "clients", threads, "throughput", theirs,
                            "bytes", size, "started", benchmarkStarted.toString()));
                }
                System.out.printf("threads=%d find/s=%.0f redis-benchmark-get/s=%.0f ratio=%.2f%n", threads, ours,
                        theirs, theirs > 0 ? ours / theirs : Double.NaN);
            }
            System.out.println("health " + repo.cacheHealth());
        }
        System.exit(0);
    }

    private static double run(CachingCartRepository repo, Cart cart, int threads, int seconds) throws Exception {
        LongAdder done = new LongAdder();
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(threads);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread w = new Thread(() -> {
                while (!stop.get()) {
                    if (repo.find(cart.id()).orElseThrow().version() != cart.version()) {
                        throw new IllegalStateException("wrong version");
                    }
                    done.increment();
                }
                finished.countDown();
            });
            workers.add(w);
        }
        long start = System.nanoTime();
        workers.forEach(Thread::start);
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        finished.await();
        return done.sum() / ((System.nanoTime() - start) / 1e9);
    }

    /** Requests per second of redis-benchmark GET with a value of the same size, or 0 if unavailable. */
    private static double redisBenchmark(URI uri, int clients, int size, int seconds) throws Exception {
        // about `seconds` worth of requests at a rough estimate of 20k/s per client, at least 50k
        int requests = Math.max(50_000, Math.min(2_000_000, 20_000 * clients * seconds / 2));
        List<String> cmd = List.of("redis-benchmark", "-h", uri.getHost(), "-p", Integer.toString(uri.getPort()),
                "-t", "get", "-d", Integer.toString(size), "-c", Integer.toString(clients), "-n",
                Integer.toString(requests), "-q");
        try {
            // GET needs a value of that size under redis-benchmark's key: SET it first
            new ProcessBuilder("redis-benchmark", "-h", uri.getHost(), "-p", Integer.toString(uri.getPort()),
                    "-t", "set", "-d", Integer.toString(size), "-n", "1000", "-q").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
            System.out.println("$ " + String.join(" ", cmd));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            double rps = 0;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    // -q output ends with lines like "GET: 41152.26 requests per second, p50=0.191 msec"
                    String[] parts = line.split("\r");
                    String last = parts[parts.length - 1].trim();
                    if (last.startsWith("GET:") && last.contains("requests per second")) {
                        rps = Double.parseDouble(last.substring(4, last.indexOf("requests")).trim());
                        System.out.println("  " + last);
                    }
                }
            }
            p.waitFor();
            return rps;
        } catch (java.io.IOException e) {
            System.out.println("redis-benchmark not found: apt-get install -y redis-tools");
            return 0;
        }
    }

    /** Keys and values, alternating, as an ordered {@code redis-load} row. */
    static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("suite", "redis-load");
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }

    /**
     * Appends {@code row} as one JSON line to {@code <directory>/redis-load.jsonl}, nothing when
     * {@code directory} is null or blank; the format is benchmarks' {@code
     * dev.cartflow.benchmarks.report.ResultRow}, which this module cannot see.
     */
    static void appendResult(String directory, Map<String, Object> row) throws IOException {
        if (directory == null || directory.isBlank()) {
            return;
        }
        Files.createDirectories(Path.of(directory));
        Files.writeString(Path.of(directory, "redis-load.jsonl"), new ObjectMapper().writeValueAsString(row) + "\n",
                StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
