package dev.cartflow.benchmarks.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.TreeSet;
import java.util.function.DoublePredicate;

/**
 * The targets of issue 14, each judged on the figures of one run: the ratios are taken between rows
 * of the same suite, so both sides were measured in the same session on the same machine.
 */
final class Targets {
    static final String PRICING = "pricing";
    static final String JDBI = "jdbi-load";
    static final String REDIS = "redis-load";
    static final String HTTP = "http-load";
    /** The pricing target's cart: lines, promotions and the limit in nanoseconds. */
    static final int TARGET_LINES = 100;
    static final int TARGET_PROMOTIONS = 20;
    static final double TARGET_NS = 20_000;

    private Targets() {
    }

    /** Every target, in the order; a target whose rows are missing is not measured. */
    static List<Verdict> evaluate(ResultsDirectory results) {
        List<Verdict> verdicts = new ArrayList<>();
        List<ResultRow> jdbi = results.rows(JDBI);
        for (int workers : new int[] {4, 16}) {
            verdicts.add(ratio(jdbi, JDBI, "engine", "pgbench", workers, ">= 0.80", r -> r >= 0.8,
                    "engine on cart-jdbi / pgbench at " + workers + " workers"));
        }
        List<ResultRow> http = results.rows(HTTP);
        TreeSet<Integer> httpClients = Rows.distinct(http.stream()
                .filter(r -> r.variant().equals("in-memory-reads") || r.variant().equals("trivial")).toList(), "clients");
        if (httpClients.isEmpty()) {
            httpClients.add(1);
        }
        for (int clients : httpClients) {
            verdicts.add(ratio(http, HTTP, "in-memory-reads", "trivial", clients, ">= 0.50", r -> r >= 0.5,
                    "HTTP in-memory priced reads / trivial endpoint at " + clients + (clients == 1 ? " client" : " clients")));
        }
        List<ResultRow> redis = results.rows(REDIS);
        verdicts.add(ratio(redis, REDIS, "cache-hit", "redis-benchmark", 1, ">= 0.80", r -> r >= 0.8,
                "Redis cache hit / redis-benchmark GET at 1 client"));
        verdicts.add(ratio(redis, REDIS, "cache-hit", "redis-benchmark", 16, "> 1.00", r -> r > 1,
                "Redis cache hit / redis-benchmark GET at 16 clients"));
        verdicts.add(pricing(results.rows(PRICING)));
        return verdicts;
    }

    private static Verdict ratio(List<ResultRow> rows, String suite, String ours, String theirs, int clients,
                                 String goal, DoublePredicate met, String target) {
        OptionalDouble a = Rows.atClients(rows, ours, clients, "throughput");
        OptionalDouble b = Rows.atClients(rows, theirs, clients, "throughput");
        if (rows.isEmpty()) {
            return new Verdict(target, goal, "suite " + suite + " not run", Verdict.Status.NOT_MEASURED);
        }
        if (a.isEmpty() || b.isEmpty() || b.getAsDouble() <= 0) {
            String missing = a.isEmpty() ? ours : theirs;
            return new Verdict(target, goal, "no " + missing + " throughput at " + clients + " in " + suite,
                    Verdict.Status.NOT_MEASURED);
        }
        double ratio = a.getAsDouble() / b.getAsDouble();
        String measured = String.format(Locale.ROOT, "%.3f (%s %s/s / %s %s/s)", ratio, ours,
                Format.number(a.getAsDouble()), theirs, Format.number(b.getAsDouble()));
        return new Verdict(target, goal, measured, met.test(ratio) ? Verdict.Status.MET : Verdict.Status.NOT_MET);
    }

    private static Verdict pricing(List<ResultRow> rows) {
        String target = "pricing a " + TARGET_LINES + "-line cart with " + TARGET_PROMOTIONS + " promotions";
        String goal = String.format(Locale.ROOT, "< %.0f µs", TARGET_NS / 1000);
        if (rows.isEmpty()) {
            return new Verdict(target, goal, "suite " + PRICING + " not run", Verdict.Status.NOT_MEASURED);
        }
        double slowest = -1;
        List<String> parts = new ArrayList<>();
        for (String mode : Rows.variants(rows)) {
            OptionalDouble ns = Rows.pricingNs(rows, mode, TARGET_LINES, TARGET_PROMOTIONS);
            if (ns.isPresent()) {
                slowest = Math.max(slowest, ns.getAsDouble());
                parts.add(mode + " " + Format.micros(ns.getAsDouble()) + " µs");
            }
        }
        if (slowest < 0) {
            return new Verdict(target, goal, "no row for " + TARGET_LINES + " lines x " + TARGET_PROMOTIONS
                    + " promotions", Verdict.Status.NOT_MEASURED);
        }
        String measured = Format.micros(slowest) + " µs, the slower tax mode (" + String.join(", ", parts) + ")";
        return new Verdict(target, goal, measured, slowest < TARGET_NS ? Verdict.Status.MET : Verdict.Status.NOT_MET);
    }
}
