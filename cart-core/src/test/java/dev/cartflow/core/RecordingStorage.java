package dev.cartflow.core;

import dev.cartflow.core.memory.InMemoryCartRepository;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.CartId;
import dev.cartflow.spi.CartStorage;
import dev.cartflow.spi.CartWrite;
import java.time.Instant;
import java.util.List;

/** The in-memory storage, recording the order of its writes and scans (reads are not recorded). */
final class RecordingStorage extends DelegatingRepository implements CartStorage {
    private final InMemoryCartRepository delegate;
    private final List<String> calls;
    private final List<CartWrite> writes;

    RecordingStorage(InMemoryCartRepository delegate, List<String> calls, List<CartWrite> writes) {
        super(delegate);
        this.delegate = delegate;
        this.calls = calls;
        this.writes = writes;
    }

    @Override
    public void save(CartWrite write) {
        calls.add("save");
        writes.add(write);
        super.save(write);
    }

    @Override
    public void saveAll(List<CartWrite> all) {
        calls.add("saveAll");
        writes.addAll(all);
        super.saveAll(all);
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
