package dev.cartflow.benchmarks.cluster;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Checkouts beside a load, one after another, each to the next instance: carts holding a tracked
 * product, so that each checkout reserves stock, some of them while an instance dies. A checkout
 * whose outcome is unknown is sent again with the same {@code Idempotency-Key} to the next instance
 * until it answers definitely, so every cart ends either checked out or refused with a known answer.
 */
final class CheckoutRun implements Runnable {
    /** A tracked demo product with plenty of stock, so that a checkout reserves it. */
    static final String TRACKED_SKU = "HEADPHONES";

    private final CartApi api;
    private final List<URI> instances;
    private final List<CartApi.CartRef> carts;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();
    private final List<String> checkedOut = new ArrayList<>();
    private volatile Exception failure;

    CheckoutRun(CartApi api, List<URI> instances, List<CartApi.CartRef> carts) {
        this.api = api;
        this.instances = List.copyOf(instances);
        this.carts = List.copyOf(carts);
    }

    /** Guest carts holding one unit of {@value #TRACKED_SKU} each. */
    static List<CartApi.CartRef> prepare(CartApi api, List<URI> instances, int count) throws IOException, InterruptedException {
        List<CartApi.CartRef> carts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            CartApi.CartRef cart = api.createGuest(instances.get(i % instances.size()));
            CartApi.Answer added = api.add(instances.get((i + 1) % instances.size()), cart, TRACKED_SKU, 1,
                    UUID.randomUUID().toString());
            if (!added.ok()) {
                throw new IOException("adding " + TRACKED_SKU + " answered " + added.status() + " " + added.code());
            }
            carts.add(cart);
        }
        return carts;
    }

    @Override
    public void run() {
        int instance = 0;
        try {
            for (CartApi.CartRef cart : carts) {
                if (stopped.get()) {
                    return;
                }
                String key = UUID.randomUUID().toString();
                while (!stopped.get()) {
                    instance = (instance + 1) % instances.size();
                    try {
                        CartApi.Answer answer = api.checkout(instances.get(instance), cart, key);
                        if (answer.ok()) {
                            acknowledged.incrementAndGet();
                            synchronized (checkedOut) {
                                checkedOut.add(cart.id());
                            }
                            break;
                        }
                        if (answer.status() < 500 && answer.status() != 429 && answer.status() != 409) {
                            break;
                        }
                    } catch (IOException unreachable) {
                        // the instance is down or died mid-request: the same key on the next one
                    }
                    retried.incrementAndGet();
                    Thread.sleep(50);
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failure = e;
        }
    }

    void stop() {
        stopped.set(true);
    }

    long acknowledged() {
        return acknowledged.get();
    }

    long retried() {
        return retried.get();
    }

    List<String> cartIds() {
        return carts.stream().map(CartApi.CartRef::id).toList();
    }

    List<String> checkedOut() {
        synchronized (checkedOut) {
            return List.copyOf(checkedOut);
        }
    }

    Exception failure() {
        return failure;
    }
}
