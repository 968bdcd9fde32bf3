package dev.cartflow.model;

/**
 * What a cart is for. A customer has at most one active {@link #SHOPPING} cart (the one
 * {@code activeCart} finds) and any number of named carts of the other kinds beside it.
 */
public enum CartKind {
    /** The cart a shopper checks out. */
    SHOPPING,
    /** Lines put aside for later: priced like a shopping cart, never checked out. */
    SAVED_FOR_LATER,
    /** A wish list: never checked out, and never priced with promotions that need a checkout. */
    WISH_LIST
}
