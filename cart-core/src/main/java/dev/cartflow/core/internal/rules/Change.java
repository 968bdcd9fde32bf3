package dev.cartflow.core.internal.rules;

import dev.cartflow.model.Cart;
import java.util.List;

/**
 * What a rule decided: the cart with the change applied (still at the stored version; the
 * lifecycle gives it the next one) and the events of the change.
 *
 * @param cart   the changed cart
 * @param events its events, in order
 */
public record Change(Cart cart, List<PendingEvent> events) {
    /** Copies. */
    public Change {
        events = List.copyOf(events);
    }
}
