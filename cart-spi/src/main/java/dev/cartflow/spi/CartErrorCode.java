package dev.cartflow.spi;

/**
 * Stable error codes of CartFlow. A code never changes meaning; new codes may be added.
 *
 * <p>When several errors apply to one operation, the one declared first in {@link #precedence()}
 * order is reported.
 */
public enum CartErrorCode {
    /** Malformed input: null ids, blank or over-long skus, control characters, non-object metadata, overflow. */
    INVALID_INPUT(0),
    /** Too many requests for this actor or cart. */
    RATE_LIMITED(1),
    /** The cart does not exist (or the actor may not know that it exists). */
    CART_NOT_FOUND(2),
    /** The actor may not act on this cart; indistinguishable from {@link #CART_NOT_FOUND} for a stranger. */
    ACCESS_DENIED(2),
    /** The cart is merged, checked out or expired. */
    CART_NOT_ACTIVE(3),
    /** The expected version is not the stored one. */
    VERSION_CONFLICT(4),
    /** The catalog does not know the sku. */
    PRODUCT_NOT_FOUND(5),
    /** The product is not sold in the cart's country. */
    COUNTRY_RESTRICTED(6),
    /** A price or cart is in another currency than the one required. */
    CURRENCY_MISMATCH(7),
    /** The quantity is not a positive integer or not a multiple of the product's step. */
    INVALID_QUANTITY(8),
    /** The quantity is outside the product's minimum and maximum. */
    QUANTITY_LIMIT(9),
    /** Not enough units in the warehouse. */
    OUT_OF_STOCK(10),
    /** A per-cart limit (lines, total quantity, subtotal) would be exceeded. */
    CART_LIMIT(11),
    /** The code is not known. */
    PROMOTION_NOT_FOUND(12),
    /** The uses of a promotion are spent (raised at checkout). */
    PROMOTION_EXHAUSTED(12),
    /** Unknown method, wrong country, or weight over the method's maximum. */
    SHIPPING_NOT_AVAILABLE(12),
    /** A provider failed and no fallback applies. */
    PROVIDER_UNAVAILABLE(13);

    private final int precedence;

    CartErrorCode(int precedence) {
        this.precedence = precedence;
    }

    /** Lower values win when several errors apply to one operation. */
    public int precedence() {
        return precedence;
    }
}
