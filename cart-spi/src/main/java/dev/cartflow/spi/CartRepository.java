package dev.cartflow.spi;

import dev.cartflow.model.Cart;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CustomerId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where carts are stored. Every implementation must pass {@code CartRepositoryContract} in
 * {@code cart-tck}. Failures of the store are reported as {@code CartException} with
 * {@code PROVIDER_UNAVAILABLE}; nothing else escapes.
 */
public interface CartRepository {
    /**
     * Loads a cart.
     *
     * @param id the cart id
     * @return the stored snapshot, or empty
     */
    Optional<Cart> find(CartId id);

    /**
     * The customer's cart in state {@code ACTIVE} (expired or not), the most recently updated one
     * if there are several.
     *
     * @param customerId the customer
     * @return the cart, or empty
     */
    Optional<Cart> findActiveByCustomer(CustomerId customerId);

    /**
     * Stores one change atomically: the snapshot only if the stored version equals
     * {@code expectedVersion} (or, for 0, if no cart with that id exists), with its events and
     * idempotency record.
     *
     * @param write the change
     * @throws CartException {@code VERSION_CONFLICT} carrying the stored version; nothing is written
     */
    void save(CartWrite write);

    /**
     * Stores several changes in one transaction: all or none (a merge changes two carts).
     *
     * @param writes the changes, each guarded by its version
     * @throws CartException {@code VERSION_CONFLICT} when any version differs; nothing is written
     */
    void saveAll(List<CartWrite> writes);

    /**
     * Deletes a cart with its events and lines.
     *
     * @param id the cart
     * @return true when it existed
     */
    boolean delete(CartId id);

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
     * The stored response of an idempotency key, unless it expired before {@code now}.
     *
     * @param key the key as given in {@link IdempotencyRecord#key()}
     * @param now the engine's clock
     * @return the record, or empty
     */
    Optional<IdempotencyRecord> findIdempotency(String key, Instant now);

    /**
     * The events of a cart with a sequence greater than {@code afterSequence}, in order.
     *
     * @param id            the cart
     * @param afterSequence the version the caller holds
     * @return events
     */
    List<CartEvent> eventsSince(CartId id, long afterSequence);
}
