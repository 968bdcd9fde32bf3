package dev.cartflow.benchmarks.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether a soak held steady, from its samples after the warm-up: heap after a full GC within
 * {@code heapTolerance} (0.10 is 10 %) of the first sample at the last one, live threads and
 * database connections at the end no more than at the start (threads with a slack of
 * {@value #THREAD_SLACK}, for the JVM's own compiler and pool threads that come and go), and no
 * error in the whole run.
 *
 * @param passed   whether every check held
 * @param findings one line per check, with its figures
 */
record SoakVerdict(boolean passed, List<String> findings) {
    /** Live threads the end may have beyond the start without it counting as growth. */
    static final int THREAD_SLACK = 3;

    /**
     * One sample of the service, taken once a minute.
     *
     * @param minute          minutes since the measured part started
     * @param heapAfterGcMb   used heap right after a full GC, MiB
     * @param threads         live threads
     * @param poolConnections the connection pool's open connections (NaN without one)
     * @param dbConnections   the database's client connections (NaN without one)
     */
    record Sample(double minute, double heapAfterGcMb, double threads, double poolConnections, double dbConnections) {
    }

    /**
     * The verdict over samples in time order (the first is the baseline after warm-up) and the
     * errors (non-2xx answers and requests without one) of the whole measured run.
     *
     * @throws IllegalArgumentException with fewer than two samples
     */
    static SoakVerdict of(List<Sample> samples, long errors, double heapTolerance) {
        if (samples.size() < 2) {
            throw new IllegalArgumentException("a soak verdict needs at least two samples, got " + samples.size());
        }
        Sample first = samples.get(0);
        Sample last = samples.get(samples.size() - 1);
        List<String> findings = new ArrayList<>();
        boolean passed = true;

        double heapChange = (last.heapAfterGcMb() - first.heapAfterGcMb()) / first.heapAfterGcMb();
        boolean heapFlat = Math.abs(heapChange) <= heapTolerance;
        passed &= heapFlat;
        findings.add(String.format(Locale.ROOT, "heap after full GC %.1f -> %.1f MiB (%+.1f %%, limit %.0f %%): %s",
                first.heapAfterGcMb(), last.heapAfterGcMb(), heapChange * 100, heapTolerance * 100,
                heapFlat ? "flat" : "NOT flat"));

        boolean threadsSteady = last.threads() <= first.threads() + THREAD_SLACK;
        passed &= threadsSteady;
        findings.add(String.format(Locale.ROOT, "live threads %.0f -> %.0f (max %.0f): %s", first.threads(),
                last.threads(), samples.stream().mapToDouble(Sample::threads).max().orElseThrow(),
                threadsSteady ? "not growing" : "GROWING"));

        passed &= connections("pool connections", first.poolConnections(), last.poolConnections(), findings);
        passed &= connections("database connections", first.dbConnections(), last.dbConnections(), findings);

        boolean noErrors = errors == 0;
        passed &= noErrors;
        findings.add("errors " + errors + ": " + (noErrors ? "none" : "SOME"));
        return new SoakVerdict(passed, List.copyOf(findings));
    }

    private static boolean connections(String what, double first, double last, List<String> findings) {
        if (Double.isNaN(first) || Double.isNaN(last)) {
            findings.add(what + ": not measured (no database)");
            return true;
        }
        boolean steady = last <= first;
        findings.add(String.format(Locale.ROOT, "%s %.0f -> %.0f: %s", what, first, last,
                steady ? "not growing" : "GROWING"));
        return steady;
    }
}
