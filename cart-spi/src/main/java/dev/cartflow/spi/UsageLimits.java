package dev.cartflow.spi;

import dev.cartflow.error.CartException;
import dev.cartflow.model.CartOwner;
import dev.cartflow.model.Promotion;

/**
 * The promotion usage-limit rule, in one place for every {@link PromotionUsageStore}: a store only
 * counts redemptions and asks this class whether a promotion is spent. Pure and thread-safe.
 *
 * <p>The rule: a promotion already redeemed by the asking cart is never spent for it (redeeming
 * again is a no-op); otherwise it is spent when {@code maxUses} is set and the other carts hold that
 * many redemptions, or when {@code maxUsesPerCustomer} is set and the other carts of the same owner
 * hold that many. The owner is the cart's {@link CartOwner}: a customer is counted by customer id, a
 * guest by its token hash. Each guest cart gets its own token, so a guest is limited per token
 * (per guest cart and the carts sharing that token), not per person.
 */
public final class UsageLimits {
    private static final String GUEST_KEY_PREFIX = "\u0001guest:";

    private UsageLimits() {
    }

    /**
     * Whether a store has to count redemptions of a promotion at all.
     *
     * @param promotion the promotion
     * @return true when {@code maxUses} or {@code maxUsesPerCustomer} is set
     */
    public static boolean isLimited(Promotion promotion) {
        return promotion.maxUses() > 0 || promotion.maxUsesPerCustomer() > 0;
    }

    /**
     * Whether a promotion has no use left for a cart.
     *
     * @param promotion           the promotion
     * @param redeemedByThisCart  whether the asking cart already holds a redemption of it
     * @param usesByOtherCarts    redemptions by other carts (a store may stop counting at {@code maxUses})
     * @param usesByOwnerElsewhere redemptions by other carts of the asking cart's owner (a store may stop
     *                            counting at {@code maxUsesPerCustomer})
     * @return true when the cart may not redeem it
     */
    public static boolean isSpent(Promotion promotion, boolean redeemedByThisCart, long usesByOtherCarts,
            long usesByOwnerElsewhere) {
        if (redeemedByThisCart) {
            return false;
        }
        boolean totalSpent = promotion.maxUses() > 0 && usesByOtherCarts >= promotion.maxUses();
        boolean ownerSpent = promotion.maxUsesPerCustomer() > 0
                && usesByOwnerElsewhere >= promotion.maxUsesPerCustomer();
        return totalSpent || ownerSpent;
    }

    /**
     * The text a store files an owner's redemptions under: the customer id for a customer; for a
     * guest, a key that no customer id can equal (it starts with a control character, which customer
     * ids never hold), so a guest's redemptions are never counted against a customer or the other way
     * round. Stores that key by {@link CartOwner} itself do not need it.
     *
     * @param owner the cart's owner
     * @return the owner's key, at most 135 characters
     * @throws CartException {@code INVALID_INPUT} when {@code owner} is null
     */
    public static String ownerKey(CartOwner owner) {
        if (owner instanceof CartOwner.Customer customer) {
            return customer.customerId().value();
        }
        if (owner instanceof CartOwner.Guest guest) {
            return GUEST_KEY_PREFIX + guest.tokenHash();
        }
        throw CartException.invalidInput("cart owner must not be null");
    }
}
