package dev.cartflow.model;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * A domain event of one cart. {@code sequence} is the cart version the change produced and
 * {@code index} the event's position among the events of that change, so the events of a cart are
 * totally ordered, {@code (cartId, sequence, index)} identifies one, and a device can catch up from
 * any version it holds.
 *
 * @param cartId   the cart
 * @param sequence the cart version after the change
 * @param index    position among the events of one change, from 0
 * @param type     what happened
 * @param at       when
 * @param data     small string attributes (sku, quantity, code, ...); never personal data
 */
public record CartEvent(CartId cartId, long sequence, int index, Type type, Instant at, Map<String, String> data) {
    /**
     * Validates and copies.
     *
     * @param cartId   not null
     * @param sequence at least 1
     * @param index    at least 0
     * @param type     not null
     * @param at       not null
     * @param data     no null key or value; copied
     * @throws dev.cartflow.error.CartException {@code INVALID_INPUT} when a component breaks its rule
     */
    public CartEvent {
        Checks.notNull(cartId, "cart id");
        Checks.notNull(type, "type");
        if (sequence < 1 || index < 0) {
            throw dev.cartflow.error.CartException.invalidInput("invalid event position");
        }
        Checks.notNull(at, "at");
        data = Checks.mapOf(data, "data");
    }

    /**
     * The data sorted by key, for stable output.
     *
     * @return a new sorted copy of {@link #data()}; changing it does not change the event
     */
    public Map<String, String> sortedData() {
        return new TreeMap<>(data);
    }

    /** Kinds of cart events. */
    public enum Type {
        /** A cart was created. */
        CREATED,
        /** A line was added. */
        LINE_ADDED,
        /** A line's quantity changed. */
        QUANTITY_CHANGED,
        /** A line was removed. */
        LINE_REMOVED,
        /** All lines and codes were removed. */
        CLEARED,
        /** A code was applied. */
        CODE_APPLIED,
        /** A code was removed. */
        CODE_REMOVED,
        /** A shipping method was selected. */
        SHIPPING_SELECTED,
        /** The ship-to country changed. */
        COUNTRY_CHANGED,
        /** The metadata changed. */
        METADATA_CHANGED,
        /** A guest cart was merged into a customer cart. */
        MERGED,
        /** The cart was checked out. */
        CHECKED_OUT,
        /** The cart expired. */
        EXPIRED,
        /** The cart was abandoned. */
        ABANDONED,
        // addresses and the customer
        /** The shipping address or billing country changed (the event carries no part of the address but country and subdivision). */
        ADDRESS_CHANGED,
        // several carts per customer
        /** A line left this cart for another one of the same customer. */
        LINE_MOVED_OUT,
        /** A line came to this cart from another one of the same customer. */
        LINE_MOVED_IN,
        // shared carts
        /** A participant was invited. */
        PARTICIPANT_INVITED,
        /** A participant was removed. */
        PARTICIPANT_REMOVED,
        // recovery links
        /** A recovery token was issued. */
        RECOVERY_ISSUED,
        /** A recovery token was redeemed. */
        RECOVERED,
        // freezing
        /** The cart was frozen before payment. */
        FROZEN,
        /** The freeze ended, by request or because its time was over. */
        UNFROZEN
    }
}
