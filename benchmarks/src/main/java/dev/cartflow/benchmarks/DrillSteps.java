package dev.cartflow.benchmarks;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The restore drill's log and record: each step and each check is printed as it ends, {@code ok} or
 * {@code FAIL}, and the checks and the steps' durations are kept for the result.
 */
final class DrillSteps {
    /** One step of the drill: does its work and says what it found, for the log line. */
    @FunctionalInterface
    interface Step<T> {
        T run() throws Exception;
    }

    /** Thrown by {@link #run} when a step failed; its failure is printed and recorded already. */
    static final class StepFailed extends Exception {
        private static final long serialVersionUID = 1L;

        StepFailed(String step, Exception cause) {
            super(step, cause);
        }
    }

    private final PrintStream out;
    private final Map<String, Boolean> checks = new LinkedHashMap<>();
    private final Map<String, Long> millis = new LinkedHashMap<>();

    DrillSteps(PrintStream out) {
        this.out = out;
    }

    /**
     * Runs a step and prints {@code ok} with its duration, or {@code FAIL} with why; a failed step is
     * recorded as a failed check, since the phase it belongs to cannot be checked any further.
     *
     * @param name the step
     * @param step the work
     * @return what the step returned
     * @throws StepFailed when the step threw
     */
    <T> T run(String name, Step<T> step) throws StepFailed {
        return run(name, step, result -> null);
    }

    /**
     * Runs a step as {@link #run(String, Step)} does, and prints what it found after its name.
     *
     * @param describe what to print of the step's result; null prints nothing
     */
    <T> T run(String name, Step<T> step, Function<? super T, String> describe) throws StepFailed {
        long started = System.nanoTime();
        try {
            T result = step.run();
            long took = (System.nanoTime() - started) / 1_000_000;
            millis.put(name, took);
            String detail = describe.apply(result);
            out.printf("ok   %s%s (%d ms)%n", name, detail == null ? "" : ": " + detail, took);
            out.flush();
            return result;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            checks.put(name, false);
            out.printf("FAIL %s: %s%n", name, e);
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                out.printf("       caused by %s%n", cause);
            }
            out.flush();
            throw new StepFailed(name, e);
        }
    }

    /** Prints and records checks, in their order. */
    void check(Map<String, Boolean> found) {
        found.forEach((name, passed) -> {
            checks.put(name, passed);
            out.printf("%-4s %s%n", passed ? "ok" : "FAIL", name);
        });
        out.flush();
    }

    /** Prints a line that is neither a step nor a check. */
    void note(String line) {
        out.println("     " + line);
        out.flush();
    }

    /** @return every check by name, failed steps included, in the order they ended */
    Map<String, Boolean> checks() {
        return new LinkedHashMap<>(checks);
    }

    /** @return every step that succeeded by name, with how long it took in milliseconds */
    Map<String, Long> millis() {
        return new LinkedHashMap<>(millis);
    }
}
