package dev.cartflow.spi;

import dev.cartflow.model.CartEvent;
import java.util.List;

/**
 * Receives cart events after the change that made them is stored, in per-cart order, at least
 * once (a consumer de-duplicates by cart id and sequence).
 *
 * <p>Thread-safe: changes of different carts are published from different threads at once. A
 * failure to publish does not undo the stored change; where delivery must not be lost, use a
 * store with an outbox (cart-jdbi) and publish from its dispatcher. Checked by
 * {@code CartEventPublisherContract} in {@code cart-tck}.
 */
@FunctionalInterface
public interface CartEventPublisher {
    /** Publishes nothing. */
    CartEventPublisher NONE = events -> { };

    /**
     * Publishes events.
     *
     * @param events events of one or more carts, in order
     */
    void publish(List<CartEvent> events);
}
