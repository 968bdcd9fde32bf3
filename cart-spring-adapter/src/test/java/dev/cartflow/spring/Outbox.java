package dev.cartflow.spring;

import dev.cartflow.jdbi.OutboxDispatcher;
import java.time.Duration;

/** Waiting for the outbox to drain, in tests. */
final class Outbox {
    private Outbox() {
    }

    /** Returns once no event is pending; fails after {@code within}. */
    static void awaitDelivered(OutboxDispatcher dispatcher, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (dispatcher.lag().pendingEvents() > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the outbox still holds " + dispatcher.lag().pendingEvents()
                        + " events after " + within);
            }
            Thread.sleep(20);
        }
    }
}
