package dev.cartflow.spi;

import dev.cartflow.model.CartEvent;
import java.util.List;

/**
 * Receives cart events after the change that made them is stored, in per-cart order, at least
 * once (a consumer de-duplicates by cart id and sequence).
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
