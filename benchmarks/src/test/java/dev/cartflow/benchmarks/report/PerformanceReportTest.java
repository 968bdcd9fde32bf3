package dev.cartflow.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PerformanceReportTest {
    private static final Instant NOW = Instant.parse("2026-12-01T18:30:00Z");

    @TempDir
    Path temp;

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    private Path results() {
        return temp.resolve("results");
    }

    private String write() throws Exception {
        PerformanceReport.write(results(), temp.resolve("docs/performance.md"), temp.resolve("docs/performance"),
                Fixtures.MACHINE, NOW);
        return Files.readString(temp.resolve("docs/performance.md"), StandardCharsets.UTF_8);
    }

    private static String targetRow(String page, String target) {
        return page.lines().filter(l -> l.startsWith("| " + target + " |")).findFirst()
                .orElseThrow(() -> new AssertionError("no target row " + target + " in\n" + page));
    }

    @Test
    void write_jdbiRatiosEitherSideOfTheTarget_judgesEachWorkerCountOnItsOwnRatio() throws Exception {
        double pgbench = 1200;
        Fixtures.jdbi(ResultsFile.in(results()), new int[] {1, 4, 16}, new double[] {0.5, 0.85, 0.7}, pgbench);

        String page = write();

        String at4 = targetRow(page, "engine on cart-jdbi / pgbench at 4 workers");
        String at16 = targetRow(page, "engine on cart-jdbi / pgbench at 16 workers");
        assertThat(at4).contains(String.format(Locale.ROOT, "%.3f", 0.85), Format.number(0.85 * pgbench),
                Format.number(pgbench), "| **met** |");
        assertThat(at16).contains(String.format(Locale.ROOT, "%.3f", 0.7), "| not met |");
        assertPng(temp.resolve("docs/performance/jdbi-throughput.png"));
        assertThat(page).contains("(performance/jdbi-throughput.png)");
    }

    @Test
    void write_redisAt16JustAboveAndAt1Below_judgesTheStrictAndTheInclusiveGoal() throws Exception {
        ResultsFile results = ResultsFile.in(results());
        double get1 = 40_000;
        double get16 = 90_000;
        results.append(ResultRow.of("redis-load", "cache-hit").clients(1).throughput(0.79 * get1));
        results.append(ResultRow.of("redis-load", "redis-benchmark").clients(1).throughput(get1));
        results.append(ResultRow.of("redis-load", "cache-hit").clients(16).throughput(1.01 * get16));
        results.append(ResultRow.of("redis-load", "redis-benchmark").clients(16).throughput(get16));

        String page = write();

        assertThat(targetRow(page, "Redis cache hit / redis-benchmark GET at 1 client")).contains("0.790", "| not met |");
        assertThat(targetRow(page, "Redis cache hit / redis-benchmark GET at 16 clients")).contains("1.010",
                "| **met** |");
    }

    @Test
    void write_httpReadsAndTrivialAtThreeClientCounts_judgesEach() throws Exception {
        ResultsFile results = ResultsFile.in(results());
        int[] clients = {1, 4, 16};
        double[] ratios = {0.6, 0.5, 0.4};
        for (int i = 0; i < clients.length; i++) {
            double trivial = 1000.0 * clients[i];
            results.append(ResultRow.of("http-load", "in-memory").clients(clients[i]).throughput(trivial / 3)
                    .p50Ms(2).p99Ms(9));
            results.append(ResultRow.of("http-load", "in-memory-reads").clients(clients[i])
                    .throughput(ratios[i] * trivial).p50Ms(1).p99Ms(4));
            results.append(ResultRow.of("http-load", "trivial").clients(clients[i]).throughput(trivial)
                    .p50Ms(0.5).p99Ms(2));
        }

        String page = write();

        assertThat(targetRow(page, "HTTP in-memory priced reads / trivial endpoint at 1 client")).contains("0.600",
                "| **met** |");
        assertThat(targetRow(page, "HTTP in-memory priced reads / trivial endpoint at 4 clients")).contains("0.500",
                "| **met** |");
        assertThat(targetRow(page, "HTTP in-memory priced reads / trivial endpoint at 16 clients")).contains("0.400",
                "| not met |");
        assertPng(temp.resolve("docs/performance/http-throughput.png"));
        assertPng(temp.resolve("docs/performance/http-latency.png"));
        assertThat(page).contains("![HTTP throughput against clients, per variant, with the ceilings]"
                + "(performance/http-throughput.png)");
    }

    @Test
    void write_pricingUnderTheLimitInOneModeOnly_judgesTheSlowerMode() throws Exception {
        double fixed = 300;
        double perLine = 40;
        double perPromotionPerLine = 7;
        double inclusiveFactor = 1.2;
        Fixtures.pricing(ResultsFile.in(results()), fixed, perLine, perPromotionPerLine, inclusiveFactor);
        double exclusive = Fixtures.pricingNs(fixed, perLine, perPromotionPerLine, 100, 20);
        double inclusive = inclusiveFactor * exclusive;
        assertThat(exclusive).isLessThan(Targets.TARGET_NS);
        assertThat(inclusive).isGreaterThan(Targets.TARGET_NS);

        String page = write();

        String row = targetRow(page, "pricing a 100-line cart with 20 promotions");
        assertThat(row).contains(Format.micros(inclusive) + " µs, the slower tax mode",
                "exclusive " + Format.micros(exclusive) + " µs", "| not met |");
    }

    @Test
    void write_pricingSweep_showsEveryCellAndTheMarginalCostsOfTheModel() throws Exception {
        double fixed = 250;
        double perLine = 35;
        double perPromotionPerLine = 6;
        double inclusiveFactor = 1.1;
        Fixtures.pricing(ResultsFile.in(results()), fixed, perLine, perPromotionPerLine, inclusiveFactor);

        String page = write();

        for (int lines : Fixtures.LINES) {
            for (int promotions : Fixtures.PROMOTIONS) {
                double ns = Fixtures.pricingNs(fixed, perLine, perPromotionPerLine, lines, promotions);
                assertThat(page).contains("| " + lines + " | " + promotions + " | " + Format.micros(ns) + " | "
                        + Format.micros(inclusiveFactor * ns) + " | " + Format.micros(lines * 2) + " |");
            }
        }
        // per line at 0 promotions is the model's per-line cost; with 20 promotions it adds 20 of them
        assertThat(page).contains("| per line, 0 promotions (100 -> 1000 lines) | " + Format.number(perLine) + " | "
                + Format.number(inclusiveFactor * perLine) + " |");
        assertThat(page).contains("| per line, 20 promotions (100 -> 1000 lines) | "
                + Format.number(perLine + 20 * perPromotionPerLine) + " |");
        assertThat(page).contains("| per promotion per line, 1000 lines (0 -> 20 promotions) | "
                + Format.number(perPromotionPerLine) + " | " + Format.number(inclusiveFactor * perPromotionPerLine)
                + " |");
        assertThat(targetRow(page, "pricing a 100-line cart with 20 promotions")).contains("| **met** |");
        assertPng(temp.resolve("docs/performance/pricing-vs-lines.png"));
        assertPng(temp.resolve("docs/performance/pricing-vs-promotions.png"));
    }

    @Test
    void write_targetCellMeasuredInItsOwnJvms_showsAndJudgesTheForksButCostsStayOnTheSweep() throws Exception {
        double fixed = 250;
        double perLine = 35;
        double perPromotionPerLine = 10;
        ResultsFile results = ResultsFile.in(results());
        Fixtures.pricing(results, fixed, perLine, perPromotionPerLine, 1.0);
        assertThat(Fixtures.pricingNs(fixed, perLine, perPromotionPerLine, 100, 20)).isGreaterThan(Targets.TARGET_NS);
        results.append(ResultRow.of("pricing", "exclusive").lines(100).promotions(20).ns(18_000).put("forks", 3));
        results.append(ResultRow.of("pricing", "inclusive").lines(100).promotions(20).ns(19_000).put("forks", 3));

        String page = write();

        assertThat(page).contains("| 100 | 20 | " + Format.micros(18_000) + " | " + Format.micros(19_000) + " |");
        assertThat(targetRow(page, "pricing a 100-line cart with 20 promotions")).contains("| **met** |");
        assertThat(page).contains("| per line, 20 promotions (100 -> 1000 lines) | "
                + Format.number(perLine + 20 * perPromotionPerLine) + " |");
    }

    @Test
    void write_suitesWithoutRows_areListedAsNotRunWithWhatTheRunRecorded() throws Exception {
        Fixtures.jdbi(ResultsFile.in(results()), new int[] {4, 16}, new double[] {0.9, 0.9}, 1000);
        Fixtures.run(results(), false, List.of(
                "pricing\tfailed (exit 1)\tjava -cp benchmarks/target/benchmarks.jar dev.cartflow.benchmarks.PricingMinTime",
                "jdbi-load\tran\tbenchmarks/jdbi-load.sh 10 2000",
                "redis-load\tran\tbenchmarks/redis-load.sh 10 10",
                "http-soak\tskipped: benchmarks/http-soak.sh does not exist yet\t"));

        String page = write();

        assertThat(page).contains("- `pricing`: failed (exit 1)", "- `redis-load`: ran but wrote no rows",
                "- `http-soak`: skipped: benchmarks/http-soak.sh does not exist yet",
                "- `http-load`: not run by this run", "- `scale-out`: not run by this run");
        assertThat(page).doesNotContain("- `jdbi-load`:");
        assertThat(targetRow(page, "Redis cache hit / redis-benchmark GET at 1 client"))
                .contains("suite redis-load not run", "| not measured |");
        assertThat(targetRow(page, "pricing a 100-line cart with 20 promotions")).contains("| not measured |");
        assertThat(page).contains("| `jdbi-load` | `benchmarks/jdbi-load.sh 10 2000` | ran |");
        assertThat(page).doesNotContain("## Pricing time against cart size");
    }

    @Test
    void write_chartOfASuiteThatDidNotRun_removesTheStaleFileAndLinksNothing() throws Exception {
        Path stale = Files.createDirectories(temp.resolve("docs/performance")).resolve("http-latency.png");
        Files.writeString(stale, "an older run's chart");
        Fixtures.jdbi(ResultsFile.in(results()), new int[] {4}, new double[] {0.9}, 1000);

        String page = write();

        assertThat(stale).doesNotExist();
        assertThat(page).doesNotContain("http-latency.png", "http-throughput.png", "pricing-vs-lines.png");
    }

    @Test
    void write_quickRun_marksThePageAndShowsTheMachineAndLoad() throws Exception {
        Fixtures.jdbi(ResultsFile.in(results()), new int[] {4}, new double[] {0.9}, 1000);
        Fixtures.run(results(), true, List.of("jdbi-load\tran\tbenchmarks/jdbi-load.sh 3 500"));

        String page = write();

        assertThat(page).contains("**Quick run**", "| cores | 2 |", "| CPU | Test CPU @ 2.0GHz |",
                "| memory | 7.7 GiB |", "| JDK | OpenJDK 64-Bit Server VM 17.0.15 |",
                "| load average at start (1, 5, 15 min) | 1.25 0.90 0.70 2/300 1234 |",
                "| load average at end (1, 5, 15 min) | 3.50 2.00 1.00 5/310 2345 |",
                "| page written | " + NOW + " |", "[performance-notes.md](performance-notes.md)",
                "Built once with `mvn -B -q -pl benchmarks -am package -DskipTests`");
    }

    @Test
    void write_fullRun_isNotMarkedQuick() throws Exception {
        Fixtures.jdbi(ResultsFile.in(results()), new int[] {4}, new double[] {0.9}, 1000);
        Fixtures.run(results(), false, List.of("jdbi-load\tran\tbenchmarks/jdbi-load.sh 10 2000"));

        assertThat(write()).doesNotContain("Quick run").contains("(full)");
    }

    @Test
    void write_suiteTable_hasAColumnPerKeyAndARowPerLine() throws Exception {
        ResultsFile results = ResultsFile.in(results());
        results.append(ResultRow.of("scale-out", "lost-updates").put("verdict", "pass").put("carts", 16)
                .put("detail", "a|b"));
        results.append(ResultRow.of("scale-out", "double-checkout").put("verdict", "fail").put("orders", 2));

        String page = write();

        assertThat(page).contains("| variant | verdict | carts | detail | orders |",
                "| lost-updates | pass | 16 | a\\|b |  |", "| double-checkout | fail |  |  | 2 |");
    }

    @Test
    void write_brokenLine_isSkippedAndNamedWhileTheOtherRowsCount() throws Exception {
        Fixtures.jdbi(ResultsFile.in(results()), new int[] {4}, new double[] {0.9}, 1000);
        Files.writeString(results().resolve("jdbi-load.jsonl"), "{\"suite\": \"jdbi-lo", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);

        String page = write();

        assertThat(page).contains("jdbi-load.jsonl line 3: not a result row, skipped");
        assertThat(targetRow(page, "engine on cart-jdbi / pgbench at 4 workers")).contains("0.900", "| **met** |");
    }

    private static void assertPng(Path png) throws Exception {
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).as("decodable PNG " + png).isNotNull();
        assertThat(image.getWidth()).isEqualTo(Charts.WIDTH);
        assertThat(image.getHeight()).isEqualTo(Charts.HEIGHT);
    }
}
