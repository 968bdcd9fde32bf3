package dev.cartflow.benchmarks;

import java.lang.management.ManagementFactory;

/**
 * One read-path configuration in its own JVM (so that no other cart shape shares the JIT profile):
 * bytes allocated per call (exact, from the thread's counter) and the fastest call over some
 * seconds, default wiring. Also the process to attach a profiler to. Run: {@code java -cp
 * benchmarks/target/benchmarks.jar dev.cartflow.benchmarks.EngineReadProbe LINES price|get SECONDS}.
 */
public final class EngineReadProbe {
    private EngineReadProbe() {
    }

    /** Arguments: lines, the call ({@code price} or {@code get}), seconds of timed calls. */
    public static void main(String[] a) {
        int lines = Integer.parseInt(a[0]);
        boolean price = a[1].equals("price");
        long secs = Long.parseLong(a[2]);
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        EngineReads.Fixture f = EngineReads.Fixture.of(lines, builder -> builder);
        long sink = 0;
        for (int i = 0; i < 200_000; i++) {
            sink += call(f, price);
        }
        long tid = Thread.currentThread().getId();
        int n = 50_000;
        long b0 = mx.getThreadAllocatedBytes(tid);
        for (int i = 0; i < n; i++) {
            sink += call(f, price);
        }
        System.out.println("B/call " + (mx.getThreadAllocatedBytes(tid) - b0) / (double) n);
        long end = System.nanoTime() + secs * 1_000_000_000L;
        long best = Long.MAX_VALUE;
        while (System.nanoTime() < end) {
            long t = System.nanoTime();
            sink += call(f, price);
            best = Math.min(best, System.nanoTime() - t);
        }
        System.out.println("best " + best + " sink " + sink);
    }

    private static long call(EngineReads.Fixture f, boolean price) {
        return price ? f.engine().price(f.actor(), f.id()).total().minor() : f.engine().get(f.actor(), f.id()).version();
    }
}
