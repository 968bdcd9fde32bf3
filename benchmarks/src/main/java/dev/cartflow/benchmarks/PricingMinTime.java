package dev.cartflow.benchmarks;

import dev.cartflow.benchmarks.report.ResultRow;
import dev.cartflow.benchmarks.report.ResultsFile;
import dev.cartflow.core.internal.pricing.CartPricer;
import dev.cartflow.core.internal.pricing.PricingInput;
import dev.cartflow.model.PricingPolicy;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * A noise-robust companion to the JMH run for shared machines: for every configuration it prices
 * the same cart many times and keeps the fastest call, and does the same for the floor loop, in
 * one JVM. The minimum filters out interference from other processes that makes JMH averages on a
 * busy 2-core machine meaningless. The target cart (100 lines, 20 promotions) is then measured again
 * in {@value #FORKS} JVMs of its own, best of them, as JMH forks do: in the sweep its JIT profile is
 * shared with every other shape, and the compiled code, hence the time, differs from one JVM to the
 * next. Run: {@code java -cp benchmarks/target/benchmarks.jar dev.cartflow.benchmarks.PricingMinTime}.
 */
public final class PricingMinTime {
    private static final int FORKS = 3;
    private static final int TARGET_LINES = 100;
    private static final int TARGET_PROMOTIONS = 20;
    private static final String FORK_FLAG = "--fork";
    private static long sink;

    private PricingMinTime() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length == 3 && args[0].equals(FORK_FLAG)) {
            forked(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
            return;
        }
        ResultsFile results = ResultsFile.fromEnvironment();
        sweep(results);
        forks(results);
        System.out.println("(checksum " + sink + ")");
    }

    private static void sweep(ResultsFile results) {
        int[] sizes = {1, 10, 100, 1000};
        int[] promotionCounts = {0, 5, 20};
        CartPricer pricer = CartPricer.standard();
        for (int round = 0; round < 2; round++) { // the first round only warms up the JIT
            if (round == 1) {
                System.out.printf("%-6s %-6s %-10s %12s %12s %8s%n", "lines", "promos", "taxMode", "pricing ns",
                        "floor ns", "ratio");
            }
            for (int lines : sizes) {
                int reps = Math.max(2_000, 400_000 / lines);
                long floorBest = floor(lines, reps);
                for (int promotions : promotionCounts) {
                    for (PricingPolicy.TaxMode mode : PricingPolicy.TaxMode.values()) {
                        Instant started = Instant.now();
                        long best = fastest(pricer, Carts.input(lines, promotions, mode), reps);
                        if (round == 1) {
                            System.out.printf("%-6d %-6d %-10s %12d %12d %8.1f%n", lines, promotions, mode, best,
                                    floorBest, (double) best / Math.max(1, floorBest));
                            results.append(ResultRow.of("pricing", mode.name().toLowerCase(Locale.ROOT))
                                    .lines(lines).promotions(promotions).ns(best).put("floor_ns", floorBest)
                                    .put("reps", reps).started(started));
                        }
                    }
                }
            }
        }
    }

    /** The fastest pass of a plain multiply-and-add loop over the same lines: the least pricing could take. */
    private static long floor(int lines, int reps) {
        long[] price = new long[lines];
        long[] quantity = new long[lines];
        long[] amount = new long[lines];
        PricingInput plain = Carts.input(lines, 0, PricingPolicy.TaxMode.EXCLUSIVE);
        for (int i = 0; i < lines; i++) {
            price[i] = plain.prices().get(plain.cart().lines().get(i).sku()).unitPrice().minor();
            quantity[i] = plain.cart().lines().get(i).quantity();
        }
        long best = Long.MAX_VALUE;
        for (int r = 0; r < reps; r++) {
            long t = System.nanoTime();
            sink += PricingFloorBenchmark.floor(price, quantity, amount);
            best = Math.min(best, System.nanoTime() - t);
        }
        return best;
    }

    private static long fastest(CartPricer pricer, PricingInput input, int reps) {
        long best = Long.MAX_VALUE;
        for (int r = 0; r < reps; r++) {
            long t = System.nanoTime();
            sink += pricer.price(input).total().minor();
            best = Math.min(best, System.nanoTime() - t);
        }
        return best;
    }

    /** Runs the target cart in fresh JVMs and appends, per tax mode, the fastest call of all of them. */
    private static void forks(ResultsFile results) throws IOException, InterruptedException {
        Map<PricingPolicy.TaxMode, Long> best = new EnumMap<>(PricingPolicy.TaxMode.class);
        Instant started = Instant.now();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (int fork = 0; fork < FORKS; fork++) {
            Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    PricingMinTime.class.getName(), FORK_FLAG, String.valueOf(TARGET_LINES),
                    String.valueOf(TARGET_PROMOTIONS)).redirectErrorStream(true).start();
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    String[] parts = line.split(" ");
                    if (parts.length == 3 && parts[0].equals("fastest")) {
                        best.merge(PricingPolicy.TaxMode.valueOf(parts[1]), Long.parseLong(parts[2]), Math::min);
                    }
                }
            }
            if (child.waitFor() != 0) {
                throw new IllegalStateException("the pricing fork exited with " + child.exitValue());
            }
        }
        if (best.size() != PricingPolicy.TaxMode.values().length) {
            throw new IllegalStateException("the pricing forks reported " + best.keySet());
        }
        System.out.printf("%d lines x %d promotions, best of %d JVMs of its own:%n", TARGET_LINES, TARGET_PROMOTIONS,
                FORKS);
        best.forEach((mode, ns) -> {
            System.out.printf("%-10s %12d ns%n", mode, ns);
            results.append(ResultRow.of("pricing", mode.name().toLowerCase(Locale.ROOT)).lines(TARGET_LINES)
                    .promotions(TARGET_PROMOTIONS).ns(ns).put("forks", FORKS).started(started));
        });
    }

    /** One fork: only this cart shape is compiled, so the JIT profile is the shape's own. */
    private static void forked(int lines, int promotions) {
        CartPricer pricer = CartPricer.standard();
        for (PricingPolicy.TaxMode mode : PricingPolicy.TaxMode.values()) {
            PricingInput input = Carts.input(lines, promotions, mode);
            int reps = Math.max(20_000, 2_000_000 / lines);
            fastest(pricer, input, reps); // warms up the JIT
            System.out.println("fastest " + mode + " " + fastest(pricer, input, reps));
        }
    }
}
