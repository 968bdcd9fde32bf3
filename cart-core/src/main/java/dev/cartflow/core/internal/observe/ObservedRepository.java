package dev.cartflow.core.internal.observe;

import dev.cartflow.core.observe.CartObserver;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CustomerId;
import dev.cartflow.spi.CartEventLog;
import dev.cartflow.spi.CartMaintenanceStore;
import dev.cartflow.spi.CartRepository;
import dev.cartflow.spi.CartWrite;
import dev.cartflow.spi.IdempotencyRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The cart store behind a timing decorator, reported as provider {@code repository}; the event
 * log and the maintenance scans are observed under the same name, each by its own decorator so
 * that the engine still sees exactly the capabilities the host gave it.
 */
public final class ObservedRepository implements CartRepository {
    /** The store's name, as reported to {@link CartObserver#providerCalled}. */
    public static final String NAME = "repository";

    private final CartRepository delegate;
    private final CallTimer timer;

    private ObservedRepository(CartRepository delegate, CartObserver observer) {
        this.delegate = delegate;
        this.timer = new CallTimer(NAME, observer);
    }

    /**
     * The repository behind a timing decorator.
     *
     * @param delegate the host's repository
     * @param observer the guarded observer
     * @return the observed repository
     */
    public static CartRepository of(CartRepository delegate, CartObserver observer) {
        return new ObservedRepository(delegate, observer);
    }

    /**
     * The event log behind a timing decorator.
     *
     * @param delegate the host's event log
     * @param observer the guarded observer
     * @return the observed event log
     */
    public static CartEventLog eventLog(CartEventLog delegate, CartObserver observer) {
        CallTimer timer = new CallTimer(NAME, observer);
        return (id, after) -> timer.call(() -> delegate.eventsSince(id, after));
    }

    /**
     * The maintenance scans behind a timing decorator.
     *
     * @param delegate the host's maintenance store
     * @param observer the guarded observer
     * @return the observed maintenance store
     */
    public static CartMaintenanceStore maintenance(CartMaintenanceStore delegate, CartObserver observer) {
        CallTimer timer = new CallTimer(NAME, observer);
        return new CartMaintenanceStore() {
            @Override
            public List<Cart> findExpiringBefore(Instant cutoff, int limit) {
                return timer.call(() -> delegate.findExpiringBefore(cutoff, limit));
            }

            @Override
            public List<Cart> findInactiveSince(Instant cutoff, int limit) {
                return timer.call(() -> delegate.findInactiveSince(cutoff, limit));
            }

            @Override
            public boolean delete(CartId id) {
                return timer.call(() -> delegate.delete(id));
            }
        };
    }

    @Override
    public Optional<Cart> find(CartId id) {
        return timer.call(() -> delegate.find(id));
    }

    @Override
    public Optional<Cart> findActiveByCustomer(CustomerId customerId) {
        return timer.call(() -> delegate.findActiveByCustomer(customerId));
    }

    @Override
    public void save(CartWrite write) {
        timer.run(() -> delegate.save(write));
    }

    @Override
    public void saveAll(List<CartWrite> writes) {
        timer.run(() -> delegate.saveAll(writes));
    }

    @Override
    public Optional<IdempotencyRecord> findIdempotency(String key, Instant now) {
        return timer.call(() -> delegate.findIdempotency(key, now));
    }
}
