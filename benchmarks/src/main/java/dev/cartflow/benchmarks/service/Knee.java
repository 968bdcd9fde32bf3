package dev.cartflow.benchmarks.service;

import java.util.List;

/**
 * Where a client ramp stops paying: the knee is the step with the highest throughput among those
 * reached before throughput stopped growing, and throughput stops growing at the first step that
 * adds less than {@code minGrowth} (a fraction: 0.05 is 5 %) over the best so far. A ramp that
 * grows to its last step has no knee within it ({@link #found()} false, the last step named).
 *
 * @param clients    the knee's clients (or the last step's when none was found)
 * @param throughput its throughput
 * @param found      whether throughput stopped growing within the ramp
 * @param stoppedAt  the clients of the first step that did not grow enough (0 when none)
 */
record Knee(int clients, double throughput, boolean found, int stoppedAt) {

    /** One step of the ramp: its clients and its throughput. */
    record Point(int clients, double throughput) {
    }

    /**
     * The knee of a ramp, its points in ascending clients.
     *
     * @throws IllegalArgumentException for no points, clients not ascending or a negative growth
     */
    static Knee of(List<Point> ramp, double minGrowth) {
        if (ramp.isEmpty()) {
            throw new IllegalArgumentException("a ramp needs at least one step");
        }
        if (minGrowth < 0) {
            throw new IllegalArgumentException("the growth threshold must not be negative: " + minGrowth);
        }
        Point best = ramp.get(0);
        for (int i = 1; i < ramp.size(); i++) {
            Point point = ramp.get(i);
            if (point.clients() <= ramp.get(i - 1).clients()) {
                throw new IllegalArgumentException("the ramp's clients must ascend: " + ramp);
            }
            if (point.throughput() < best.throughput() * (1 + minGrowth)) {
                return new Knee(best.clients(), best.throughput(), true, point.clients());
            }
            best = point;
        }
        return new Knee(best.clients(), best.throughput(), false, 0);
    }

    /**
     * Whether a ramp should go on after its last step: false once throughput has stopped growing
     * for {@code patience} steps in a row, so that the ramp confirms the knee but is bounded.
     */
    static boolean keepRamping(List<Point> ramp, double minGrowth, int patience) {
        double best = 0;
        int flat = 0;
        for (Point point : ramp) {
            if (point.throughput() < best * (1 + minGrowth)) {
                flat++;
            } else {
                flat = 0;
            }
            best = Math.max(best, point.throughput());
        }
        return flat < patience;
    }
}
