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
    MAINTENANCE(false),
    // addresses and the customer
    /** Set or clear the shipping address and billing country. */
    CHANGE_ADDRESS(false),
    // several carts per customer
    /** Create a named cart (saved for later, wish list). */
    CREATE_NAMED_CART(false),
    /** List a customer's carts of every kind. */
    CUSTOMER_CARTS(true),
    /** Move a line from one cart to another, atomically. */
    MOVE_LINE(false),
    // shared carts
    /** Invite a participant to a cart with a share token. */
    INVITE_PARTICIPANT(false),
    /** Remove a participant (revoke their share token). */
    REMOVE_PARTICIPANT(false),
    // recovery links
    /** Issue a recovery token for an abandoned cart. */
    ISSUE_RECOVERY(false),
    /** Redeem a recovery token. */
    REDEEM_RECOVERY(false),
    // freezing
    /** Freeze a cart before payment. */
    FREEZE(false),
    /** End a freeze. */
    UNFREEZE(false);

    private final boolean readOnly;

    CartOperation(boolean readOnly) {
        this.readOnly = readOnly;
    }

    /**
     * True when the operation changes nothing stored, so read-only support staff may run it.
     *
     * @return whether the operation only reads
     */
    public boolean readOnly() {
        return readOnly;
    }
}
