package dev.cartflow.spi;

import dev.cartflow.model.CartEvent;
import dev.cartflow.model.CartId;
import java.util.List;

/**
 * The stored events of a cart, in version order: an optional capability of a cart store, for a
 * second device catching up ({@code CartEngine.changesSince}). Thread-safe. Checked by
 * {@code CartRepositoryContract} in {@code cart-tck} for stores that have it.
 */
@FunctionalInterface
public interface CartEventLog {
    /**
     * The events of a cart with a sequence greater than {@code afterSequence}, in order.
     *
     * @param id            the cart
     * @param afterSequence the version the caller holds
     * @return the events in sequence order; empty when there are none or the cart is unknown
     */
    List<CartEvent> eventsSince(CartId id, long afterSequence);
}
