package dev.cartflow.core.metrics;

import dev.cartflow.model.CartEvent;
import dev.cartflow.spi.CartEventPublisher;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * Conversion figures counted from cart events: carts created, merged, checked out and abandoned.
 * Register it as (or beside) the engine's event publisher; wrap another publisher to forward the
 * events too. Counts follow delivery: with an at-least-once outbox, a redelivered event counts again.
 */
public final class ConversionFigures implements CartEventPublisher {
    private final CartEventPublisher next;
    private final LongAdder created = new LongAdder();
    private final LongAdder merged = new LongAdder();
    private final LongAdder checkedOut = new LongAdder();
    private final LongAdder abandoned = new LongAdder();

    /** Counts only. */
    public ConversionFigures() {
        this(CartEventPublisher.NONE);
    }

    /**
     * Counts, then forwards every event to {@code next}.
     *
     * @param next the publisher the events go to after counting; null for none
     */
    public ConversionFigures(CartEventPublisher next) {
        this.next = next == null ? CartEventPublisher.NONE : next;
    }

    @Override
    public void publish(List<CartEvent> events) {
        for (CartEvent event : events) {
            switch (event.type()) {
                case CREATED -> created.increment();
                // A merge emits one event on each cart; count the guest side once.
                case MERGED -> {
                    if (event.data().containsKey("into")) {
                        merged.increment();
                    }
                }
                case CHECKED_OUT -> checkedOut.increment();
                case ABANDONED -> abandoned.increment();
                default -> {
                }
            }
        }
        next.publish(events);
    }

    /**
     * The figures now.
     *
     * @return the four counts since this object was made; each is read on its own, so a snapshot
     *         taken during a publish may count an event in one figure and not yet in another
     */
    public Snapshot snapshot() {
        return new Snapshot(created.sum(), merged.sum(), checkedOut.sum(), abandoned.sum());
    }

    /**
     * Counts at one moment.
     *
     * @param created    carts created
     * @param merged     guest carts merged at sign-in
     * @param checkedOut carts checked out
     * @param abandoned  abandonment notices
     */
    public record Snapshot(long created, long merged, long checkedOut, long abandoned) {
        /**
         * Checked-out carts per created cart, in per mille (0 when none were created).
         *
         * @return {@code checkedOut * 1000 / created}, rounded down
         */
        public long checkoutRatePerMille() {
            return created == 0 ? 0 : checkedOut * 1000 / created;
        }
    }
}
