package dev.cartflow.service.http;

import dev.cartflow.core.memory.InMemoryCartRepository;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CustomerId;
import dev.cartflow.spi.CartEventLog;
import dev.cartflow.spi.CartRepository;
import dev.cartflow.spi.CartWrite;
import dev.cartflow.spi.CustomerCarts;
import dev.cartflow.spi.IdempotencyRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * An in-memory store that, once {@link #hold(CartId) armed}, keeps the lookups of one cart waiting
 * until {@link #release()}: a request that is in the service for as long as the test wants. Other
 * carts (the health check's probe among them) are never held.
 */
final class HoldingRepository implements CartRepository, CartEventLog, CustomerCarts {
    private final InMemoryCartRepository carts = new InMemoryCartRepository();
    private volatile CountDownLatch entered;
    private volatile CountDownLatch released;
    private volatile CartId held;

    /** Lookups of this cart wait (at most 30 s each) for {@link #release()}. */
    void hold(CartId cart) {
        entered = new CountDownLatch(1);
        released = new CountDownLatch(1);
        held = cart;
    }

    /** Waits until a held lookup has started. */
    boolean awaitHeld() throws InterruptedException {
        return entered.await(30, TimeUnit.SECONDS);
    }

    void release() {
        CountDownLatch gate = released;
        held = null;
        released = null;
        if (gate != null) {
            gate.countDown();
        }
    }

    @Override
    public Optional<Cart> find(CartId id) {
        CountDownLatch gate = released;
        if (gate != null && id.equals(held)) {
            entered.countDown();
            try {
                gate.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return carts.find(id);
    }

    @Override
    public Optional<Cart> findActiveByCustomer(CustomerId customerId) {
        return carts.findActiveByCustomer(customerId);
    }

    @Override
    public void save(CartWrite write) {
        carts.save(write);
    }

    @Override
    public void saveAll(List<CartWrite> writes) {
        carts.saveAll(writes);
    }

    @Override
    public Optional<IdempotencyRecord> findIdempotency(String key, Instant now) {
        return carts.findIdempotency(key, now);
    }

    @Override
    public List<CartEvent> eventsSince(CartId id, long afterSequence) {
        return carts.eventsSince(id, afterSequence);
    }

    @Override
    public List<Cart> cartsOf(CustomerId customerId) {
        return carts.cartsOf(customerId);
    }
}
