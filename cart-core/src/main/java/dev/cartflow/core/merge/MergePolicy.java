package dev.cartflow.core.merge;

/** What quantity a sku present in both carts keeps when a guest cart is merged into a customer cart. */
public enum MergePolicy {
    /** The quantities add up (the default). */
    SUM,
    /** The larger quantity. */
    MAX,
    /** The guest cart's quantity. */
    GUEST_WINS,
    /** The customer cart's quantity. */
    CUSTOMER_WINS
}
