package dev.cartflow.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Results directories written the way the drivers and run-all.sh write them. */
final class Fixtures {
    static final int[] LINES = {1, 10, 100, 1000};
    static final int[] PROMOTIONS = {0, 5, 20};
    static final Machine MACHINE = new Machine(2, "Test CPU @ 2.0GHz", "7.7 GiB", "Test Linux, kernel 6.1 amd64",
            "OpenJDK 64-Bit Server VM 17.0.15");

    private Fixtures() {
    }

    /** A pricing model with known marginal costs: fixed + per line + per promotion per line, in ns. */
    static double pricingNs(double fixed, double perLine, double perPromotionPerLine, int lines, int promotions) {
        return fixed + perLine * lines + perPromotionPerLine * lines * promotions;
    }

    /** One pricing row per cell and mode, from the model; the inclusive mode costs {@code inclusiveFactor} more. */
    static void pricing(ResultsFile results, double fixed, double perLine, double perPromotionPerLine,
                        double inclusiveFactor) {
        for (String mode : List.of("exclusive", "inclusive")) {
            double factor = mode.equals("exclusive") ? 1 : inclusiveFactor;
            for (int lines : LINES) {
                for (int promotions : PROMOTIONS) {
                    results.append(ResultRow.of("pricing", mode).lines(lines).promotions(promotions)
                            .ns(factor * pricingNs(fixed, perLine, perPromotionPerLine, lines, promotions))
                            .put("floor_ns", lines * 2));
                }
            }
        }
    }

    /** An engine row and a pgbench row per worker count; {@code ratios[i]} is engine/pgbench at {@code workers[i]}. */
    static void jdbi(ResultsFile results, int[] workers, double[] ratios, double pgbench) {
        for (int i = 0; i < workers.length; i++) {
            results.append(ResultRow.of("jdbi-load", "engine").clients(workers[i]).throughput(ratios[i] * pgbench)
                    .p50Ms(1.5).p99Ms(7.25).errors(0));
        }
        for (int w : workers) {
            results.append(ResultRow.of("jdbi-load", "pgbench").clients(w).throughput(pgbench)
                    .put("latency_avg_ms", 2.5));
        }
    }

    /** The run's record as run-all.sh writes it. */
    static void run(Path results, boolean quick, List<String> commandLines) throws IOException {
        Path run = Files.createDirectories(results.resolve("run"));
        Files.writeString(run.resolve("run.properties"), String.join("\n",
                "mode=" + (quick ? "quick" : "full"), "started=2026-12-01T18:00:00Z", "ended=2026-12-01T18:20:00Z",
                "load_start=1.25 0.90 0.70 2/300 1234", "load_end=3.50 2.00 1.00 5/310 2345",
                "build=mvn -B -q -pl benchmarks -am package -DskipTests") + "\n");
        Files.write(run.resolve("commands.tsv"), commandLines);
    }
}
