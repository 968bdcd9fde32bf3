package dev.cartflow.core.internal.carts;

import dev.cartflow.core.residency.Region;
import dev.cartflow.spi.CartRepository;
import dev.cartflow.spi.CustomerCarts;
import org.jspecify.annotations.Nullable;

/**
 * Finds the {@link CustomerCarts} capability of an engine's repository: on the repository as the
 * engine wraps it (timed by the observer) when the wrapping keeps it, else on the host's repository,
 * then listing only the carts of the engine's region, as the region guard would let through.
 */
public final class CustomerCartsView {
    private CustomerCartsView() {
    }

    /**
     * The capability, or null when the host's repository has none.
     *
     * @param wired  the repository as the engine uses it
     * @param host   the repository the host gave
     * @param region the engine's region, or null
     * @return the capability to list with, or null
     */
    public static @Nullable CustomerCarts of(CartRepository wired, CartRepository host, @Nullable Region region) {
        if (wired instanceof CustomerCarts carts) {
            return carts;
        }
        if (!(host instanceof CustomerCarts carts)) {
            return null;
        }
        if (region == null) {
            return carts;
        }
        return customerId -> carts.cartsOf(customerId).stream()
                .filter(c -> c.region() == null || c.region().equals(region.name())).toList();
    }
}
