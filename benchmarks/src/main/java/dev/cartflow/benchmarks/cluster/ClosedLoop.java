package dev.cartflow.benchmarks.cluster;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * A bounded closed-loop load on a set of carts through every instance: N clients, each sending its
 * next request when the previous one is answered, at most {@code actionsPerClient} actions each and
 * never past the time limit or a {@link Running#stop()}. Each request for a cart goes to the instance
 * after the one its previous request went to, so consecutive requests for one cart, from whichever
 * client, always meet different instances.
 *
 * <p>An add carries an {@code Idempotency-Key}. When its outcome is unknown (the instance was
 * unreachable or died mid-request, a 5xx, a 429, or a 409 conflict storm) it is sent again with the
 * same key to the next instance, until it is acknowledged (2xx), refused with a definite 4xx, or the
 * retry deadline passes (counted as unresolved): so every add ends known, and the final cart can be
 * compared exactly with what was acknowledged. A read records its version against the highest
 * acknowledged version of its cart taken before it was sent.
 */
final class ClosedLoop {
    private static final Duration RETRY_DEADLINE = Duration.ofSeconds(120);

    private final CartApi api;
    private final List<URI> instances;
    private final List<CartApi.CartRef> carts;
    private final List<String> skus;
    private final AtomicIntegerArray lastInstance;

    ClosedLoop(CartApi api, List<URI> instances, List<CartApi.CartRef> carts, List<String> skus) {
        this.api = api;
        this.instances = List.copyOf(instances);
        this.carts = List.copyOf(carts);
        this.skus = List.copyOf(skus);
        this.lastInstance = new AtomicIntegerArray(carts.size());
    }

    /** The load's shape: clients, actions per client, the share of reads in percent, the time limit. */
    record Shape(int clients, int actionsPerClient, int readPercent, Duration limit) {
    }

    /** A load that runs in the background until its bounds or {@link #stop()}. */
    final class Running {
        private final ExecutorService pool;
        private final List<Future<?>> clients;
        private final AtomicBoolean stopped;
        private final Ledger ledger;

        private Running(ExecutorService pool, List<Future<?>> clients, AtomicBoolean stopped, Ledger ledger) {
            this.pool = pool;
            this.clients = clients;
            this.stopped = stopped;
            this.ledger = ledger;
        }

        /** Asks the clients to stop after their current action. */
        void stop() {
            stopped.set(true);
        }

        /** Waits until every client is done and returns what they were told. */
        Ledger await() throws InterruptedException, IOException {
            try {
                for (Future<?> client : clients) {
                    client.get();
                }
            } catch (ExecutionException e) {
                throw new IOException("a load client failed", e.getCause());
            } finally {
                pool.shutdownNow();
            }
            return ledger;
        }

        Ledger ledger() {
            return ledger;
        }
    }

    /** Starts the load. */
    Running start(Shape shape, long seed) {
        Ledger ledger = new Ledger();
        AtomicBoolean stopped = new AtomicBoolean();
        long end = System.nanoTime() + shape.limit().toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(shape.clients());
        List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < shape.clients(); c++) {
            SplittableRandom random = new SplittableRandom(seed + c);
            clients.add(pool.submit(() -> {
                for (int a = 0; a < shape.actionsPerClient() && !stopped.get() && System.nanoTime() < end; a++) {
                    int cart = random.nextInt(carts.size());
                    if (random.nextInt(100) < shape.readPercent()) {
                        read(cart, ledger);
                    } else {
                        add(cart, skus.get(random.nextInt(skus.size())), ledger);
                    }
                }
                return null;
            }));
        }
        return new Running(pool, clients, stopped, ledger);
    }

    /** Runs the load to its bounds. */
    Ledger run(Shape shape, long seed) throws InterruptedException, IOException {
        return start(shape, seed).await();
    }

    private URI next(int cart) {
        return instances.get(lastInstance.updateAndGet(cart, i -> (i + 1) % instances.size()));
    }

    private void read(int index, Ledger ledger) throws InterruptedException {
        CartApi.CartRef cart = carts.get(index);
        long floor = ledger.acknowledgedVersion(cart.id());
        ledger.request();
        try {
            CartApi.Answer answer = api.get(next(index), cart);
            if (answer.ok()) {
                ledger.read(floor, answer.version());
            } else {
                ledger.refused(answer.status(), answer.code());
            }
        } catch (IOException unreachable) {
            ledger.unreachable();
        }
    }

    private void add(int index, String sku, Ledger ledger) throws InterruptedException {
        CartApi.CartRef cart = carts.get(index);
        String key = UUID.randomUUID().toString();
        long deadline = System.nanoTime() + RETRY_DEADLINE.toNanos();
        while (System.nanoTime() < deadline) {
            ledger.request();
            try {
                CartApi.Answer answer = api.add(next(index), cart, sku, 1, key);
                if (answer.ok()) {
                    ledger.acknowledged(cart.id(), sku, 1, answer.version());
                    return;
                }
                if (!unknownOutcome(answer)) {
                    ledger.refused(answer.status(), answer.code());
                    return;
                }
                ledger.refused(answer.status(), answer.code() + " (retried)");
            } catch (IOException unreachable) {
                ledger.unreachable();
            }
            Thread.sleep(50);
        }
        ledger.unresolved();
    }

    /** Answers after which the change may or may not be applied, or may apply on a retry. */
    private static boolean unknownOutcome(CartApi.Answer answer) {
        return answer.status() >= 500 || answer.status() == 429 || answer.status() == 409;
    }
}
