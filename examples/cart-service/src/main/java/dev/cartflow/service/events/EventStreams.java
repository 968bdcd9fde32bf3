package dev.cartflow.service.events;

import dev.cartflow.error.CartErrorCode;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.context.SmartLifecycle;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open event streams of this instance: opens them, sends their heartbeats and ends them at
 * shutdown. It stops before the web server's graceful shutdown (a higher lifecycle phase), so
 * open streams, which would otherwise hold the shutdown for its whole grace period, end at once
 * and their clients reconnect elsewhere from their last event id.
 */
final class EventStreams implements SmartLifecycle {
    private final Duration heartbeat;
    private final Duration retry;
    private final Duration timeout;
    private final Set<CartEventStream> open = ConcurrentHashMap.newKeySet();
    private volatile ScheduledExecutorService heartbeats;

    /**
     * The registry.
     *
     * @param heartbeat how often an idle stream gets a comment line
     * @param retry     the reconnection delay suggested to clients
     * @param timeout   how long one stream may stay open before the client must reconnect
     */
    EventStreams(Duration heartbeat, Duration retry, Duration timeout) {
        if (heartbeat.toMillis() < 1 || retry.isNegative() || timeout.toMillis() < 1) {
            throw new IllegalArgumentException("event streams need a positive heartbeat and timeout");
        }
        this.heartbeat = heartbeat;
        this.retry = retry;
        this.timeout = timeout;
    }

    /** A new stream whose first event follows {@code startsAfter}; registered until it ends. */
    CartEventStream open(long startsAfter) {
        SseEmitter emitter = new SseEmitter(timeout.toMillis());
        CartEventStream stream = new CartEventStream(emitter, startsAfter, retry, open::remove);
        open.add(stream);
        return stream;
    }

    /** How many streams are open. */
    int openCount() {
        return open.size();
    }

    @Override
    public void start() {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "cart-event-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(() -> open.forEach(CartEventStream::heartbeat), heartbeat.toMillis(),
                heartbeat.toMillis(), TimeUnit.MILLISECONDS);
        heartbeats = timer;
    }

    @Override
    public void stop() {
        ScheduledExecutorService timer = heartbeats;
        heartbeats = null;
        if (timer != null) {
            timer.shutdownNow();
        }
        for (CartEventStream stream : open) {
            stream.stop(CartErrorCode.PROVIDER_UNAVAILABLE, "the instance is shutting down; reconnect with the last event id");
        }
    }

    @Override
    public boolean isRunning() {
        return heartbeats != null;
    }

    /** Stops before the web server's graceful shutdown, which stops at a lower phase. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }
}
