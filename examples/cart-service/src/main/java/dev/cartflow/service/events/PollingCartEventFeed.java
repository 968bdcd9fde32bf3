package dev.cartflow.service.events;

import dev.cartflow.core.CartEngine;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Actor;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.CartId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The feed by polling the store. Polling the stored events (rather than listening to this
 * instance's writes) is what lets a change on another instance reach the subscriber.
 *
 * <p>All subscribers of one cart share one poll (a {@link CartWatch}): every {@code interval} it asks
 * the engine for the events after the oldest position any of them holds, with one subscriber's
 * actor, and hands each subscriber the events it has not had. Because the read is shared, every
 * other subscriber's own access is checked again before new events reach it, and every
 * {@code accessCheck} while the cart is quiet, so a revoked or expired access ends its stream.
 */
final class PollingCartEventFeed implements CartEventFeed, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PollingCartEventFeed.class);

    private final CartEngine engine;
    private final long intervalMillis;
    private final long accessCheckMillis;
    private final int maxSubscribers;
    private final ScheduledExecutorService poller;
    private final Map<CartId, CartWatch> watches = new ConcurrentHashMap<>();
    private final AtomicInteger subscribers = new AtomicInteger();
    private volatile boolean closed;

    /**
     * A feed.
     *
     * @param engine         reads the events, with each subscriber's access rules
     * @param interval       how often a followed cart is polled
     * @param accessCheck    how often a quiet cart's subscribers have their access checked again
     * @param threads        the polling threads shared by every followed cart
     * @param maxSubscribers the subscriptions this instance accepts at once
     */
    PollingCartEventFeed(CartEngine engine, Duration interval, Duration accessCheck, int threads,
                         int maxSubscribers) {
        if (interval.toMillis() < 1 || accessCheck.toMillis() < 1 || threads < 1 || maxSubscribers < 1) {
            throw new IllegalArgumentException("the event feed needs a positive interval, access check, "
                    + "thread count and subscriber cap");
        }
        this.engine = engine;
        this.intervalMillis = interval.toMillis();
        this.accessCheckMillis = accessCheck.toMillis();
        this.maxSubscribers = maxSubscribers;
        AtomicInteger threadNumber = new AtomicInteger();
        this.poller = Executors.newScheduledThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "cart-event-feed-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public Subscription subscribe(Actor actor, CartId cartId, long afterVersion, Listener listener) {
        if (afterVersion < 0) {
            throw CartException.invalidInput("the last event id must be at least 0");
        }
        if (closed) {
            throw shuttingDown();
        }
        if (subscribers.incrementAndGet() > maxSubscribers) {
            subscribers.decrementAndGet();
            throw new CartException(CartErrorCode.PROVIDER_UNAVAILABLE,
                    "this instance follows its maximum of " + maxSubscribers + " event streams; retry later");
        }
        Subscriber subscriber = new Subscriber(actor, cartId, afterVersion, listener);
        List<CartEvent> backlog;
        try {
            // the backlog read is the access check: a refused actor is never subscribed
            backlog = engine.changesSince(actor, cartId, afterVersion);
        } catch (RuntimeException e) {
            subscribers.decrementAndGet();
            throw e;
        }
        watches.compute(cartId, (id, watch) -> {
            CartWatch joined = watch == null ? new CartWatch(id) : watch;
            joined.subscribers.add(subscriber);
            return joined;
        });
        // a poll may have run meanwhile: delivery skips what it already handed over
        subscriber.deliver(backlog);
        return subscriber;
    }

    /** How many subscriptions are open on this instance. */
    int subscriberCount() {
        return subscribers.get();
    }

    /** How many carts are polled, one poll per cart however many follow it. */
    int watchedCarts() {
        return watches.size();
    }

    /**
     * Stops polling and ends every subscription with {@code PROVIDER_UNAVAILABLE}, the signal a
     * client takes to reconnect (to another instance) from its last event.
     */
    @Override
    public void close() {
        closed = true;
        poller.shutdownNow();
        CartException stop = shuttingDown();
        for (CartWatch watch : watches.values()) {
            for (Subscriber subscriber : watch.subscribers) {
                subscriber.fail(stop);
            }
        }
        watches.clear();
    }

    private static CartException shuttingDown() {
        return new CartException(CartErrorCode.PROVIDER_UNAVAILABLE, "the instance is shutting down; reconnect");
    }

    private static boolean passing(CartException e) {
        return e.code() == CartErrorCode.PROVIDER_UNAVAILABLE || e.code() == CartErrorCode.RATE_LIMITED;
    }

    private void leave(Subscriber subscriber) {
        subscribers.decrementAndGet();
        watches.computeIfPresent(subscriber.cartId, (id, watch) -> {
            watch.subscribers.remove(subscriber);
            if (watch.subscribers.isEmpty()) {
                watch.stop();
                return null;
            }
            return watch;
        });
    }

    /** The one poll of a followed cart, shared by its subscribers. */
    private final class CartWatch {
        private final CartId cartId;
        private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
        private final ScheduledFuture<?> future;
        private long lastAccessCheck = System.nanoTime();
        /** The subscriber whose actor made the last read; only the poll (never run twice at once) uses it. */
        private Subscriber reader;

        CartWatch(CartId cartId) {
            this.cartId = cartId;
            this.future = poller.scheduleWithFixedDelay(this::poll, intervalMillis, intervalMillis,
                    TimeUnit.MILLISECONDS);
        }

        void stop() {
            future.cancel(false);
        }

        private void poll() {
            try {
                List<Subscriber> current = List.copyOf(subscribers);
                if (current.isEmpty()) {
                    return;
                }
                List<CartEvent> events = read(current);
                boolean checkDue = System.nanoTime() - lastAccessCheck >= TimeUnit.MILLISECONDS.toNanos(accessCheckMillis);
                if (events.isEmpty() && !checkDue) {
                    return;
                }
                if (checkDue) {
                    lastAccessCheck = System.nanoTime();
                }
                for (Subscriber subscriber : current) {
                    if (subscriber == reader) {
                        subscriber.deliver(events);
                    } else {
                        subscriber.readOwn(); // the shared read was not this subscriber's access check
                    }
                }
            } catch (RuntimeException e) {
                // never let a failure cancel the scheduled poll of the other subscribers
                LOG.error("the event feed's poll of a cart failed", e);
            }
        }

        /** The events after the oldest position, read with the first subscriber still allowed to. */
        private List<CartEvent> read(List<Subscriber> current) {
            long oldest = Long.MAX_VALUE;
            for (Subscriber subscriber : current) {
                oldest = Math.min(oldest, subscriber.after);
            }
            List<Subscriber> candidates = new ArrayList<>(current);
            while (!candidates.isEmpty()) {
                Subscriber candidate = candidates.remove(0);
                try {
                    List<CartEvent> events = engine.changesSince(candidate.actor, cartId, oldest);
                    reader = candidate;
                    return events;
                } catch (CartException e) {
                    if (passing(e)) {
                        reader = null;
                        return List.of(); // a store outage or a rate limit: the next poll tries again
                    }
                    candidate.fail(e); // this one lost its access; read with the next one
                }
            }
            reader = null;
            return List.of();
        }
    }

    /** One subscription: its own actor, position and listener. */
    private final class Subscriber implements Subscription {
        private final Actor actor;
        private final CartId cartId;
        private final Listener listener;
        private final AtomicBoolean closed = new AtomicBoolean();
        private volatile long after;

        Subscriber(Actor actor, CartId cartId, long after, Listener listener) {
            this.actor = actor;
            this.cartId = cartId;
            this.after = after;
            this.listener = listener;
        }

        /** Reads and delivers with this subscriber's own access; ends it when that is gone. */
        void readOwn() {
            try {
                deliver(engine.changesSince(actor, cartId, after));
            } catch (CartException e) {
                if (!passing(e)) {
                    fail(e);
                }
            }
        }

        /** Hands over the events after this subscriber's position; serialised so none repeats. */
        synchronized void deliver(List<CartEvent> events) {
            if (closed.get()) {
                return;
            }
            List<CartEvent> unseen = events.stream().filter(event -> event.sequence() > after).toList();
            if (unseen.isEmpty()) {
                return;
            }
            after = unseen.get(unseen.size() - 1).sequence();
            try {
                listener.onEvents(unseen);
            } catch (RuntimeException e) {
                LOG.warn("an event listener failed; its subscription ends", e);
                close();
            }
        }

        void fail(CartException failure) {
            if (closed.get()) {
                return;
            }
            close();
            try {
                listener.onError(failure);
            } catch (RuntimeException e) {
                LOG.warn("an event listener failed while its subscription ended", e);
            }
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                leave(this);
            }
        }
    }
}
