package dev.cartflow.benchmarks;

/**
 * The engine's read path with the default wiring (no observer), min-of-N; compiles against the
 * engine before and after issue 10. Run: {@code java -cp benchmarks/target/benchmarks.jar
 * dev.cartflow.benchmarks.EngineReadMinTime}.
 */
public final class EngineReadMinTime {
    private EngineReadMinTime() {
    }

    /** Prints min and median ns and bytes per call of {@code price} and {@code get} at 1, 10 and 100 lines. */
    public static void main(String[] args) {
        EngineReads.run("default", builder -> builder);
    }
}
