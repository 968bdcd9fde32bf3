package dev.cartflow.service.events;

import dev.cartflow.core.CartEngine;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Actor;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.CartId;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The feed by polling the store: each subscription asks the engine for the events after the last
 * one it delivered, every {@code interval}. Polling the stored events (rather than listening to
 * this instance's writes) is what lets a change on another instance reach the subscriber.
 */
final class PollingCartEventFeed implements CartEventFeed, AutoCloseable {
    private final CartEngine engine;
    private final Duration interval;
    private final ScheduledExecutorService poller;

    PollingCartEventFeed(CartEngine engine, Duration interval, int threads) {
        this.engine = engine;
        this.interval = interval;
        this.poller = Executors.newScheduledThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "cart-event-feed");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public Subscription subscribe(Actor actor, CartId cartId, long afterVersion, Listener listener) {
        if (afterVersion < 0) {
            throw CartException.invalidInput("the last event id must be at least 0");
        }
        List<CartEvent> backlog = engine.changesSince(actor, cartId, afterVersion); // access is checked here
        Poll poll = new Poll(actor, cartId, afterVersion, listener);
        poll.deliver(backlog);
        poll.future = poller.scheduleWithFixedDelay(poll::run, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
        return poll;
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }

    private final class Poll implements Subscription {
        private final Actor actor;
        private final CartId cartId;
        private final Listener listener;
        private final AtomicBoolean closed = new AtomicBoolean();
        private volatile long after;
        private volatile ScheduledFuture<?> future;

        Poll(Actor actor, CartId cartId, long after, Listener listener) {
            this.actor = actor;
            this.cartId = cartId;
            this.after = after;
            this.listener = listener;
        }

        void run() {
            if (closed.get()) {
                return;
            }
            try {
                deliver(engine.changesSince(actor, cartId, after));
            } catch (CartException e) {
                if (e.code() != CartErrorCode.PROVIDER_UNAVAILABLE && e.code() != CartErrorCode.RATE_LIMITED) {
                    close();
                    listener.onError(e);
                }
                // a store outage or a rate limit is passing: the next poll tries again
            } catch (RuntimeException e) {
                close();
                listener.onError(CartException.internal("the event feed failed", e));
            }
        }

        void deliver(List<CartEvent> events) {
            if (!events.isEmpty() && !closed.get()) {
                after = events.get(events.size() - 1).sequence();
                listener.onEvents(events);
            }
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true) && future != null) {
                future.cancel(false);
            }
        }
    }
}
