package dev.cartflow.benchmarks;

import dev.cartflow.core.internal.pricing.CartPricer;
import dev.cartflow.core.internal.pricing.PricingInput;
import dev.cartflow.model.PricingPolicy;
import java.lang.management.ManagementFactory;

/**
 * Allocation per call (exact, from the thread's allocated-bytes counter) and the fastest call of one
 * configuration, in its own JVM so that no other cart shape shares the JIT profile. Run: {@code java
 * -cp benchmarks/target/benchmarks.jar dev.cartflow.benchmarks.PricingCallProbe LINES PROMOTIONS SECONDS [TAXMODE]}
 * (tax mode {@code EXCLUSIVE}, the default, or {@code INCLUSIVE}).
 */
public final class PricingCallProbe {
    private PricingCallProbe() {
    }

    /** Arguments: lines, promotions, seconds of timed calls (0 for the allocation only) and the tax mode. */
    public static void main(String[] a) {
        int lines = Integer.parseInt(a[0]);
        int promos = Integer.parseInt(a[1]);
        long secs = a.length > 2 ? Long.parseLong(a[2]) : 0;
        PricingPolicy.TaxMode mode = a.length > 3 ? PricingPolicy.TaxMode.valueOf(a[3]) : PricingPolicy.TaxMode.EXCLUSIVE;
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        CartPricer pricer = CartPricer.standard();
        PricingInput input = Carts.input(lines, promos, mode);
        long sink = 0;
        for (int i = 0; i < 300_000; i++) sink += pricer.price(input).total().minor();
        long tid = Thread.currentThread().getId();
        long b0 = mx.getThreadAllocatedBytes(tid);
        int n = 100_000;
        for (int i = 0; i < n; i++) sink += pricer.price(input).total().minor();
        long b1 = mx.getThreadAllocatedBytes(tid);
        System.out.println("B/call " + (b1 - b0) / (double) n);
        long end = System.nanoTime() + secs * 1_000_000_000L;
        long best = Long.MAX_VALUE;
        while (System.nanoTime() < end) {
            long t = System.nanoTime();
            sink += pricer.price(input).total().minor();
            best = Math.min(best, System.nanoTime() - t);
        }
        System.out.println(mode + " best " + best + " sink " + sink);
    }
}
