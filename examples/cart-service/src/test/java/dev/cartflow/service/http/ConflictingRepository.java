package dev.cartflow.service.http;

import dev.cartflow.core.memory.InMemoryCartRepository;
import dev.cartflow.error.CartException;
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
import java.util.concurrent.atomic.AtomicBoolean;

/** A store that, while switched on, loses every write to a concurrent one: a version-conflict storm. */
final class ConflictingRepository implements CartRepository, CartEventLog, CustomerCarts {
    final AtomicBoolean conflicting = new AtomicBoolean();
    private final InMemoryCartRepository carts = new InMemoryCartRepository();

    @Override
    public Optional<Cart> find(CartId id) {
        return carts.find(id);
    }

    @Override
    public Optional<Cart> findActiveByCustomer(CustomerId customerId) {
        return carts.findActiveByCustomer(customerId);
    }

    @Override
    public void save(CartWrite write) {
        refuseWhileConflicting(write);
        carts.save(write);
    }

    @Override
    public void saveAll(List<CartWrite> writes) {
        writes.forEach(this::refuseWhileConflicting);
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

    private void refuseWhileConflicting(CartWrite write) {
        if (conflicting.get()) {
            throw CartException.versionConflict(write.expectedVersion() + 1, "another writer was first");
        }
    }
}
