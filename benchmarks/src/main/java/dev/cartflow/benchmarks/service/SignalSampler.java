package dev.cartflow.benchmarks.service;

import java.net.URI;
import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What the service and the machine show while a step runs, sampled on a thread of its own every
 * {@code period}: the connection pool's pending and active connections, Tomcat's busy threads and the
 * requests holding a load-shedding permit (maxima, from {@code /actuator/prometheus}), the sessions
 * waiting for a lock and the client connections in {@code pg_stat_activity} (maxima, postgres only),
 * the requests shed during the step, and the machine's and the service's CPU over the step.
 */
final class SignalSampler implements AutoCloseable {
    /**
     * A step's signals; NaN where a figure was not available.
     *
     * @param poolPendingMax  most threads waiting for a pool connection at once
     * @param poolActiveMax   most pool connections in use at once
     * @param poolMax         the pool's size
     * @param tomcatBusyMax   most busy Tomcat threads at once
     * @param inFlightMax     most requests holding a load-shedding permit at once
     * @param limit           the load-shedding limit
     * @param shed            requests answered 503 (load shedding) during the step
     * @param lockWaitsMax    most sessions waiting for a lock at once
     * @param dbConnectionsMax most client connections at once
     * @param machineBusy     the machine's busy share of all cores over the step (0 to 1)
     * @param serviceCores    the service process's CPU over the step, in cores
     */
    record Signals(double poolPendingMax, double poolActiveMax, double poolMax, double tomcatBusyMax,
                   double inFlightMax, double limit, double shed, double lockWaitsMax, double dbConnectionsMax,
                   double machineBusy, double serviceCores) {
    }

    private final URI base;
    private final long pid;
    private final Database database;
    private final Duration period;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    private final CpuTimes cpuAtStart;
    private final double shedAtStart;
    private volatile double poolPending = Double.NaN;
    private volatile double poolActive = Double.NaN;
    private volatile double poolMax = Double.NaN;
    private volatile double tomcatBusy = Double.NaN;
    private volatile double inFlight = Double.NaN;
    private volatile double limit = Double.NaN;
    private volatile double lockWaits = Double.NaN;
    private volatile double dbConnections = Double.NaN;

    private SignalSampler(URI base, long pid, Database database, Duration period) {
        this.base = base;
        this.pid = pid;
        this.database = database;
        this.period = period;
        this.shedAtStart = shed(scrapeQuietly());
        this.cpuAtStart = CpuTimes.read(pid);
        this.thread = new Thread(this::sample, "load-signals");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Starts sampling a service (its database null when it has none). */
    static SignalSampler start(URI base, long pid, Database database, Duration period) {
        return new SignalSampler(base, pid, database, period);
    }

    private void sample() {
        Connection connection = null;
        try {
            connection = database == null ? null : database.connect();
        } catch (Exception unavailable) {
            connection = null; // lock waits stay NaN: the table says "not measured"
        }
        try {
            while (running.get()) {
                PrometheusText metrics = scrapeQuietly();
                if (metrics != null) {
                    poolPending = max(poolPending, metrics.sum("hikaricp_connections_pending"));
                    poolActive = max(poolActive, metrics.sum("hikaricp_connections_active"));
                    poolMax = max(poolMax, metrics.sum("hikaricp_connections_max"));
                    tomcatBusy = max(tomcatBusy, metrics.sum("tomcat_threads_busy_threads"));
                    inFlight = max(inFlight, metrics.sum("cartservice_http_in_flight"));
                    limit = max(limit, metrics.sum("cartservice_http_concurrency_limit"));
                }
                if (connection != null) {
                    try {
                        Database.Activity activity = Database.activity(connection);
                        lockWaits = max(lockWaits, activity.lockWaits());
                        dbConnections = max(dbConnections, activity.connections());
                    } catch (Exception failed) {
                        // one missed look; the next sample tries again
                    }
                }
                try {
                    Thread.sleep(period.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        } finally {
            if (connection != null) {
                try {
                    connection.close();
                } catch (Exception ignored) {
                    // closing a monitoring connection: nothing to do about a failure
                }
            }
        }
    }

    private static double max(double current, double sample) {
        return Double.isNaN(sample) ? current : Double.isNaN(current) ? sample : Math.max(current, sample);
    }

    private PrometheusText scrapeQuietly() {
        try {
            return PrometheusText.scrape(base);
        } catch (Exception unavailable) {
            return null;
        }
    }

    private static double shed(PrometheusText metrics) {
        return metrics == null ? Double.NaN : metrics.sum("cartservice_http_shed_total");
    }

    /** Stops sampling and gives the step's signals. */
    Signals stop() throws InterruptedException {
        running.set(false);
        thread.interrupt();
        thread.join(10_000);
        CpuTimes cpuAtEnd = CpuTimes.read(pid);
        double shedAtEnd = shed(scrapeQuietly());
        return new Signals(poolPending, poolActive, poolMax, tomcatBusy, inFlight, limit, shedAtEnd - shedAtStart,
                lockWaits, dbConnections, cpuAtEnd.machineBusySince(cpuAtStart),
                cpuAtEnd.processCoresSince(cpuAtStart));
    }

    @Override
    public void close() throws InterruptedException {
        if (running.get()) {
            stop();
        }
    }
}
