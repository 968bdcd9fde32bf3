package dev.cartflow.benchmarks.service;

import java.time.Duration;

/**
 * One step's outcome: the clients it ran, what they measured together, how long the measured part
 * took (from the end of the warm-up to the last client's last answer) and the machine's load
 * average before and after, since the machine is shared.
 *
 * @param clients    concurrent clients
 * @param stats      the measured requests of all clients
 * @param elapsed    the measured time
 * @param loadBefore {@code /proc/loadavg}'s 1-minute figure at the step's start
 * @param loadAfter  the same at its end
 */
record StepResult(int clients, StepStats stats, Duration elapsed, String loadBefore, String loadAfter) {

    /** Measured requests per second. */
    double throughput() {
        long nanos = elapsed.toNanos();
        return nanos <= 0 ? 0 : stats.requests() * 1e9 / nanos;
    }
}
