package dev.cartflow.core;

import dev.cartflow.core.merge.MergeResult;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What redeeming a recovery token gave the bearer ({@link CartEngine#recover}).
 *
 * @param cart          the cart the bearer may now use: the recovered guest cart, the customer's own
 *                      recovered cart, or the customer's cart after the merge
 * @param guestToken    the new guest token of a recovered guest cart (it replaced the old one), when
 *                      the bearer holds the cart as a guest; null after a merge and for a customer cart
 * @param merge         the merge into the signed-in customer's cart, or null when none was made
 * @param mergeRefusal  why the merge of a recovered guest cart was refused (the cart is then recovered
 *                      as a guest cart and {@code guestToken} lets the host merge it later), or null
 */
public record RecoveredCart(Cart cart, @Nullable String guestToken, @Nullable MergeResult merge,
                            @Nullable CartErrorCode mergeRefusal) {

    /**
     * The guest actor for the recovered guest cart, when the bearer holds it as a guest.
     *
     * @return {@link Actor#guest(String)} with {@link #guestToken()}, or empty when it is null
     */
    public Optional<Actor> guestActor() {
        return guestToken == null ? Optional.empty() : Optional.of(Actor.guest(guestToken));
    }

    /** Never prints the guest token. */
    @Override
    public String toString() {
        return "RecoveredCart[cart=" + cart.id() + ", guestToken=" + (guestToken == null ? "none" : "***")
                + ", merged=" + (merge != null) + ", mergeRefusal=" + mergeRefusal + "]";
    }
}
