package dev.cartflow.error;

/**
 * Stable error codes of CartFlow. A code never changes meaning; new codes may be added.
 *
 * <p>When several errors apply to one operation, the one with the lowest {@link #precedence()} is
 * reported. The order is total: it is the declaration order, which is the order of
 * {@code shared/scenarios/README.md} ({@link #CART_NOT_FOUND} before {@link #ACCESS_DENIED}, which a
 * stranger cannot tell apart; the promotion and shipping codes in their listed order), with
 * {@link #INTERNAL} last.
 *
 * <p>Who is at fault: {@link #INVALID_INPUT} is only ever what the caller sent;
 * {@link #PROVIDER_UNAVAILABLE} is a provider or store that failed; {@link #INTERNAL} is a bug, in
 * CartFlow or in a component the host plugged in, and is worth an alert.
 */
public enum CartErrorCode {
    /** Malformed input: null ids, blank or over-long text, ill-formed Unicode, non-object metadata, overflow. */
    INVALID_INPUT(false),
    /**
     * An idempotency key came back with a different request than the one it was first used for:
     * the caller's mistake, not applied (HTTP answers 422).
     */
    IDEMPOTENCY_KEY_REUSED(false),
    /** Too many requests for this actor or cart; retry after a while. */
    RATE_LIMITED(true),
    /** The cart does not exist (reported to support staff and services). */
    CART_NOT_FOUND(false),
    /** The actor may not act on this cart; to guests and customers a missing cart is this code too. */
    ACCESS_DENIED(false),
    /** The cart is merged, checked out or expired. */
    CART_NOT_ACTIVE(false),
    /** The expected version is not the stored one; re-read the cart and decide again. */
    VERSION_CONFLICT(true),
    /** The catalog does not know the sku. */
    PRODUCT_NOT_FOUND(false),
    /** The product is not sold in the cart's country. */
    COUNTRY_RESTRICTED(false),
    /** A price or cart is in another currency than the one required. */
    CURRENCY_MISMATCH(false),
    /** The quantity is not a positive integer or not a multiple of the product's step. */
    INVALID_QUANTITY(false),
    /** The quantity is outside the product's minimum and maximum. */
    QUANTITY_LIMIT(false),
    /** Not enough units in the warehouse. */
    OUT_OF_STOCK(false),
    /** A per-cart limit (lines, total quantity, subtotal) would be exceeded. */
    CART_LIMIT(false),
    /** The code is not known. */
    PROMOTION_NOT_FOUND(false),
    /** The uses of a promotion are spent (raised at checkout). */
    PROMOTION_EXHAUSTED(false),
    /** Unknown method, wrong country, or weight over the method's maximum. */
    SHIPPING_NOT_AVAILABLE(false),
    /** A provider or store failed and no fallback applies; the same call may succeed later. */
    PROVIDER_UNAVAILABLE(true),
    /** A failure that is nobody's input: a bug in CartFlow or in a host's component. The cause is kept. */
    INTERNAL(false);

    private final boolean retryable;

    CartErrorCode(boolean retryable) {
        this.retryable = retryable;
    }

    /**
     * Lower values win when several errors apply to one operation; no two codes share a value.
     *
     * @return the position in the declaration order, from 0 ({@link #INVALID_INPUT})
     */
    public int precedence() {
        return ordinal();
    }

    /**
     * Whether repeating the same request unchanged may succeed: true for {@link #RATE_LIMITED},
     * {@link #VERSION_CONFLICT} (after re-reading the cart) and {@link #PROVIDER_UNAVAILABLE}.
     *
     * @return true for those three codes, false for every other
     */
    public boolean retryable() {
        return retryable;
    }
}
