package dev.cartflow.spring;

import dev.cartflow.core.CartEngine;
import dev.cartflow.core.CartMaintenance;
import dev.cartflow.core.privacy.RetentionPolicy;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.ToIntFunction;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The maintenance jobs as a lifecycle bean: started with the context, stopped with it, each enabled
 * job on its own fixed delay on one daemon thread, each run only while this instance leads. A
 * failing run is logged (its error type and code, never a cart's content) and the schedule goes on.
 */
public final class CartFlowJobs implements SmartLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(CartFlowJobs.class);

    private final CartMaintenance maintenance;
    private final CartFlowJobProperties properties;
    private final JobLeadership leadership;
    private final @Nullable ReservationSweep reservations;
    private @Nullable ScheduledExecutorService scheduler;

    CartFlowJobs(CartEngine engine, CartFlowJobProperties properties, JobLeadership leadership) {
        this(engine, properties, leadership, null);
    }

    CartFlowJobs(CartEngine engine, CartFlowJobProperties properties, JobLeadership leadership,
                 @Nullable ReservationSweep reservations) {
        this.maintenance = engine.maintenance();
        this.properties = properties;
        this.leadership = leadership;
        this.reservations = reservations;
    }

    @Override
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "cartflow-jobs");
            thread.setDaemon(true);
            return thread;
        });
        int batch = properties.getBatchSize();
        schedule("purge", properties.getPurge(), m -> m.purgeExpired(properties.getPurgeAfter(), batch));
        schedule("abandonment", properties.getAbandonment(),
                m -> m.markAbandoned(properties.getAbandonedAfter(), batch));
        schedule("retention", properties.getRetention(), m -> (int) m.applyRetention(retention(), batch).total());
        schedule("key-rotation", properties.getKeyRotation(), m -> m.rotateKeys(batch));
        if (reservations != null) {
            schedule("reservations", properties.getReservations(), m -> reservations.sweep(batch));
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            try {
                scheduler.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            scheduler = null;
            leadership.release();
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }

    /**
     * Runs one job now on the calling thread, if this instance leads; for tests and operators.
     *
     * @param job {@code purge}, {@code abandonment}, {@code retention}, {@code key-rotation} or
     *            {@code reservations} (when stock reservations are in PostgreSQL)
     * @return carts, rows or reservations handled, or -1 when another instance leads
     */
    public int runNow(String job) {
        int batch = properties.getBatchSize();
        ToIntFunction<CartMaintenance> run = switch (job) {
            case "purge" -> m -> m.purgeExpired(properties.getPurgeAfter(), batch);
            case "abandonment" -> m -> m.markAbandoned(properties.getAbandonedAfter(), batch);
            case "retention" -> m -> (int) m.applyRetention(retention(), batch).total();
            case "key-rotation" -> m -> m.rotateKeys(batch);
            case "reservations" -> {
                ReservationSweep sweep = reservations;
                if (sweep == null) {
                    throw new IllegalArgumentException("no reservations job: stock reservations are not in PostgreSQL");
                }
                yield m -> sweep.sweep(batch);
            }
            default -> throw new IllegalArgumentException("no job named " + job);
        };
        return leadership.lead() ? run.applyAsInt(maintenance) : -1;
    }

    private void schedule(String name, CartFlowJobProperties.Job job, ToIntFunction<CartMaintenance> run) {
        if (!job.isEnabled()) {
            return;
        }
        long every = job.getInterval().toMillis();
        scheduler.scheduleWithFixedDelay(() -> runScheduled(name, run), every, every, TimeUnit.MILLISECONDS);
    }

    private void runScheduled(String name, ToIntFunction<CartMaintenance> run) {
        try {
            if (leadership.lead()) {
                int handled = run.applyAsInt(maintenance);
                LOG.debug("cartflow job {} handled {}", name, handled);
            }
        } catch (dev.cartflow.error.CartException e) {
            LOG.warn("cartflow job {} failed: {}", name, e.code());
        } catch (RuntimeException e) {
            LOG.error("cartflow job {} failed: {}", name, e.getClass().getName());
        }
    }

    private RetentionPolicy retention() {
        Duration age = properties.getRetainFor();
        return RetentionPolicy.builder().deliveredEvents(age).idempotencyRecords(age).auditEntries(age).build();
    }
}
