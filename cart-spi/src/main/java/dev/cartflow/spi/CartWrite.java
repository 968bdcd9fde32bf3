package dev.cartflow.spi;

import dev.cartflow.error.CartException;

import dev.cartflow.model.Cart;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.Checks;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One cart change to store atomically: the new snapshot, guarded by the version it replaces, with
 * its events (outbox) and optionally the idempotent response.
 *
 * @param cart            the new snapshot
 * @param expectedVersion the stored version it replaces; 0 when the cart must not exist yet
 * @param events          events of the change, written to the outbox in the same transaction
 * @param idempotency     the response to remember, or null
 */
public record CartWrite(Cart cart, long expectedVersion, List<CartEvent> events, @Nullable IdempotencyRecord idempotency) {
    /**
     * Validates, and copies the events into an immutable list.
     *
     * @param cart            the new snapshot; required
     * @param expectedVersion the stored version it replaces, 0 or more; 0 when the cart must not exist yet
     * @param events          the events of the change, possibly empty; required
     * @param idempotency     the response to remember, or null
     * @throws CartException {@code INVALID_INPUT} when {@code cart} or {@code events} is null or
     *                       {@code expectedVersion} is negative
     */
    public CartWrite {
        if (cart == null || expectedVersion < 0 || events == null) {
            throw CartException.invalidInput("incomplete cart write");
        }
        events = Checks.listOf(events, "events");
    }

    /**
     * A write with no idempotency record (no response to remember).
     *
     * @param cart            the new snapshot
     * @param expectedVersion the stored version it replaces; 0 when the cart must not exist yet
     * @param events          the events of the change, possibly empty
     * @return the write, with a null {@link #idempotency()}
     * @throws CartException {@code INVALID_INPUT} when {@code cart} or {@code events} is null or
     *                       {@code expectedVersion} is negative
     */
    public static CartWrite of(Cart cart, long expectedVersion, List<CartEvent> events) {
        return new CartWrite(cart, expectedVersion, events, null);
    }
}
