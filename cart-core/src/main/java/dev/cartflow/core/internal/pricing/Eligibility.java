package dev.cartflow.core.internal.pricing;

import dev.cartflow.model.Cart;
import dev.cartflow.model.Money;
import dev.cartflow.model.Promotion;
import dev.cartflow.model.Promotion.Action;
import dev.cartflow.model.PromotionResult;
import java.time.Instant;
import java.util.Currency;

/**
 * Whether a promotion can apply at all, whatever the lines are: its code, validity window, uses
 * left and currency. The line-dependent conditions are {@link Targeting}'s.
 */
final class Eligibility {
    private Eligibility() {
    }

    /** Checks {@code p}; when it is not eligible, records why at {@code i} (else records nothing). */
    static void check(Promotion p, int i, PricingInput input, Outcomes outcomes) {
        Cart cart = input.cart();
        Instant now = input.now();
        if (p.coded() && !cart.codes().contains(p.code())) {
            outcomes.set(i, PromotionResult.CODE_NOT_APPLIED, 0, "code " + p.code() + " is not on the cart");
            return;
        }
        Promotion.Conditions c = p.conditions();
        if (c.validFrom() != null && now.isBefore(c.validFrom())) {
            outcomes.set(i, PromotionResult.NOT_STARTED, 0, "valid from " + c.validFrom());
            return;
        }
        if (c.validTo() != null && now.isAfter(c.validTo())) {
            outcomes.set(i, PromotionResult.EXPIRED, 0, "valid until " + c.validTo());
            return;
        }
        if (input.exhausted().contains(p.id())) {
            outcomes.set(i, PromotionResult.EXHAUSTED, 0, "no uses left");
            return;
        }
        Currency currency = cart.currency();
        if (!in(c.minSubtotal(), currency) || !in(p.maxDiscount(), currency)
                || p.action() instanceof Action.Amount a && !in(a.amount(), currency)
                || p.action() instanceof Action.FixedPrice f && !in(f.unitPrice(), currency)) {
            // a promotion set up for another market simply does not apply here; failing the whole
            // cart over it would punish the shopper for the merchant's catalog
            outcomes.set(i, PromotionResult.CONDITION_NOT_MET, 0, "its amounts are not in " + currency.getCurrencyCode());
            return;
        }
    }

    private static boolean in(Money money, Currency currency) {
        return money == null || money.currency().equals(currency);
    }
}
