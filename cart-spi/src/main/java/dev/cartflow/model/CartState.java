package dev.cartflow.model;

/** The life-cycle state of a cart. Only {@link #ACTIVE} carts accept changes. */
public enum CartState {
    /** Open for changes. */
    ACTIVE,
    /** A guest cart merged into a customer's cart at sign-in. */
    MERGED,
    /** Frozen at checkout; the host turns it into an order. */
    CHECKED_OUT,
    /** Not modified for longer than its time to live. */
    EXPIRED
}
