package dev.cartflow.jdbi;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * The daemon thread of an {@link OutboxDispatcher}: runs rounds back to back while they deliver,
 * pauses for the poll interval when one finds nothing, and backs off exponentially after failures.
 */
final class DispatchLoop {
    private final IntSupplier round;
    private final Duration pollInterval;
    private final Duration minBackoff;
    private final Duration maxBackoff;
    private final String name;
    private final Consumer<RuntimeException> onFailure;
    private final Object lifecycle = new Object();
    private volatile boolean running;
    private Thread thread;

    /**
     * @param round     one delivery round, returning the events delivered; it throws when it failed
     * @param onFailure told of each failed round, which the loop survives by backing off
     */
    DispatchLoop(IntSupplier round, Duration pollInterval, Duration minBackoff, Duration maxBackoff, String name,
                 Consumer<RuntimeException> onFailure) {
        this.onFailure = onFailure;
        this.round = round;
        this.pollInterval = pollInterval;
        this.minBackoff = minBackoff;
        this.maxBackoff = maxBackoff;
        this.name = name;
    }

    void start() {
        synchronized (lifecycle) {
            if (thread != null) {
                return;
            }
            running = true;
            thread = new Thread(this::loop, name);
            thread.setDaemon(true);
            thread.start();
        }
    }

    void stop() {
        Thread t;
        synchronized (lifecycle) {
            running = false;
            t = thread;
            thread = null;
        }
        if (t != null) {
            t.interrupt();
            try {
                t.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    boolean isRunning() {
        synchronized (lifecycle) {
            return thread != null && thread.isAlive();
        }
    }

    private void loop() {
        int failures = 0;
        while (running) {
            long sleep;
            try {
                int n = round.getAsInt();
                failures = 0;
                sleep = n == 0 ? pollInterval.toMillis() : 0;
            } catch (RuntimeException e) {
                onFailure.accept(e);
                failures++;
                sleep = backoff(failures);
            }
            if (sleep > 0) {
                try {
                    Thread.sleep(sleep);
                } catch (InterruptedException e) {
                    if (!running) {
                        return;
                    }
                }
            }
        }
    }

    private long backoff(int failures) {
        long ms = minBackoff.toMillis() << Math.min(failures - 1, 20);
        return Math.min(ms, maxBackoff.toMillis());
    }
}
