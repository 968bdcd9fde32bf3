package dev.cartflow.model;

/**
 * Every operation of the engine, by name: what roles and service grants allow, what rate limits,
 * guest policies and the audit trail are configured for, and the {@code operation} tag of metrics.
 */
public enum CartOperation {
    /** Create a guest cart. */
    CREATE_GUEST_CART(false),
    /** Create a customer cart. */
    CREATE_CUSTOMER_CART(false),
    /** Read a cart. */
    GET(true),
    /** Find a customer's active cart. */
    ACTIVE_CART(true),
    /** Read a cart's events after a version. */
    CHANGES_SINCE(true),
    /** Price a cart. */
    PRICE(true),
    /** Add units of a product. */
    ADD_ITEM(false),
    /** Set a line's quantity. */
    SET_QUANTITY(false),
    /** Remove lines. */
    REMOVE_LINES(false),
    /** Several line changes at once. */
    BULK(false),
    /** Remove every line and code. */
    CLEAR(false),
    /** Apply a coupon code. */
    APPLY_CODE(false),
    /** Remove a coupon code. */
    REMOVE_CODE(false),
    /** Select a shipping method. */
    SELECT_SHIPPING(false),
    /** Change the ship-to country. */
    CHANGE_COUNTRY(false),
    /** Replace the cart's metadata. */
    SET_METADATA(false),
    /** Merge a guest cart into a customer cart. */
    MERGE(false),
    /** Preview a merge without changing anything. */
    PREVIEW_MERGE(true),
    /** Check a cart out. */
    CHECKOUT(false),
    /** Export everything stored about a customer. */
    EXPORT_CUSTOMER(true),
    /** Erase everything stored about a customer. */
    ERASE_CUSTOMER(false),
    /** A batch job (purge, abandonment, retention, key rotation). */
    MAINTENANCE(false);

    private final boolean readOnly;

    CartOperation(boolean readOnly) {
        this.readOnly = readOnly;
    }

    /** True when the operation changes nothing stored, so read-only support staff may run it. */
    public boolean readOnly() {
        return readOnly;
    }
}
