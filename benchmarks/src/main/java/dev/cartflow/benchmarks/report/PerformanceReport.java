package dev.cartflow.benchmarks.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * Writes docs/performance.md and its charts from a results directory: the machine, the commands
 * run-all.sh recorded, the targets judged on the run's ratios, one table per suite and the
 * PNG charts. Run by {@code benchmarks/run-all.sh}:
 * {@code java -Djava.awt.headless=true -cp benchmarks/target/benchmarks.jar
 * dev.cartflow.benchmarks.report.PerformanceReport --results=DIR [--page=docs/performance.md]
 * [--charts=docs/performance]}.
 */
public final class PerformanceReport {
    private PerformanceReport() {
    }

    /**
     * Writes the page.
     *
     * @param args {@code --results=DIR} (required), {@code --page=FILE}, {@code --charts=DIR}
     */
    public static void main(String[] args) {
        Path results = null;
        Path page = Path.of("docs/performance.md");
        Path charts = Path.of("docs/performance");
        for (String arg : args) {
            if (arg.startsWith("--results=")) {
                results = Path.of(arg.substring("--results=".length()));
            } else if (arg.startsWith("--page=")) {
                page = Path.of(arg.substring("--page=".length()));
            } else if (arg.startsWith("--charts=")) {
                charts = Path.of(arg.substring("--charts=".length()));
            } else {
                throw new IllegalArgumentException("unknown argument " + arg
                        + " (use --results=DIR --page=FILE --charts=DIR)");
            }
        }
        if (results == null) {
            throw new IllegalArgumentException("--results=DIR is required");
        }
        write(results, page, charts, Machine.probe(), Instant.now());
        System.out.println("wrote " + page + " and its charts under " + charts + " from " + results);
    }

    /** Reads {@code results}, draws the charts into {@code charts} and writes {@code page}; returns the charts drawn. */
    static List<ReportPage.Chart> write(Path results, Path page, Path charts, Machine machine, Instant now) {
        ResultsDirectory rows = ResultsDirectory.read(results);
        RunInfo run = RunInfo.read(results);
        Path pageDirectory = page.toAbsolutePath().getParent();
        List<ReportPage.Chart> drawn = new ArrayList<>();
        chart(drawn, pageDirectory, charts, Targets.PRICING, "pricing-vs-lines.png",
                "Pricing time against cart lines, a line per promotion count",
                (rs, png) -> Charts.pricingVsLines(rs.rows(Targets.PRICING), png), rows);
        chart(drawn, pageDirectory, charts, Targets.PRICING, "pricing-vs-promotions.png",
                "Pricing time against promotions, a line per cart size",
                (rs, png) -> Charts.pricingVsPromotions(rs.rows(Targets.PRICING), png), rows);
        chart(drawn, pageDirectory, charts, Targets.JDBI, "jdbi-throughput.png",
                "The engine on cart-jdbi and pgbench: operations per second against workers",
                (rs, png) -> Charts.throughput(rs.rows(Targets.JDBI), "The engine on cart-jdbi against pgbench",
                        "operations per second", png), rows);
        chart(drawn, pageDirectory, charts, Targets.REDIS, "redis-throughput.png",
                "The Redis cache hit and redis-benchmark GET: reads per second against clients",
                (rs, png) -> Charts.throughput(rs.rows(Targets.REDIS), "The Redis cache hit against redis-benchmark GET",
                        "reads per second", png), rows);
        chart(drawn, pageDirectory, charts, Targets.HTTP, "http-throughput.png",
                "HTTP throughput against clients, per variant, with the ceilings",
                (rs, png) -> Charts.httpThroughput(rs.rows(Targets.HTTP), rs.rows("http-stress"), png), rows);
        chart(drawn, pageDirectory, charts, Targets.HTTP, "http-latency.png",
                "HTTP latency p50 and p99 against clients, per variant",
                (rs, png) -> Charts.httpLatency(rs.rows(Targets.HTTP), png), rows);
        String source = relative(results);
        String markdown = ReportPage.render(new ReportPage.Inputs(source, machine, run, rows, drawn,
                now.truncatedTo(ChronoUnit.SECONDS).toString()));
        try {
            Files.createDirectories(pageDirectory);
            Files.writeString(page, markdown, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + page, e);
        }
        return drawn;
    }

    /** Draws one chart; a chart without figures is not drawn, and an older file of that name is removed. */
    private static void chart(List<ReportPage.Chart> drawn, Path pageDirectory, Path charts, String suite,
                              String name, String title, BiPredicate<ResultsDirectory, Path> draw,
                              ResultsDirectory rows) {
        Path png = charts.resolve(name);
        if (draw.test(rows, png)) {
            String file = pageDirectory.relativize(png.toAbsolutePath()).toString().replace('\\', '/');
            drawn.add(new ReportPage.Chart(suite, file, title));
        } else {
            try {
                Files.deleteIfExists(png); // a chart of an earlier run must not pass for this one's
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove the stale chart " + png, e);
            }
        }
    }

    private static String relative(Path results) {
        Path absolute = results.toAbsolutePath().normalize();
        Path here = Path.of("").toAbsolutePath();
        return absolute.startsWith(here) ? here.relativize(absolute).toString() : absolute.toString();
    }
}
