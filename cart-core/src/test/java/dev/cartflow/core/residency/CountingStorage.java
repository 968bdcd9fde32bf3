package dev.cartflow.core.residency;

import dev.cartflow.core.memory.InMemoryCartRepository;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CustomerId;
import dev.cartflow.spi.CartScan;
import dev.cartflow.spi.CartStorage;
import dev.cartflow.spi.CartWrite;
import dev.cartflow.spi.IdempotencyRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** An in-memory region store that counts the reads by id it is asked, to show routing asks one region. */
final class CountingStorage implements CartStorage, CartScan {
    final InMemoryCartRepository store = new InMemoryCartRepository();
    final AtomicInteger reads = new AtomicInteger();

    @Override
    public Optional<Cart> find(CartId id) {
        reads.incrementAndGet();
        return store.find(id);
    }

    @Override
    public Optional<Cart> findActiveByCustomer(CustomerId customerId) {
        return store.findActiveByCustomer(customerId);
    }

    @Override
    public void save(CartWrite write) {
        store.save(write);
    }

    @Override
    public void saveAll(List<CartWrite> writes) {
        store.saveAll(writes);
    }

    @Override
    public Optional<IdempotencyRecord> findIdempotency(String key, Instant now) {
        reads.incrementAndGet();
        return store.findIdempotency(key, now);
    }

    @Override
    public List<CartEvent> eventsSince(CartId id, long afterSequence) {
        return store.eventsSince(id, afterSequence);
    }

    @Override
    public List<Cart> findExpiringBefore(Instant cutoff, int limit) {
        return store.findExpiringBefore(cutoff, limit);
    }

    @Override
    public List<Cart> findInactiveSince(Instant cutoff, int limit) {
        return store.findInactiveSince(cutoff, limit);
    }

    @Override
    public boolean delete(CartId id) {
        return store.delete(id);
    }

    @Override
    public List<Cart> findAfter(CartId after, int limit) {
        return store.findAfter(after, limit);
    }
}
