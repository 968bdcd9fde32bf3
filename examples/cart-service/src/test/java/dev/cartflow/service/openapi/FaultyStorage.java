package dev.cartflow.service.openapi;

import dev.cartflow.core.memory.InMemoryCartRepository;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CustomerId;
import dev.cartflow.spi.CartStorage;
import dev.cartflow.spi.CartWrite;
import dev.cartflow.spi.CustomerCarts;
import dev.cartflow.spi.IdempotencyRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A host's cart store that works (in memory) until told to fail: {@link Fault#DOWN} fails the way a
 * store that cannot be reached does, {@link Fault#BROKEN} the way a bug in the host's store does.
 * It lets every route answer 503 and 500 for real.
 */
final class FaultyStorage implements CartStorage, CustomerCarts {
    /** How the store fails. */
    enum Fault { NONE, DOWN, BROKEN }

    private final InMemoryCartRepository carts = new InMemoryCartRepository();
    private volatile Fault fault = Fault.NONE;

    /** Runs a call with the store failing, and mends it afterwards. */
    <T> T failing(Fault failure, Supplier<T> call) {
        fault = failure;
        try {
            return call.get();
        } finally {
            fault = Fault.NONE;
        }
    }

    private void check() {
        switch (fault) {
            case NONE -> { }
            case DOWN -> throw new IllegalStateException("test double: the cart store cannot be reached");
            case BROKEN -> throw CartException.internal("test double: the cart store has a bug", null);
        }
    }

    @Override
    public Optional<Cart> find(CartId id) {
        check();
        return carts.find(id);
    }

    @Override
    public Optional<Cart> findActiveByCustomer(CustomerId customerId) {
        check();
        return carts.findActiveByCustomer(customerId);
    }

    @Override
    public void save(CartWrite write) {
        check();
        carts.save(write);
    }

    @Override
    public void saveAll(List<CartWrite> writes) {
        check();
        carts.saveAll(writes);
    }

    @Override
    public Optional<IdempotencyRecord> findIdempotency(String key, Instant now) {
        check();
        return carts.findIdempotency(key, now);
    }

    @Override
    public List<CartEvent> eventsSince(CartId id, long afterSequence) {
        check();
        return carts.eventsSince(id, afterSequence);
    }

    @Override
    public List<Cart> findExpiringBefore(Instant cutoff, int limit) {
        check();
        return carts.findExpiringBefore(cutoff, limit);
    }

    @Override
    public List<Cart> findInactiveSince(Instant cutoff, int limit) {
        check();
        return carts.findInactiveSince(cutoff, limit);
    }

    @Override
    public boolean delete(CartId id) {
        check();
        return carts.delete(id);
    }

    @Override
    public List<Cart> cartsOf(CustomerId customerId) {
        check();
        return carts.cartsOf(customerId);
    }
}
