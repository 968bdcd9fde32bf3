package dev.cartflow.core.memory;

import dev.cartflow.model.Cart;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CartKind;
import dev.cartflow.model.CartState;
import dev.cartflow.model.CustomerId;
import dev.cartflow.spi.CartScan;
import dev.cartflow.spi.CartStorage;
import dev.cartflow.spi.CartWrite;
import dev.cartflow.spi.CustomerCarts;
import dev.cartflow.spi.IdempotencyRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A host's store with named carts, for the decorator tests: the in-memory repository with
 * {@link CustomerCarts} and the shopping-only {@code findActiveByCustomer}, computed from a scan of
 * every cart. The several-carts part gives {@link InMemoryCartRepository} these itself; this stands
 * in for a store that has them whatever that class does.
 */
public final class NamedCartsRepository implements CartStorage, CartScan, CustomerCarts {
    private final InMemoryCartRepository carts = new InMemoryCartRepository();

    @Override
    public List<Cart> cartsOf(CustomerId customerId) {
        List<Cart> all = new ArrayList<>();
        for (List<Cart> page = carts.findAfter(null, 100); !page.isEmpty();
                page = carts.findAfter(page.get(page.size() - 1).id(), 100)) {
            all.addAll(page);
        }
        return all.stream()
                .filter(c -> c.state() == CartState.ACTIVE && c.customerId().filter(customerId::equals).isPresent())
                .sorted(Comparator.comparing(Cart::updatedAt).reversed().thenComparing(c -> c.id().toString()))
                .toList();
    }

    @Override
    public Optional<Cart> findActiveByCustomer(CustomerId customerId) {
        return cartsOf(customerId).stream().filter(c -> c.kind() == CartKind.SHOPPING).findFirst();
    }

    @Override
    public Optional<Cart> find(CartId id) {
        return carts.find(id);
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
    public List<Cart> findExpiringBefore(Instant cutoff, int limit) {
        return carts.findExpiringBefore(cutoff, limit);
    }

    @Override
    public List<Cart> findInactiveSince(Instant cutoff, int limit) {
        return carts.findInactiveSince(cutoff, limit);
    }

    @Override
    public boolean delete(CartId id) {
        return carts.delete(id);
    }

    @Override
    public List<Cart> findAfter(CartId after, int limit) {
        return carts.findAfter(after, limit);
    }
}
