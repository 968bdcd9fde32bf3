package dev.cartflow.redis;

import dev.cartflow.core.memory.InMemoryCartRepository;
import dev.cartflow.model.Cart;
import dev.cartflow.spi.CartWrite;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;

/**
 * Bounded load driver (not a test) for a noisy shared machine: the cache hit of
 * {@link CachingCartRepository#find} on the blocking read connections, the same over Lettuce only,
 * and {@code redis-benchmark -t get} of a value of the snapshot's size, in short alternating slices
 * against one server, so each ratio compares slices taken moments apart; prints every slice and the
 * medians. {@link CacheReadLoadDriver} runs each variant once, back to back, which a busy machine
 * skews by whatever else ran meanwhile.
 *
 * <p>Arguments: {@code [seconds per slice, default 3] [rounds, default 5] [readers, default 1]}.
 */
public final class CacheReadInterleavedDriver {
    private CacheReadInterleavedDriver() {
    }

    /**
     * Runs the comparison.
     *
     * @param args seconds per slice, rounds, readers
     * @throws Exception when the server or redis-benchmark cannot be run
     */
    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int readers = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        String url = TestRedis.url();
        URI uri = URI.create(url);
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
            new ProcessBuilder("redis-benchmark", "-h", uri.getHost(), "-p", Integer.toString(uri.getPort()), "-t",
                    "set", "-d", Integer.toString(size), "-n", "1000", "-q")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
            System.out.printf("redis %s, snapshot %d bytes, %d readers, %d rounds of %d s%n", url, size, readers,
                    rounds, seconds);
            for (BooleanSupplier warm : variants.values()) {
                run(warm, readers, 2);
            }
            Map<String, List<Double>> results = new LinkedHashMap<>();
            for (int r = 0; r < rounds; r++) {
                results.computeIfAbsent("redis-benchmark", k -> new ArrayList<>())
                        .add(redisBenchmark(uri, readers, size, seconds));
                for (Map.Entry<String, BooleanSupplier> v : variants.entrySet()) {
                    results.computeIfAbsent(v.getKey(), k -> new ArrayList<>()).add(run(v.getValue(), readers, seconds));
                }
            }
            double baseline = median(results.get("redis-benchmark"));
            for (Map.Entry<String, List<Double>> e : results.entrySet()) {
                System.out.printf("readers=%d %-15s median/s=%.0f ratio=%.2f slices=%s%n", readers, e.getKey(),
                        median(e.getValue()), median(e.getValue()) / baseline,
                        e.getValue().stream().map(d -> String.format("%.0f", d)).toList());
            }
        }
        System.exit(0);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    /** Reads per second of {@code readers} threads calling {@code read} for {@code seconds}. */
    private static double run(BooleanSupplier read, int readers, int seconds) throws InterruptedException {
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
        long start = System.nanoTime();
        workers.forEach(Thread::start);
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        for (Thread w : workers) {
            w.join();
        }
        return done.sum() / ((System.nanoTime() - start) / 1e9);
    }

    /** Requests per second of about {@code seconds} of redis-benchmark GET with {@code clients} connections. */
    private static double redisBenchmark(URI uri, int clients, int size, int seconds) throws Exception {
        int requests = 25_000 * seconds * Math.min(clients, 3);
        Process p = new ProcessBuilder("redis-benchmark", "-h", uri.getHost(), "-p", Integer.toString(uri.getPort()),
                "-t", "get", "-d", Integer.toString(size), "-c", Integer.toString(clients), "-n",
                Integer.toString(requests), "-q").redirectErrorStream(true).start();
        double rps = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                String[] parts = line.split("\r");
                String last = parts[parts.length - 1].trim();
                if (last.startsWith("GET:") && last.contains("requests per second")) {
                    rps = Double.parseDouble(last.substring(4, last.indexOf("requests")).trim());
                }
            }
        }
        p.waitFor();
        return rps;
    }
}
