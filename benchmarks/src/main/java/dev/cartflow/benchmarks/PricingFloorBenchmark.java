package dev.cartflow.benchmarks;

import dev.cartflow.core.internal.pricing.PricingInput;
import dev.cartflow.model.PricingPolicy;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The floor pricing is compared with: a hand-written loop over long minor units doing only the
 * arithmetic no implementation can avoid (price times quantity, one percentage, one order-amount
 * allocation with a leftover pass, one tax per line), with no objects in or out.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PricingFloorBenchmark {
    @Param({"1", "10", "100", "1000"})
    public int lines;

    private long[] price;
    private long[] quantity;
    private long[] amount;

    @Setup
    public void setUp() {
        PricingInput input = Carts.input(lines, 0, PricingPolicy.TaxMode.EXCLUSIVE);
        price = new long[lines];
        quantity = new long[lines];
        amount = new long[lines];
        for (int i = 0; i < lines; i++) {
            price[i] = input.prices().get(input.cart().lines().get(i).sku()).unitPrice().minor();
            quantity[i] = input.cart().lines().get(i).quantity();
        }
    }

    @Benchmark
    public long floor() {
        return floor(price, quantity, amount);
    }

    /** The floor loop itself, shared with {@link PricingMinTime}. */
    static long floor(long[] price, long[] quantity, long[] amount) {
        int n = price.length;
        long[] a = amount;
        long total = 0;
        for (int i = 0; i < n; i++) {
            long gross = price[i] * quantity[i];
            long off = (gross * 10 + 50) / 100; // 10 % rounded half up
            a[i] = gross - off;
            total += a[i];
        }
        long order = 500;
        long given = 0;
        long tax = 0;
        for (int i = 0; i < n; i++) {
            long share = order * a[i] / total;
            given += share;
            a[i] -= share;
        }
        a[0] -= order - given; // leftover units, crudely to the first line
        for (int i = 0; i < n; i++) {
            tax += (a[i] * 19 + 50) / 100;
        }
        return total + tax;
    }
}
