package dev.cartflow.core.resilience;

import dev.cartflow.core.internal.snapshot.Fallbacks;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CustomerId;
import dev.cartflow.spi.CartEventLog;
import dev.cartflow.spi.CartMaintenanceStore;
import dev.cartflow.spi.CartRepository;
import dev.cartflow.spi.CartStorage;
import dev.cartflow.spi.CartWrite;
import dev.cartflow.spi.CustomerCarts;
import dev.cartflow.spi.IdempotencyRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Cart storage behind a guard: reads retried, writes ({@code save}, {@code saveAll}, {@code delete})
 * tried once, no fallback (a stale cart would only turn into a version conflict). A
 * {@code VERSION_CONFLICT} is an answer, not a failure: it passes through and the breaker counts a
 * success. The store's optional capabilities are kept: the decorator of a {@link CartStorage} is
 * one, and so on ({@link #of}).
 *
 * <p>The capability methods live here, and the subclasses only declare the interfaces the delegate
 * has, so that {@code instanceof} in the engine's builder sees exactly the delegate's capabilities.
 */
class ResilientRepository extends Decorated implements CartRepository {
    final CartRepository delegate;

    ResilientRepository(CartRepository delegate, ProviderPolicy policy) {
        super(new Guard(Fallbacks.REPOSITORY, policy, false));
        this.delegate = delegate;
    }

    /** The decorator with the delegate's capabilities. */
    static CartRepository of(CartRepository delegate, ProviderPolicy policy) {
        boolean log = delegate instanceof CartEventLog;
        boolean maintenance = delegate instanceof CartMaintenanceStore;
        boolean lists = delegate instanceof CustomerCarts;
        if (log && maintenance) {
            return lists ? new ListingStorage(delegate, policy) : new Storage(delegate, policy);
        }
        if (log) {
            return lists ? new ListingWithEventLog(delegate, policy) : new WithEventLog(delegate, policy);
        }
        if (maintenance) {
            return lists ? new ListingWithMaintenance(delegate, policy) : new WithMaintenance(delegate, policy);
        }
        return lists ? new Listing(delegate, policy) : new ResilientRepository(delegate, policy);
    }

    /** The decorator of a full store, a {@link CustomerCarts} too when the store is one. */
    static CartStorage storage(CartStorage delegate, ProviderPolicy policy) {
        return delegate instanceof CustomerCarts ? new ListingStorage(delegate, policy) : new Storage(delegate, policy);
    }

    @Override
    public Optional<Cart> find(CartId id) {
        CartException.requireNonNull(id, "cart id");
        return guard.read(() -> delegate.find(id));
    }

    @Override
    public Optional<Cart> findActiveByCustomer(CustomerId customerId) {
        CartException.requireNonNull(customerId, "customer id");
        return guard.read(() -> delegate.findActiveByCustomer(customerId));
    }

    @Override
    public void save(CartWrite write) {
        CartException.requireNonNull(write, "write");
        guard.write(() -> delegate.save(write));
    }

    @Override
    public void saveAll(List<CartWrite> writes) {
        CartException.requireNonNull(writes, "writes");
        writes.forEach(w -> CartException.requireNonNull(w, "write"));
        List<CartWrite> copy = List.copyOf(writes);
        guard.write(() -> delegate.saveAll(copy));
    }

    @Override
    public Optional<IdempotencyRecord> findIdempotency(String key, Instant now) {
        CartException.requireNonNull(key, "key");
        CartException.requireNonNull(now, "now");
        return guard.read(() -> delegate.findIdempotency(key, now));
    }

    /** {@link CartEventLog#eventsSince}, for the subclasses that declare it. */
    public List<CartEvent> eventsSince(CartId id, long afterSequence) {
        CartException.requireNonNull(id, "cart id");
        return guard.read(() -> ((CartEventLog) delegate).eventsSince(id, afterSequence));
    }

    /** {@link CartMaintenanceStore#findExpiringBefore}, for the subclasses that declare it. */
    public List<Cart> findExpiringBefore(Instant cutoff, int limit) {
        CartException.requireNonNull(cutoff, "cutoff");
        return guard.read(() -> ((CartMaintenanceStore) delegate).findExpiringBefore(cutoff, limit));
    }

    /** {@link CartMaintenanceStore#findInactiveSince}, for the subclasses that declare it. */
    public List<Cart> findInactiveSince(Instant cutoff, int limit) {
        CartException.requireNonNull(cutoff, "cutoff");
        return guard.read(() -> ((CartMaintenanceStore) delegate).findInactiveSince(cutoff, limit));
    }

    /** {@link CartMaintenanceStore#delete}, for the subclasses that declare it: a write. */
    public boolean delete(CartId id) {
        CartException.requireNonNull(id, "cart id");
        return guard.write(() -> ((CartMaintenanceStore) delegate).delete(id));
    }

    /** {@link CustomerCarts#cartsOf}, for the subclasses that declare it: a read. */
    public List<Cart> cartsOf(CustomerId customerId) {
        CartException.requireNonNull(customerId, "customer id");
        return guard.read(() -> ((CustomerCarts) delegate).cartsOf(customerId));
    }

    /** A store with an event log. */
    private static final class WithEventLog extends ResilientRepository implements CartEventLog {
        WithEventLog(CartRepository delegate, ProviderPolicy policy) {
            super(delegate, policy);
        }
    }

    /** A store with the maintenance scans. */
    private static final class WithMaintenance extends ResilientRepository implements CartMaintenanceStore {
        WithMaintenance(CartRepository delegate, ProviderPolicy policy) {
            super(delegate, policy);
        }
    }

    /** A store with every capability. */
    static final class Storage extends ResilientRepository implements CartStorage {
        Storage(CartRepository delegate, ProviderPolicy policy) {
            super(delegate, policy);
        }
    }

    /** A store that lists a customer's carts. */
    private static final class Listing extends ResilientRepository implements CustomerCarts {
        Listing(CartRepository delegate, ProviderPolicy policy) {
            super(delegate, policy);
        }
    }

    /** A store with an event log that lists a customer's carts. */
    private static final class ListingWithEventLog extends ResilientRepository implements CartEventLog, CustomerCarts {
        ListingWithEventLog(CartRepository delegate, ProviderPolicy policy) {
            super(delegate, policy);
        }
    }

    /** A store with the maintenance scans that lists a customer's carts. */
    private static final class ListingWithMaintenance extends ResilientRepository
            implements CartMaintenanceStore, CustomerCarts {
        ListingWithMaintenance(CartRepository delegate, ProviderPolicy policy) {
            super(delegate, policy);
        }
    }

    /** A store with every capability, listing a customer's carts too. */
    private static final class ListingStorage extends ResilientRepository implements CartStorage, CustomerCarts {
        ListingStorage(CartRepository delegate, ProviderPolicy policy) {
            super(delegate, policy);
        }
    }
}
