package dev.cartflow.benchmarks.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The stress ramp of the cart service (not a test): one service instance, the shopper mix at
 * rising client counts (1, 2, 4, ... 256 by default, each step bounded in time and actions) until
 * throughput has stopped growing for {@code patience} steps and the service has shed load (or the
 * ramp ends); then the knee ({@link Knee}) and what gave out first: the connection pool (threads
 * pending for a connection), locks (sessions waiting for one), the CPU (the machine 90 % busy or
 * more), Tomcat's threads, or the load-shedding limit (503 (load shedding) with Retry-After), and
 * whether any request went unanswered (a silent timeout). {@code benchmarks/http-stress.sh} builds
 * and runs it; options in its header and docs/performance-notes.md.
 */
public final class ServiceStress {
    /** The suite name of the rows ({@code http-stress.jsonl}). */
    static final String SUITE = "http-stress";
    private static final double CPU_SATURATED = 0.9;

    private ServiceStress() {
    }

    /**
     * Runs the ramp and prints the table and the verdict.
     *
     * @param args {@code --name=value} options (benchmarks/http-stress.sh)
     * @throws Exception when the service cannot be started or a client fails unexpectedly
     */
    public static void main(String[] args) throws Exception {
        Args given = Args.parse(ServiceOptions.with("ramp", "warmup", "measure", "max-requests", "service-warmup",
                "min-growth", "patience", "until-shed", "sample"), args);
        ServiceOptions options = ServiceOptions.from(given, SUITE, ServiceSetup.Variant.POSTGRES_REDIS);
        List<Integer> ramp = given.counts("ramp", "1,2,4,8,16,32,64,128,256");
        Duration warmup = given.duration("warmup", "3");
        Duration measure = given.duration("measure", "10");
        long maxRequests = given.number("max-requests", 200_000);
        double minGrowth = given.fraction("min-growth", 0.05);
        int patience = (int) given.number("patience", 2);
        boolean untilShed = Boolean.parseBoolean(given.text("until-shed", "true"));
        Duration sample = given.duration("sample", "500ms");
        JsonlResults results = JsonlResults.fromEnvironment();
        try (ServiceSetup service = options.open()) {
            List<String> skus = options.skus(service);
            ClosedLoop loop = ClosedLoop.mix(service.base(), skus, options.mix(), options.seed(), maxRequests);
            System.out.printf("stress ramp of %s at %s (pid %d): %s clients, %d s warm-up + at most %d s or %d actions "
                            + "each; stops %d steps after throughput grows less than %.0f %%%s; %d cores%n",
                    service.variant().label, service.base(), service.pid(), ramp, warmup.toSeconds(),
                    measure.toSeconds(), maxRequests, patience, minGrowth * 100,
                    untilShed ? " and the service has shed load" : "", Runtime.getRuntime().availableProcessors());
            Duration serviceWarmup = given.duration("service-warmup", "20");
            if (!serviceWarmup.isZero()) {
                loop.run(Math.min(16, ramp.get(ramp.size() - 1)), serviceWarmup, Duration.ZERO);
            }
            List<Knee.Point> points = new ArrayList<>();
            List<Row> rows = new ArrayList<>();
            boolean shedSeen = false;
            for (int clients : ramp) {
                Instant started = Instant.now();
                StepResult result;
                SignalSampler.Signals signals;
                try (SignalSampler sampler = SignalSampler.start(service.base(), service.pid(), service.database(),
                        sample)) {
                    result = loop.run(clients, warmup, measure);
                    signals = sampler.stop();
                }
                Row row = new Row(result, signals);
                rows.add(row);
                points.add(new Knee.Point(clients, result.throughput()));
                System.out.println(row.line());
                results.append(row.json(service.variant().label, started));
                shedSeen |= row.status(503) > 0;
                if (!Knee.keepRamping(points, minGrowth, patience) && (shedSeen || !untilShed)) {
                    break;
                }
            }
            System.out.println();
            System.out.println(Row.HEADER);
            rows.forEach(row -> System.out.println(row.line()));
            System.out.println();
            Knee knee = Knee.of(points, minGrowth);
            System.out.println(knee.found()
                    ? String.format(Locale.ROOT, "knee: %d clients at %.0f req/s (the next step, %d clients, grew less "
                            + "than %.0f %%)", knee.clients(), knee.throughput(), knee.stoppedAt(), minGrowth * 100)
                    : String.format(Locale.ROOT, "no knee within the ramp: throughput still grew at its last step "
                            + "(%d clients, %.0f req/s)", knee.clients(), knee.throughput()));
            firstFailures(rows).forEach(line -> System.out.println("first seen: " + line));
        }
    }

    /** Each signal's first step, in ramp order: what gave out first heads the list. */
    static List<String> firstFailures(List<Row> rows) {
        Map<String, String> first = new LinkedHashMap<>(); // by signal, the first step's line
        for (Row row : rows) {
            SignalSampler.Signals s = row.signals();
            String at = row.result().clients() + " clients: ";
            if (s.poolPendingMax() > 0) {
                first.putIfAbsent("pool", at + "pool: threads waiting for a connection (hikaricp_connections_pending "
                        + "max " + (long) s.poolPendingMax() + ")");
            }
            if (s.lockWaitsMax() > 0) {
                first.putIfAbsent("locks", at + "locks: sessions waiting for a lock in pg_stat_activity (max "
                        + (long) s.lockWaitsMax() + ")");
            }
            if (s.machineBusy() >= CPU_SATURATED) {
                first.putIfAbsent("cpu", at + String.format(Locale.ROOT, "CPU: the machine %.0f %% busy (service %.2f "
                        + "cores)", s.machineBusy() * 100, s.serviceCores()));
            }
            if (row.status(503) > 0) {
                first.putIfAbsent("shedding", at + "shedding: " + row.status(503)
                        + " answers 503 (load shedding) with Retry-After");
            }
            if (row.status(StepStats.IO_ERROR) > 0) {
                first.putIfAbsent("timeouts", at + "timeouts: " + row.status(StepStats.IO_ERROR)
                        + " requests without an answer");
            }
        }
        if (first.isEmpty()) {
            return List.of("nothing: no pool wait, lock wait, saturated CPU, shedding or timeout within the ramp");
        }
        return List.copyOf(first.values());
    }

    /** One step's figures and signals. */
    record Row(StepResult result, SignalSampler.Signals signals) {
        static final String HEADER = "| clients | req/s | p50 ms | p99 ms | p99.9 ms | 503 | other non-2xx | no answer "
                + "| pool pending max | pool active max / size | Tomcat busy max | in flight max / limit | lock waits max "
                + "| machine CPU % | service cores | load avg |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|";

        long status(int status) {
            return result.stats().statuses().getOrDefault(status, 0L);
        }

        String line() {
            StepStats stats = result.stats();
            long other = stats.errors() - status(503) - status(StepStats.IO_ERROR);
            return String.format(Locale.ROOT, "| %d | %.0f | %s | %s | %s | %d | %d | %d | %s | %s / %s | %s | %s / %s "
                            + "| %s | %s | %s | %s, %s |", result.clients(), result.throughput(),
                    LoadTable.millis(stats.percentileMicros(50)), LoadTable.millis(stats.percentileMicros(99)),
                    LoadTable.millis(stats.percentileMicros(99.9)), status(503), other, status(StepStats.IO_ERROR),
                    whole(signals.poolPendingMax()), whole(signals.poolActiveMax()), whole(signals.poolMax()),
                    whole(signals.tomcatBusyMax()), whole(signals.inFlightMax()), whole(signals.limit()),
                    whole(signals.lockWaitsMax()), percent(signals.machineBusy()), cores(signals.serviceCores()),
                    result.loadBefore(), result.loadAfter());
        }

        Map<String, Object> json(String variant, Instant started) {
            Map<String, Object> row = JsonlResults.stepRow(SUITE, variant, result, started);
            row.put("status_503", status(503));
            row.put("no_answer", status(StepStats.IO_ERROR));
            put(row, "pool_pending_max", signals.poolPendingMax());
            put(row, "pool_active_max", signals.poolActiveMax());
            put(row, "tomcat_busy_max", signals.tomcatBusyMax());
            put(row, "in_flight_max", signals.inFlightMax());
            put(row, "lock_waits_max", signals.lockWaitsMax());
            put(row, "connections", signals.dbConnectionsMax());
            put(row, "machine_cpu", signals.machineBusy());
            put(row, "service_cores", signals.serviceCores());
            return row;
        }

        private static void put(Map<String, Object> row, String key, double value) {
            if (!Double.isNaN(value)) {
                row.put(key, Math.round(value * 1000) / 1000.0);
            }
        }

        private static String whole(double value) {
            return Double.isNaN(value) ? "-" : Long.toString(Math.round(value));
        }

        private static String percent(double share) {
            return Double.isNaN(share) ? "-" : String.format(Locale.ROOT, "%.0f", share * 100);
        }

        private static String cores(double cores) {
            return Double.isNaN(cores) ? "-" : String.format(Locale.ROOT, "%.2f", cores);
        }
    }
}
