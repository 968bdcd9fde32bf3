package dev.cartflow.service.events;

import dev.cartflow.core.CartEngine;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Actor;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.CartId;
import java.util.List;

/**
 * Live events of one cart for the HTTP stream and the gRPC stream. It reads the stored events
 * through the engine ({@link CartEngine#changesSince}), so a change made on any instance reaches a
 * subscriber on any other one, with the access rules of a read.
 */
public interface CartEventFeed {

    /**
     * Follows a cart's events.
     *
     * @param actor        who reads; checked now and on every read
     * @param cartId       the cart
     * @param afterVersion deliver the events after this version (the stream's {@code Last-Event-ID})
     * @param listener     receives the events in order, on a feed thread
     * @return the subscription, to close when the client goes away
     * @throws CartException when the actor may not read the cart, {@code INVALID_INPUT} for a negative
     *                       version, {@code PROVIDER_UNAVAILABLE} when the instance already follows its
     *                       maximum of streams or is shutting down (nothing is subscribed then)
     */
    Subscription subscribe(Actor actor, CartId cartId, long afterVersion, Listener listener);

    /** Receives a cart's events. */
    interface Listener {
        /** New events, in version order; never empty. */
        void onEvents(List<CartEvent> events);

        /**
         * The feed stopped for this subscriber; nothing follows. {@code ACCESS_DENIED} (or another
         * access code) when the actor may no longer read the cart (a removed participant, an expired
         * invitation); {@code PROVIDER_UNAVAILABLE} when the instance shuts down, so the client
         * reconnects from its last version. Passing store outages and rate limits never end a
         * subscription: the next poll tries again.
         */
        void onError(CartException failure);
    }

    /** A live subscription. */
    interface Subscription extends AutoCloseable {
        /** Stops delivering; idempotent. */
        @Override
        void close();
    }
}
