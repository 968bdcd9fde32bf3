package dev.cartflow.core.internal.checkout;

import dev.cartflow.core.internal.observe.Swallowed;
import dev.cartflow.core.internal.pipeline.EngineConfig;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartId;
import dev.cartflow.model.PricedCart;
import dev.cartflow.model.Promotion;
import dev.cartflow.model.PromotionExplanation;
import dev.cartflow.model.PromotionResult;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Which promotions a checkout counts, which codes stop it, and giving back what it took. */
final class Redemptions {
    private Redemptions() {
    }

    /** A code on the cart whose promotion is spent stops the checkout, so no one is silently charged more. */
    static void refuseExhaustedCodes(Cart cart, PricedCart priced) {
        Set<String> codes = new HashSet<>();
        cart.codes().forEach(c -> codes.add(c.toLowerCase(Locale.ROOT)));
        for (PromotionExplanation p : priced.promotions()) {
            if (p.result() == PromotionResult.EXHAUSTED && p.code() != null
                    && codes.contains(p.code().toLowerCase(Locale.ROOT))) {
                throw new CartException(CartErrorCode.PROMOTION_EXHAUSTED, "code " + p.code() + " has no uses left");
            }
        }
    }

    /** The promotions that gave a discount and have use limits, so their redemption is counted. */
    static List<Promotion> limited(PricedCart priced, List<Promotion> promotions) {
        Set<String> gave = new HashSet<>();
        for (PromotionExplanation p : priced.promotions()) {
            if ((p.result() == PromotionResult.APPLIED || p.result() == PromotionResult.CAPPED)
                    && p.amount().minor() > 0) {
                gave.add(p.promotionId());
            }
        }
        return promotions.stream()
                .filter(p -> gave.contains(p.id()) && (p.maxUses() > 0 || p.maxUsesPerCustomer() > 0))
                .toList();
    }

    static void releaseQuietly(EngineConfig config, String reservation, CartId id) {
        try {
            config.reservations().release(reservation);
        } catch (RuntimeException e) {
            // The reservation expires on the host's side; the checkout error matters more.
            Swallowed.report(config.observer(), "checkout.release-reservation", e);
        }
        try {
            config.usage().release(id);
        } catch (RuntimeException e) {
            // As above: the redemption store's failure must not hide the checkout error.
            Swallowed.report(config.observer(), "checkout.release-redemptions", e);
        }
    }
}
