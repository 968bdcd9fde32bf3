package dev.cartflow.benchmarks.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/** The Markdown of docs/performance.md from one run's rows; a pure function of its inputs. */
final class ReportPage {
    /** The suites of run-all.sh, in run order, with the section title of each. */
    static final Map<String, String> SUITES = new LinkedHashMap<>();

    static {
        SUITES.put(Targets.PRICING, "Pricing time against cart size and promotions");
        SUITES.put(Targets.JDBI, "The engine on cart-jdbi against pgbench");
        SUITES.put(Targets.REDIS, "The Redis cache hit against redis-benchmark GET");
        SUITES.put(Targets.HTTP, "HTTP load on one service instance");
        SUITES.put("http-stress", "HTTP stress ramp");
        SUITES.put("http-soak", "HTTP soak");
        SUITES.put("scale-out", "Several service instances (scale-out)");
    }

    /**
     * What the page shows.
     *
     * @param source   the results directory, as the page names it
     * @param machine  the machine
     * @param run      what run-all.sh recorded
     * @param results  the rows
     * @param charts   the charts that were drawn, in page order
     * @param written  when the page was written (ISO-8601)
     */
    record Inputs(String source, Machine machine, RunInfo run, ResultsDirectory results, List<Chart> charts,
                  String written) {
    }

    /**
     * A chart drawn for a suite's section.
     *
     * @param suite the section it belongs to
     * @param file  its path relative to the page
     * @param title its alternative text
     */
    record Chart(String suite, String file, String title) {
    }

    private ReportPage() {
    }

    /** The whole page. */
    static String render(Inputs in) {
        StringBuilder page = new StringBuilder();
        page.append("# Performance\n\n");
        page.append("<!-- Written by benchmarks/run-all.sh (dev.cartflow.benchmarks.report.PerformanceReport) from ")
                .append(in.source()).append(": rerun the script rather than editing this page. -->\n\n");
        if (in.run().quick()) {
            page.append("> **Quick run** (`benchmarks/run-all.sh --quick`): short steps for trying the script. ")
                    .append("The figures are indicative only; the page of record comes from a full run.\n\n");
        }
        page.append("The figures of one run of `benchmarks/run-all.sh`, suite by suite, with the issue 14 targets ")
                .append("judged on ratios measured within that run. The history of the measurements and of the ")
                .append("changes they led to is in [performance-notes.md](performance-notes.md).\n\n");
        machine(page, in);
        targets(page, in);
        commands(page, in);
        notRun(page, in);
        for (String suite : suites(in.results())) {
            List<ResultRow> rows = in.results().rows(suite);
            page.append("## ").append(SUITES.getOrDefault(suite, "Suite " + suite)).append(" (`").append(suite)
                    .append("`)\n\n");
            if (suite.equals(Targets.PRICING)) {
                pricing(page, rows);
            } else {
                table(page, rows);
            }
            charts(page, in, suite);
        }
        if (!in.results().problems().isEmpty()) {
            page.append("## Lines skipped while reading the results\n\n");
            in.results().problems().forEach(p -> page.append("- ").append(p).append('\n'));
            page.append('\n');
        }
        return page.toString();
    }

    /** The suites with rows: run-all.sh's in run order, then any other by name. */
    private static Set<String> suites(ResultsDirectory results) {
        Set<String> order = new LinkedHashSet<>();
        SUITES.keySet().stream().filter(s -> !results.rows(s).isEmpty()).forEach(order::add);
        order.addAll(results.suites().keySet());
        return order;
    }

    private static void machine(StringBuilder page, Inputs in) {
        Machine m = in.machine();
        RunInfo run = in.run();
        page.append("## Machine\n\n| | |\n|---|---|\n");
        row(page, "run", run.started() + " to " + run.ended() + (run.quick() ? " (quick)" : " (full)"));
        row(page, "page written", in.written());
        row(page, "cores", Integer.toString(m.cores()));
        row(page, "CPU", m.cpuModel());
        row(page, "memory", m.memory());
        row(page, "OS", m.os());
        row(page, "JDK", m.jdk());
        row(page, "load average at start (1, 5, 15 min)", run.loadStart());
        row(page, "load average at end (1, 5, 15 min)", run.loadEnd());
        page.append("\nThe machine may be shared: a ratio compares two figures of one suite measured minutes ")
                .append("apart under the same conditions; absolute figures move with the load.\n\n");
    }

    private static void row(StringBuilder page, String name, String value) {
        page.append("| ").append(name).append(" | ").append(Format.cell(value)).append(" |\n");
    }

    private static void targets(StringBuilder page, Inputs in) {
        page.append("## Targets\n\n| target | goal | measured in this run | verdict |\n|---|---|---|---|\n");
        for (Verdict v : Targets.evaluate(in.results())) {
            page.append("| ").append(Format.cell(v.target())).append(" | ").append(Format.cell(v.goal()))
                    .append(" | ").append(Format.cell(v.measured())).append(" | ")
                    .append(v.status() == Verdict.Status.MET ? "**met**" : v.status().label).append(" |\n");
        }
        page.append('\n');
    }

    private static void commands(StringBuilder page, Inputs in) {
        page.append("## Commands\n\n");
        if (!in.run().build().isBlank()) {
            page.append("Built once with `").append(in.run().build()).append("`; then, from the repository root:\n\n");
        }
        if (in.run().commands().isEmpty()) {
            page.append("No command was recorded (the rows were not written by run-all.sh).\n\n");
            return;
        }
        page.append("| suite | command | outcome |\n|---|---|---|\n");
        for (RunInfo.Command c : in.run().commands()) {
            page.append("| `").append(c.suite()).append("` | ")
                    .append(c.command().isBlank() ? "" : "`" + c.command().replace("|", "\\|") + "`").append(" | ")
                    .append(Format.cell(c.status())).append(" |\n");
        }
        page.append('\n');
    }

    private static void notRun(StringBuilder page, Inputs in) {
        List<String> missing = new ArrayList<>();
        for (String suite : SUITES.keySet()) {
            if (in.results().rows(suite).isEmpty()) {
                String why = in.run().command(suite).map(c -> c.status().startsWith("ran") ? "ran but wrote no rows"
                        : c.status()).orElse("not run by this run");
                missing.add("- `" + suite + "`: " + why);
            }
        }
        if (!missing.isEmpty()) {
            page.append("## Suites not run\n\nThese suites have no rows in this run; nothing is shown for them.\n\n");
            missing.forEach(m -> page.append(m).append('\n'));
            page.append('\n');
        }
    }

    private static void pricing(StringBuilder page, List<ResultRow> rows) {
        List<String> modes = Rows.variants(rows);
        page.append("Fastest call of `PricingMinTime` per cart (lines x promotions), per tax mode, in µs; the floor is ")
                .append("a plain loop over the same lines (multiply and add), the least any pricing could take. ")
                .append("The 100 x 20 cell is the fastest call in three JVMs that price only that cart, as JMH forks ")
                .append("do; the marginal costs below use the sweep's own cells.\n\n");
        page.append("| lines | promotions |");
        modes.forEach(m -> page.append(' ').append(m).append(" µs |"));
        page.append(" floor µs |\n|---|---|").append("---|".repeat(modes.size())).append("---|\n");
        for (int lines : Rows.distinct(rows, "lines")) {
            for (int promotions : Rows.distinct(rows, "promotions")) {
                page.append("| ").append(lines).append(" | ").append(promotions).append(" |");
                for (String mode : modes) {
                    page.append(' ').append(Rows.pricingNs(rows, mode, lines, promotions).stream()
                            .mapToObj(Format::micros).findFirst().orElse("-")).append(" |");
                }
                String floor = rows.stream().filter(r -> r.number("lines").orElse(-1) == lines
                                && r.number("promotions").orElse(-1) == promotions)
                        .map(r -> r.number("floor_ns")).filter(OptionalDouble::isPresent)
                        .map(f -> Format.micros(f.getAsDouble())).reduce((first, last) -> last).orElse("");
                page.append(' ').append(floor.isEmpty() ? "-" : floor).append(" |\n");
            }
        }
        List<PricingCosts.Cost> costs = PricingCosts.of(rows);
        if (!costs.isEmpty()) {
            page.append("\nMarginal costs, as differences between cells (fixed costs cancel), in ns:\n\n| cost |");
            modes.forEach(m -> page.append(' ').append(m).append(" ns |"));
            page.append("\n|---|").append("---|".repeat(modes.size())).append('\n');
            for (String what : costs.stream().map(PricingCosts.Cost::what).distinct().toList()) {
                page.append("| ").append(what).append(" |");
                for (String mode : modes) {
                    page.append(' ').append(costs.stream().filter(c -> c.what().equals(what) && c.mode().equals(mode))
                            .map(c -> Format.number(c.ns())).findFirst().orElse("-")).append(" |");
                }
                page.append('\n');
            }
        }
        page.append('\n');
    }

    /** Every row, one column per key in the order keys first appear ({@code suite} and {@code started} aside). */
    private static void table(StringBuilder page, List<ResultRow> rows) {
        Set<String> columns = new LinkedHashSet<>();
        rows.forEach(r -> columns.addAll(r.fields().keySet()));
        columns.remove("suite");
        columns.remove("started");
        page.append('|');
        columns.forEach(c -> page.append(' ').append(c).append(" |"));
        page.append("\n|").append("---|".repeat(columns.size())).append('\n');
        for (ResultRow row : rows) {
            page.append('|');
            columns.forEach(c -> page.append(' ').append(Format.cell(row.fields().get(c))).append(" |"));
            page.append('\n');
        }
        rows.stream().map(r -> r.text("started")).flatMap(Optional::stream).findFirst()
                .ifPresent(s -> page.append("\nFirst row started ").append(s).append(".\n"));
        page.append('\n');
    }

    private static void charts(StringBuilder page, Inputs in, String suite) {
        for (Chart chart : in.charts()) {
            if (chart.suite().equals(suite)) {
                page.append("![").append(chart.title()).append("](").append(chart.file()).append(")\n\n");
            }
        }
    }
}
