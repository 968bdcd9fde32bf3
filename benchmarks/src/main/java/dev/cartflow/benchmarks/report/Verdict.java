package dev.cartflow.benchmarks.report;

/**
 * One of the targets and how the run fared against it.
 *
 * @param target   what is asked, for example {@code engine on cart-jdbi / pgbench at 4 workers}
 * @param goal     the threshold, for example {@code >= 0.80}
 * @param measured the ratio or time measured with the figures it came from, or why it is missing
 * @param status   met, not met or not measured
 */
record Verdict(String target, String goal, String measured, Status status) {

    /** Whether the target was met in this run. */
    enum Status {
        MET("met"), NOT_MET("not met"), NOT_MEASURED("not measured");

        final String label;

        Status(String label) {
            this.label = label;
        }
    }
}
