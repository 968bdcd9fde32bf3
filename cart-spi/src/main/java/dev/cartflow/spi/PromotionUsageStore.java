package dev.cartflow.spi;

import dev.cartflow.model.CartId;
import dev.cartflow.model.CartOwner;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.Promotion;
import java.util.Collection;
import java.util.Set;

/**
 * Counts promotion redemptions at checkout. Storage-side: an implementation must be atomic, so
 * that two carts racing for the last use of a promotion cannot both get it.
 */
public interface PromotionUsageStore {
    /**
     * Redeems every promotion for one cart, all or nothing. Redeeming again for the same cart is a
     * no-op that succeeds.
     *
     * @param promotions the promotions that gave a discount
     * @param cartId     the cart being checked out
     * @param customerId the customer, or null for a guest
     * @return the ids of the promotions that had no uses left; when not empty nothing was redeemed
     */
    Set<String> redeem(Collection<Promotion> promotions, CartId cartId, CustomerId customerId);

    /**
     * Gives back the redemptions of a cart (a failed or cancelled checkout).
     *
     * @param cartId the cart
     */
    void release(CartId cartId);

    /**
     * The ids, among the given promotions, whose uses are spent for this customer (for pricing's
     * {@code EXHAUSTED}). A promotion already redeemed by this cart is not counted as spent for it.
     *
     * @param promotions candidates
     * @param cartId     the cart asking
     * @param customerId the customer, or null
     * @return exhausted ids
     */
    Set<String> exhausted(Collection<Promotion> promotions, CartId cartId, CustomerId customerId);

    /**
     * {@link #redeem(Collection, CartId, CustomerId)} for a cart's owner, so that a guest is counted
     * by its token hash once implementations support it. Bridge until the owner-based SPI lands (then call {@code redeem} / {@code exhausted} with the owner).
     *
     * @param promotions the promotions that gave a discount
     * @param cartId     the cart being checked out
     * @param owner      the cart's owner
     * @return the ids of the promotions that had no uses left; when not empty nothing was redeemed
     */
    default Set<String> redeemFor(Collection<Promotion> promotions, CartId cartId, CartOwner owner) {
        return redeem(promotions, cartId, owner instanceof CartOwner.Customer c ? c.customerId() : null);
    }

    /**
     * {@link #exhausted(Collection, CartId, CustomerId)} for a cart's owner. Bridge until the
     * owner-based SPI lands (then call {@code redeem} / {@code exhausted} with the owner).
     *
     * @param promotions candidates
     * @param cartId     the cart asking
     * @param owner      the cart's owner
     * @return exhausted ids
     */
    default Set<String> exhaustedFor(Collection<Promotion> promotions, CartId cartId, CartOwner owner) {
        return exhausted(promotions, cartId, owner instanceof CartOwner.Customer c ? c.customerId() : null);
    }
}
