package dev.cartflow.spi;

import dev.cartflow.model.Cart;
import dev.cartflow.model.CustomerId;
import java.util.List;

/**
 * Optional capability of a {@link CartRepository}: every cart of a customer, of every
 * {@link dev.cartflow.model.CartKind}, so that named carts (saved for later, wish lists) can be
 * listed. A repository without it still stores named carts; only listing them needs it.
 *
 * <p>Thread-safe, like the repository.
 */
public interface CustomerCarts {
    /**
     * The customer's carts in state {@code ACTIVE} (expired or not), of every kind, most recently
     * updated first.
     *
     * @param customerId the customer
     * @return the carts, possibly empty
     */
    List<Cart> cartsOf(CustomerId customerId);
}
