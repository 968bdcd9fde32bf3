package dev.cartflow.benchmarks;

import dev.cartflow.core.internal.pricing.CartPricer;
import dev.cartflow.core.internal.pricing.PricingInput;
import dev.cartflow.model.PricedCart;
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

/** Time to price one cart with the standard pricer. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PricingBenchmark {
    @Param({"1", "10", "100", "1000"})
    public int lines;

    @Param({"0", "5", "20"})
    public int promotions;

    @Param({"EXCLUSIVE", "INCLUSIVE"})
    public PricingPolicy.TaxMode taxMode;

    private PricingInput input;
    private final CartPricer pricer = CartPricer.standard();

    @Setup
    public void setUp() {
        input = Carts.input(lines, promotions, taxMode);
    }

    @Benchmark
    public PricedCart price() {
        return pricer.price(input);
    }
}
