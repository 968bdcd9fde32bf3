package dev.cartflow.core;

import dev.cartflow.model.Cart;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CustomerId;
import dev.cartflow.spi.CartRepository;
import dev.cartflow.spi.CartWrite;
import dev.cartflow.spi.IdempotencyRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A plain repository (no event log, no maintenance) over another, to override single calls in tests. */
class DelegatingRepository implements CartRepository {
    private final CartRepository delegate;

    DelegatingRepository(CartRepository delegate) {
        this.delegate = delegate;
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
        delegate.save(write);
    }

    @Override
    public void saveAll(List<CartWrite> writes) {
        delegate.saveAll(writes);
    }

    @Override
    public Optional<IdempotencyRecord> findIdempotency(String key, Instant now) {
        return delegate.findIdempotency(key, now);
    }
}
