package dev.cartflow.jdbi;

import dev.cartflow.core.health.ComponentHealth;
import dev.cartflow.core.health.HealthContributor;
import dev.cartflow.core.observe.CartObserver;
import dev.cartflow.model.CartEvent;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.spi.CartEventPublisher;
import dev.cartflow.error.CartException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Delivers the events of the {@code outbox} table to a {@link CartEventPublisher}: at least once,
 * in per-cart order.
 *
 * <p>Each round is one transaction. It locks the oldest undelivered event of up to
 * {@link Builder#batchCarts(int) batchCarts} carts ({@code FOR UPDATE SKIP LOCKED}, so that several
 * dispatchers, in one process or many, share the work without waiting on each other), reads the
 * undelivered events of those carts in order, publishes them, and marks them dispatched. Only the
 * holder of a cart's oldest undelivered event delivers that cart, so a cart's events never overtake
 * each other, whatever the number of dispatchers. A crash between publishing and the commit
 * delivers the events again: consumers de-duplicate by cart id, sequence and index.
 *
 * <p>When the publisher fails, the carts of the round are retried after an exponential back-off
 * (per cart, recorded in the table with the attempt count) and the dispatcher's loop also backs off.
 *
 * <pre>{@code
 * OutboxDispatcher dispatcher = OutboxDispatcher.builder(jdbi, publisher).build();
 * dispatcher.start();                 // a daemon thread polling the outbox
 * ...
 * dispatcher.lag();                   // for a health check
 * dispatcher.stop();
 * }</pre>
 */
public final class OutboxDispatcher implements HealthContributor, AutoCloseable {
    private final Jdbi jdbi;
    private final CartEventPublisher publisher;
    private final int batchCarts;
    private final int batchEvents;
    private final Duration minBackoff;
    private final Duration maxBackoff;
    private final Clock clock;
    private final AtomicLong delivered = new AtomicLong();
    private final DispatchLoop loop;
    private final OutboxSignals signals;

    private OutboxDispatcher(Builder b) {
        this.jdbi = b.jdbi;
        this.publisher = b.publisher;
        this.batchCarts = b.batchCarts;
        this.batchEvents = b.batchEvents;
        this.minBackoff = b.minBackoff;
        this.maxBackoff = b.maxBackoff;
        this.clock = b.clock;
        this.signals = new OutboxSignals(b.observer, b.degradedAfter);
        this.loop = new DispatchLoop(this::dispatchOnce, b.pollInterval, b.minBackoff, b.maxBackoff, b.name,
                e -> signals.swallowed("outbox.dispatch", e));
    }

    /**
     * Starts a builder.
     *
     * @param jdbi      the primary database (never a replica: rows are locked and updated)
     * @param publisher where events go
     * @return a builder
     */
    public static Builder builder(Jdbi jdbi, CartEventPublisher publisher) {
        return new Builder(jdbi, publisher);
    }

    /**
     * Runs one round in the caller's thread: delivers the undelivered events of up to
     * {@code batchCarts} carts not held by another dispatcher.
     *
     * With an observer, the lag is measured after the round and told to it.
     *
     * @return the number of events published, 0 when there was nothing to do
     * @throws CartException {@code PROVIDER_UNAVAILABLE} when the database or the publisher failed;
     *                       the events stay undelivered
     */
    public int dispatchOnce() {
        try {
            return deliver();
        } finally {
            if (signals.listening()) {
                measure();
            }
        }
    }

    private void measure() {
        try {
            signals.measured(lag());
        } catch (CartException e) {
            signals.swallowed("outbox.measure", e);
        }
    }

    private int deliver() {
        List<String> failedCarts = new ArrayList<>();
        try {
            return jdbi.inTransaction(h -> round(h, failedCarts));
        } catch (PublishFailure e) {
            recordFailure(failedCarts);
            throw new CartException(CartErrorCode.PROVIDER_UNAVAILABLE, "event publisher failed", e.getCause());
        } catch (CartException e) {
            throw e;
        } catch (RuntimeException e) {
            throw Failures.translate("dispatch outbox", e);
        }
    }

    private int round(Handle h, List<String> lockedCarts) {
        List<String> carts = OutboxTable.lockHeads(h, batchCarts);
        if (carts.isEmpty()) {
            return 0;
        }
        lockedCarts.addAll(carts);
        List<Long> ids = new ArrayList<>();
        List<CartEvent> events = OutboxTable.pending(h, carts, batchEvents, ids);
        if (events.isEmpty()) {
            return 0;
        }
        try {
            publisher.publish(events);
        } catch (RuntimeException e) {
            throw new PublishFailure(e);
        }
        OutboxTable.markDispatched(h, ids);
        delivered.addAndGet(events.size());
        return events.size();
    }

    private void recordFailure(List<String> carts) {
        if (carts.isEmpty()) {
            return;
        }
        try {
            jdbi.useHandle(h -> OutboxTable.postpone(h, carts, minBackoff, maxBackoff));
        } catch (RuntimeException e) {
            // the events stay undelivered and are retried without back-off; the loop backs off
            signals.swallowed("outbox.postpone", e);
        }
    }

    /**
     * Starts delivering on a daemon thread; does nothing when already started.
     */
    public void start() {
        loop.start();
    }

    /**
     * Stops the thread after its current round and waits for it (at most 30 seconds). Undelivered
     * events stay in the outbox for the next dispatcher.
     */
    public void stop() {
        loop.stop();
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    /**
     * Whether the delivery thread runs.
     *
     * @return true between {@link #start()} and {@link #stop()}
     */
    public boolean isRunning() {
        return loop.isRunning();
    }

    /**
     * Events published by this dispatcher since it was built (counted after their commit).
     *
     * @return the count
     */
    public long delivered() {
        return delivered.get();
    }

    /**
     * How far delivery is behind, for health checks: the number of undelivered events and the age of
     * the oldest one (by its event time, against this dispatcher's clock).
     *
     * @return the lag
     * @throws CartException {@code PROVIDER_UNAVAILABLE} when the database fails
     */
    public Lag lag() {
        return Failures.translate("read outbox lag", () -> jdbi.withHandle(h -> OutboxTable.lag(h, clock)));
    }

    /** The dispatcher's name in the engine's health report. */
    @Override
    public String healthName() {
        return "outbox";
    }

    /**
     * The outbox as a part of the engine's health report: {@code DEGRADED} when the oldest
     * undelivered event is older than {@link Builder#degradedAfter} (default 1 minute), {@code DOWN}
     * when the lag cannot be read; the details are the pending count, the oldest age in seconds and
     * whether the delivery thread runs.
     *
     * @return the health now; never throws
     */
    @Override
    public ComponentHealth health() {
        try {
            return signals.health(lag(), isRunning());
        } catch (RuntimeException e) {
            return OutboxSignals.down(e);
        }
    }

    /**
     * Deletes events delivered before {@code cutoff}. They are no longer available to
     * {@code eventsSince}; run it with a retention longer than clients stay offline.
     *
     * @param cutoff exclusive bound of the dispatch time
     * @return the number of rows deleted
     */
    public int purgeDispatchedBefore(Instant cutoff) {
        CartException.requireNonNull(cutoff, "cutoff");
        return Failures.translate("purge outbox",
                () -> jdbi.withHandle(h -> OutboxTable.purgeDispatchedBefore(h, cutoff)));
    }

    /**
     * Outbox lag.
     *
     * @param pendingEvents events not yet delivered
     * @param oldestPending age of the oldest undelivered event, zero when none
     */
    public record Lag(long pendingEvents, Duration oldestPending) {
    }

    /** Carries a publisher failure out of the transaction so that it rolls back. */
    private static final class PublishFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PublishFailure(RuntimeException cause) {
            super(cause);
        }
    }

    /** Configures an {@link OutboxDispatcher}; every setter validates. */
    public static final class Builder {
        private final Jdbi jdbi;
        private final CartEventPublisher publisher;
        private int batchCarts = 100;
        private int batchEvents = 1000;
        private Duration pollInterval = Duration.ofMillis(200);
        private Duration minBackoff = Duration.ofMillis(100);
        private Duration maxBackoff = Duration.ofSeconds(30);
        private Clock clock = Clock.systemUTC();
        private String name = "cartflow-outbox";
        private CartObserver observer = CartObserver.NONE;
        private Duration degradedAfter = Duration.ofMinutes(1);

        private Builder(Jdbi jdbi, CartEventPublisher publisher) {
            this.jdbi = CartException.requireNonNull(jdbi, "jdbi");
            this.publisher = CartException.requireNonNull(publisher, "publisher");
        }

        /**
         * Carts per round (default 100).
         *
         * @param carts at least 1
         * @return this builder
         */
        public Builder batchCarts(int carts) {
            if (carts < 1) {
                throw CartException.invalidInput("batchCarts must be at least 1");
            }
            this.batchCarts = carts;
            return this;
        }

        /**
         * Events per round at most (default 1000).
         *
         * @param events at least 1
         * @return this builder
         */
        public Builder batchEvents(int events) {
            if (events < 1) {
                throw CartException.invalidInput("batchEvents must be at least 1");
            }
            this.batchEvents = events;
            return this;
        }

        /**
         * Pause after a round that found nothing (default 200 ms).
         *
         * @param interval positive
         * @return this builder
         */
        public Builder pollInterval(Duration interval) {
            this.pollInterval = positive(interval, "pollInterval");
            return this;
        }

        /**
         * Back-off after failures: doubles from {@code min} up to {@code max} (default 100 ms to 30 s).
         *
         * @param min first back-off
         * @param max largest back-off, at least {@code min}
         * @return this builder
         */
        public Builder backoff(Duration min, Duration max) {
            positive(min, "min backoff");
            positive(max, "max backoff");
            if (max.compareTo(min) < 0) {
                throw CartException.invalidInput("max backoff must be at least min backoff");
            }
            this.minBackoff = min;
            this.maxBackoff = max;
            return this;
        }

        /**
         * The clock of {@link #lag()} (default UTC system clock).
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = CartException.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The thread name (default {@code cartflow-outbox}).
         *
         * @param name non-blank
         * @return this builder
         */
        public Builder name(String name) {
            if (name == null || name.isBlank()) {
                throw CartException.invalidInput("name must not be blank");
            }
            this.name = name;
            return this;
        }

        /**
         * Told of the outbox lag after every round ({@link CartObserver#outboxMeasured}, one extra
         * count query per round) and of the failures the dispatcher survives; by default nobody.
         *
         * @param observer the observer, for example cart-micrometer's (what it throws is ignored)
         * @return this builder
         */
        public Builder observer(CartObserver observer) {
            this.observer = CartException.requireNonNull(observer, "observer");
            return this;
        }

        /**
         * The age of the oldest undelivered event beyond which {@link #health()} is {@code DEGRADED}
         * (default 1 minute).
         *
         * @param age positive
         * @return this builder
         */
        public Builder degradedAfter(Duration age) {
            this.degradedAfter = positive(age, "degradedAfter");
            return this;
        }

        /**
         * Builds the dispatcher (not started).
         *
         * @return the dispatcher
         */
        public OutboxDispatcher build() {
            return new OutboxDispatcher(this);
        }

        private static Duration positive(Duration d, String what) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw CartException.invalidInput(what + " must be positive");
            }
            return d;
        }
    }
}
