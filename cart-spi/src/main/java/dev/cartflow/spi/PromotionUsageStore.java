package dev.cartflow.spi;

import dev.cartflow.error.CartException;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CartOwner;
import dev.cartflow.model.Promotion;
import java.util.Collection;
import java.util.Set;

/**
 * Counts promotion redemptions at checkout. Whether a promotion is spent is decided by
 * {@link UsageLimits}, the one home of the rule; a store counts redemptions per promotion, per cart
 * and per owner ({@link CartOwner}: a customer by id, a guest by token hash).
 *
 * <p>Thread-safe, and atomic: two carts racing for the last use of a promotion cannot both get it,
 * across every instance sharing the store. A failing store reports {@code CartException} with
 * {@code PROVIDER_UNAVAILABLE}; a null argument is {@code INVALID_INPUT}; nothing else escapes.
 * Every implementation must pass {@code PromotionUsageStoreContract} in {@code cart-tck}.
 */
public interface PromotionUsageStore {
    /**
     * Redeems every promotion for one cart, all or nothing. Redeeming again for the same cart is a
     * no-op that succeeds.
     *
     * @param promotions the promotions that gave a discount
     * @param cartId     the cart being checked out
     * @param owner      the cart's owner, whose per-customer limits apply
     * @return the ids of the promotions that had no uses left; when not empty nothing was redeemed
     * @throws CartException {@code PROVIDER_UNAVAILABLE} when the store fails
     */
    Set<String> redeem(Collection<Promotion> promotions, CartId cartId, CartOwner owner);

    /**
     * Gives back the redemptions of a cart (a failed or cancelled checkout); a cart with none is
     * ignored.
     *
     * @param cartId the cart
     * @throws CartException {@code PROVIDER_UNAVAILABLE} when the store fails
     */
    void release(CartId cartId);

    /**
     * The ids, among the given promotions, whose uses are spent for this cart and owner (for
     * pricing's {@code EXHAUSTED}). A promotion already redeemed by this cart is not counted as spent
     * for it.
     *
     * @param promotions candidates
     * @param cartId     the cart asking
     * @param owner      the cart's owner
     * @return exhausted ids
     * @throws CartException {@code PROVIDER_UNAVAILABLE} when the store fails
     */
    Set<String> exhausted(Collection<Promotion> promotions, CartId cartId, CartOwner owner);
}
