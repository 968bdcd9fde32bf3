package dev.cartflow.spi;

import dev.cartflow.error.CartException;

import dev.cartflow.model.Cart;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CustomerId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where carts are stored: the five calls every operation needs. The engine's other needs are
 * separate capabilities a store may add: {@link CartEventLog} (a second device catching up) and
 * {@link CartMaintenanceStore} (the purge and abandonment jobs); {@link CartStorage} is a store
 * with all three. Every implementation must pass {@code CartRepositoryContract} in {@code cart-tck}.
 *
 * <p>Implementations are thread-safe: the engine calls them from any number of threads at once.
 * Failures of the store are reported as {@code CartException} with {@code PROVIDER_UNAVAILABLE};
 * nothing else escapes.
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
     * The customer's {@link dev.cartflow.model.CartKind#SHOPPING shopping} cart in state
     * {@code ACTIVE} (expired or not), the most recently updated one if there are several. Named
     * carts (saved for later, wish lists) are never returned here.
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
     * The stored response of an idempotency key, unless it expired before {@code now}.
     *
     * @param key the key as given in {@link IdempotencyRecord#key()}
     * @param now the engine's clock
     * @return the record, or empty
     */
    Optional<IdempotencyRecord> findIdempotency(String key, Instant now);
}
