package dev.cartflow.core;

import dev.cartflow.model.CartId;
import java.time.Instant;

/**
 * A recovery link's secret for the host's e-mail to the shopper of an abandoned cart. The token is
 * handed out only here, once; the cart keeps only a hash of its secret part. It has the form
 * {@code <cart id>.<secret>} so that redeeming it needs no index.
 *
 * @param cartId    the abandoned cart
 * @param token     the secret recovery token (put it in the link; never log it)
 * @param expiresAt after this instant it can no longer be redeemed
 */
public record RecoveryLink(CartId cartId, String token, Instant expiresAt) {
    /** Never prints the token. */
    @Override
    public String toString() {
        return "RecoveryLink[cartId=" + cartId + ", token=***, expiresAt=" + expiresAt + "]";
    }
}
