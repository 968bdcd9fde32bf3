package dev.cartflow.core;

import dev.cartflow.core.memory.InMemoryCartRepository;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CustomerId;
import dev.cartflow.spi.CartStorage;
import dev.cartflow.spi.CartWrite;
import dev.cartflow.spi.IdempotencyRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The in-memory storage, recording the order of its writes and scans (reads are not recorded). */
final class RecordingStorage implements CartStorage {
    private final InMemoryCartRepository delegate;
    private final List<String> calls;
    private final List<CartWrite> writes;

    RecordingStorage(InMemoryCartRepository delegate, List<String> calls, List<CartWrite> writes) {
        this.delegate = delegate;
        this.calls = calls;
        this.writes = writes;
    }

    @Override
    public Optional<Cart> find(CartId id) {
        return delegate.find(id);
    }

    @Override
    public Optional<Cart> findActiveByCustomer(CustomerId customerId) {
        return delegate.findActiveByCustomer(customerId);
    }

    @Override
    public void save(CartWrite write) {
        calls.add("save");
        writes.add(write);
        delegate.save(write);
    }

    @Override
    public void saveAll(List<CartWrite> all) {
        calls.add("saveAll");
        writes.addAll(all);
        delegate.saveAll(all);
    }

    @Override
    public Optional<IdempotencyRecord> findIdempotency(String key, Instant now) {
        return delegate.findIdempotency(key, now);
    }

    @Override
    public List<CartEvent> eventsSince(CartId id, long afterSequence) {
        return delegate.eventsSince(id, afterSequence);
    }

    @Override
    public List<Cart> findExpiringBefore(Instant cutoff, int limit) {
        calls.add("findExpiringBefore");
        return delegate.findExpiringBefore(cutoff, limit);
    }

    @Override
    public List<Cart> findInactiveSince(Instant cutoff, int limit) {
        calls.add("findInactiveSince");
        return delegate.findInactiveSince(cutoff, limit);
    }

    @Override
    public boolean delete(CartId id) {
        calls.add("delete");
        return delegate.delete(id);
    }
}
