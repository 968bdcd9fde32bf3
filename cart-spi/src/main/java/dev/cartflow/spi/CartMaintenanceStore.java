package dev.cartflow.spi;

import dev.cartflow.model.Cart;
import dev.cartflow.model.CartId;
import java.time.Instant;
import java.util.List;

/**
 * The scans and deletes of the maintenance jobs (purge of expired carts, abandonment): an optional
 * capability of a cart store. Thread-safe. Checked by {@code CartRepositoryContract} in
 * {@code cart-tck} for stores that have it.
 */
public interface CartMaintenanceStore {
    /**
     * Carts whose {@code expiresAt} is before the cutoff, oldest first, for expiry and purge jobs.
     *
     * @param cutoff exclusive upper bound of {@code expiresAt}
     * @param limit  page size, at least 1
     * @return up to {@code limit} carts
     */
    List<Cart> findExpiringBefore(Instant cutoff, int limit);

    /**
     * {@code ACTIVE} carts with lines, not yet reported abandoned, not updated since the cutoff,
     * oldest first.
     *
     * @param cutoff exclusive upper bound of {@code updatedAt}
     * @param limit  page size, at least 1
     * @return up to {@code limit} carts
     */
    List<Cart> findInactiveSince(Instant cutoff, int limit);

    /**
     * Deletes a cart with its lines and delivered events. A store with an outbox keeps the events
     * it has not delivered yet, so a purge never loses an event (such as {@code EXPIRED}) written
     * just before it.
     *
     * @param id the cart
     * @return true when it existed
     */
    boolean delete(CartId id);
}
