package dev.cartflow.benchmarks;

import dev.cartflow.benchmarks.report.ResultRow;
import dev.cartflow.benchmarks.report.ResultsFile;
import dev.cartflow.core.internal.pricing.CartPricer;
import dev.cartflow.core.internal.pricing.PricingInput;
import dev.cartflow.model.PricingPolicy;
import java.time.Instant;
import java.util.Locale;

/**
 * A noise-robust companion to the JMH run for shared machines: for every configuration it prices
 * the same cart many times and keeps the fastest call, and does the same for the floor loop, in
 * one JVM. The minimum filters out interference from other processes that makes JMH averages on a
 * busy 2-core machine meaningless. Run: {@code java -cp benchmarks/target/benchmarks.jar
 * dev.cartflow.benchmarks.PricingMinTime}.
 */
public final class PricingMinTime {
    private PricingMinTime() {
    }

    public static void main(String[] args) {
        int[] sizes = {1, 10, 100, 1000};
        int[] promotionCounts = {0, 5, 20};
        CartPricer pricer = CartPricer.standard();
        ResultsFile results = ResultsFile.fromEnvironment();
        long sink = 0;
        for (int round = 0; round < 2; round++) { // the first round only warms up the JIT
            if (round == 1) {
                System.out.printf("%-6s %-6s %-10s %12s %12s %8s%n", "lines", "promos", "taxMode", "pricing ns",
                        "floor ns", "ratio");
            }
            for (int lines : sizes) {
                long[] price = new long[lines];
                long[] quantity = new long[lines];
                long[] amount = new long[lines];
                PricingInput plain = Carts.input(lines, 0, PricingPolicy.TaxMode.EXCLUSIVE);
                for (int i = 0; i < lines; i++) {
                    price[i] = plain.prices().get(plain.cart().lines().get(i).sku()).unitPrice().minor();
                    quantity[i] = plain.cart().lines().get(i).quantity();
                }
                int reps = Math.max(2_000, 400_000 / lines);
                long floorBest = Long.MAX_VALUE;
                for (int r = 0; r < reps; r++) {
                    long t = System.nanoTime();
                    sink += PricingFloorBenchmark.floor(price, quantity, amount);
                    floorBest = Math.min(floorBest, System.nanoTime() - t);
                }
                for (int promotions : promotionCounts) {
                    for (PricingPolicy.TaxMode mode : PricingPolicy.TaxMode.values()) {
                        PricingInput input = Carts.input(lines, promotions, mode);
                        long best = Long.MAX_VALUE;
                        Instant started = Instant.now();
                        for (int r = 0; r < reps; r++) {
                            long t = System.nanoTime();
                            sink += pricer.price(input).total().minor();
                            best = Math.min(best, System.nanoTime() - t);
                        }
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
        System.out.println("(checksum " + sink + ")");
    }
}
