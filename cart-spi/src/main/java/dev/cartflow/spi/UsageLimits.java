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
 * hold that many. The owner is a {@link CartOwner}: a customer is counted by customer id; a guest
 * whose host vouches for a stable identity (for example a keyed hash of the e-mail it gave) by that
 * identity's pseudonym, as {@link #identifiedGuest(String)}; any other guest by its token hash. Each
 * guest cart gets its own token, so a guest without an identity would be limited per cart, not per
 * person: the engine therefore refuses such guests the promotions limited per customer unless the
 * host configures per-token counting (see the engine's security policy).
 */
public final class UsageLimits {
    private static final String GUEST_KEY_PREFIX = "\u0001guest:";
    /** Token hashes are hex digits only, so an identity key (with its colon) never equals one. */
    private static final String IDENTITY_PREFIX = "identity:";
    private static final int MAX_PSEUDONYM_LENGTH = 100;

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

    /**
     * Whether a promotion is limited per customer, so that it needs an owner that stands for a person.
     *
     * @param promotion the promotion
     * @return true when {@code maxUsesPerCustomer} is set
     */
    public static boolean isLimitedPerCustomer(Promotion promotion) {
        return promotion.maxUsesPerCustomer() > 0;
    }

    /**
     * The owner under which a guest with a stable identity is counted, whichever cart and token it
     * uses: a {@link CartOwner.Guest} keyed by {@code identity:} and the identity's keyed pseudonym
     * (never the identity itself). Token hashes are hex, so an identified guest never shares a count
     * with a token, and {@link #ownerKey} keeps guests apart from customers; stores that count by
     * owner need nothing else.
     *
     * @param pseudonym the engine's keyed pseudonym of the guest identity
     * @return the owner to count redemptions under
     * @throws CartException {@code INVALID_INPUT} when the pseudonym is null, blank or over 100 characters
     */
    public static CartOwner identifiedGuest(String pseudonym) {
        if (pseudonym == null || pseudonym.isBlank() || pseudonym.length() > MAX_PSEUDONYM_LENGTH) {
            throw CartException.invalidInput("guest identity pseudonym must be 1 to " + MAX_PSEUDONYM_LENGTH
                    + " characters");
        }
        return new CartOwner.Guest(IDENTITY_PREFIX + pseudonym);
    }

    /**
     * Whether an owner is a guest counted by a stable identity ({@link #identifiedGuest}).
     *
     * @param owner the owner
     * @return true for an identified guest
     */
    public static boolean isIdentifiedGuest(CartOwner owner) {
        return owner instanceof CartOwner.Guest guest && guest.tokenHash().startsWith(IDENTITY_PREFIX);
    }
}
