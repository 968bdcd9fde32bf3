package dev.cartflow.core.internal.residency;

import dev.cartflow.core.internal.crypto.KeyRotationScan;
import dev.cartflow.core.residency.Region;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CustomerId;
import dev.cartflow.spi.CartMaintenanceStore;
import dev.cartflow.spi.CartRepository;
import dev.cartflow.spi.CartWrite;
import dev.cartflow.spi.CustomerCarts;
import dev.cartflow.spi.IdempotencyRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The residency rule of an engine configured for a region, as a decorator around its repository:
 * a cart of another region read from the store is refused with {@code ACCESS_DENIED} instead of
 * being acted on, and a cart of another region is never written. Carts without a region (stored
 * before regions) stay usable where they are. The refusal names this engine's region and the
 * cart's, so an operator sees at once that a request reached the wrong region; the cart id is
 * unguessable, so saying that a cart exists elsewhere tells a stranger nothing a valid id did not.
 */
public class RegionGuard implements CartRepository, KeyRotationScan {
    private final CartRepository delegate;
    private final Region home;

    /** The repository as seen by an engine of region {@code home}. */
    public RegionGuard(CartRepository delegate, Region home) {
        this.delegate = delegate;
        this.home = home;
    }

    /**
     * The repository as seen by an engine of region {@code home}, a {@link CustomerCarts} when the
     * repository is one (listing only this region's carts).
     */
    public static RegionGuard of(CartRepository delegate, Region home) {
        return delegate instanceof CustomerCarts ? new Listing(delegate, home) : new RegionGuard(delegate, home);
    }

    /** Fails with {@code ACCESS_DENIED} unless a cart of {@code region} may be handled by this engine. */
    public static void requireHome(Region home, String region) {
        if (region != null && !region.equals(home.name())) {
            throw new CartException(CartErrorCode.ACCESS_DENIED,
                    "cart belongs to region " + region + "; this engine serves region " + home.name());
        }
    }

    /** The maintenance scans of this engine: carts of other regions are not its to expire or mark. */
    public CartMaintenanceStore maintenance(CartMaintenanceStore store) {
        return new CartMaintenanceStore() {
            @Override
            public List<Cart> findExpiringBefore(Instant cutoff, int limit) {
                return mine(store.findExpiringBefore(cutoff, limit));
            }

            @Override
            public List<Cart> findInactiveSince(Instant cutoff, int limit) {
                return mine(store.findInactiveSince(cutoff, limit));
            }

            @Override
            public boolean delete(CartId id) {
                Optional<Cart> cart = delegate.find(id);
                cart.ifPresent(c -> requireHome(home, c.region()));
                return store.delete(id);
            }
        };
    }

    @Override
    public Optional<Cart> find(CartId id) {
        return delegate.find(id).map(this::checked);
    }

    @Override
    public Optional<Cart> findActiveByCustomer(CustomerId customerId) {
        return delegate.findActiveByCustomer(customerId).map(this::checked);
    }

    @Override
    public void save(CartWrite write) {
        checked(write.cart());
        delegate.save(write);
    }

    @Override
    public void saveAll(List<CartWrite> writes) {
        for (CartWrite write : writes) {
            checked(write.cart());
        }
        delegate.saveAll(writes);
    }

    @Override
    public Optional<IdempotencyRecord> findIdempotency(String key, Instant now) {
        return delegate.findIdempotency(key, now);
    }

    /** Key rotation visits only this engine's carts; needs an encrypting repository inside. */
    @Override
    public RotationPage staleAfter(CartId after, int limit) {
        if (!(delegate instanceof KeyRotationScan scan)) {
            throw CartException.internal("key rotation needs an EncryptingCartRepository as the engine's repository", null);
        }
        RotationPage page = scan.staleAfter(after, limit);
        return new RotationPage(mine(page.stale()), page.next());
    }

    final List<Cart> mine(List<Cart> carts) {
        return carts.stream().filter(c -> c.region() == null || c.region().equals(home.name())).toList();
    }

    private Cart checked(Cart cart) {
        requireHome(home, cart.region());
        return cart;
    }

    /** The guard of a repository that lists a customer's carts: carts of other regions are not listed. */
    private static final class Listing extends RegionGuard implements CustomerCarts {
        private final CustomerCarts lists;

        Listing(CartRepository delegate, Region home) {
            super(delegate, home);
            this.lists = (CustomerCarts) delegate;
        }

        @Override
        public List<Cart> cartsOf(CustomerId customerId) {
            return mine(lists.cartsOf(customerId));
        }
    }
}
