package dev.cartflow.core.internal.pricing;

import dev.cartflow.model.Hint;
import dev.cartflow.model.Money;
import dev.cartflow.model.Promotion;
import dev.cartflow.model.Promotion.Action;
import dev.cartflow.model.PromotionResult;
import dev.cartflow.model.ShippingMethod;
import java.util.Currency;
import java.util.List;

/**
 * Hints: what the cart lacks to qualify (docs/pricing-rules.md, "Hints"). Two halves, so that a
 * gap is always the one the rule itself measured and never a second derivation of it:
 * {@link #measure} runs inside an option, right after a promotion reported
 * {@code CONDITION_NOT_MET}, and records on its outcome the gaps between its thresholds and what
 * {@link Targeting} measured for them (or, for buy X get Y with too few units, the units that make
 * one more unit discounted); the gaps then travel with that outcome, so they are those of the option
 * whose result is reported, and an outcome replaced by {@code EXCLUDED} or never run
 * ({@code STOPPED}, ineligible) has none. {@link #of} turns the final outcomes and the kept option's
 * items amount into the hints of the priced cart.
 */
final class QualificationHints {
    private QualificationHints() {
    }

    /**
     * Records at {@code i} what {@code promotion} lacks, when its outcome there is
     * {@code CONDITION_NOT_MET} only because of a threshold: every other condition held (the
     * targeting got as far as measuring), its code (if any) is on the cart (else it would not have
     * run), and a {@code minQuantity} or {@code minSubtotal} is not reached, or, with both reached,
     * its buy X get Y has too few units for any unit to be discounted.
     *
     * @param targeting the targeting whose last {@link Targeting#select} was for this promotion
     */
    static void measure(int i, Promotion promotion, Targeting targeting, Outcomes outcomes) {
        long units = targeting.measuredUnits();
        if (outcomes.result(i) != PromotionResult.CONDITION_NOT_MET || units < 0) {
            return; // another condition failed (group, country), or it did not fail at all
        }
        Action action = promotion.action();
        if (action instanceof Action.BuyXGetY && PromotionOrder.isShipping(promotion)) {
            return; // buy X get Y never applies to shipping, so reaching its thresholds would give nothing
        }
        Promotion.Conditions conditions = promotion.conditions();
        long missingUnits = Math.max(0, conditions.minQuantity() - units);
        Money minSubtotal = conditions.minSubtotal();
        long measured = targeting.measuredAmount();
        // compared before subtracting: a negative minSubtotal minus an amount could overflow
        long missingAmount = minSubtotal == null || minSubtotal.minor() <= measured ? 0 : minSubtotal.minor() - measured;
        if (missingUnits == 0 && missingAmount == 0 && action instanceof Action.BuyXGetY buyXGetY
                && BuyXGetYOff.discountedUnits(buyXGetY, units) == 0) {
            long rest = units % ((long) buyXGetY.buy() + buyXGetY.get());
            missingUnits = rest < buyXGetY.buy() ? buyXGetY.buy() - rest + 1 : 1;
        }
        outcomes.missing(i, missingAmount, missingUnits);
    }

    /**
     * The hints of a priced cart: for each promotion of {@code all} (evaluation order) whose final
     * outcome lacks something, an {@code AMOUNT} hint then a {@code UNITS} hint; then the free-shipping
     * hint when the selected method has a {@code freeAbove} that {@code items} does not reach. A cart
     * without priced lines gets no shipping hint: it is charged no shipping.
     *
     * @param lines the number of priced lines
     * @param items the items' amount after all item and order discounts of the kept option, the
     *              amount {@code freeAbove} is compared with
     */
    static List<Hint> of(List<Promotion> all, Outcomes outcomes, int lines, long items, ShippingMethod method,
                         Currency currency) {
        Money freeAbove = method == null ? null : method.freeAbove();
        boolean shipping = freeAbove != null && lines > 0 && items < freeAbove.minor();
        if (!shipping && !outcomes.anyMissing()) {
            return List.of(); // a cart that qualifies for everything allocates nothing here
        }
        int count = shipping ? 1 : 0;
        for (int i = 0; i < all.size() && outcomes.anyMissing(); i++) {
            if (outcomes.result(i) == PromotionResult.CONDITION_NOT_MET) {
                count += (outcomes.missingAmount(i) > 0 ? 1 : 0) + (outcomes.missingUnits(i) > 0 ? 1 : 0);
            }
        }
        // built once into the array the list keeps
        Hint[] hints = new Hint[count];
        int next = 0;
        for (int i = 0; i < all.size() && next < hints.length; i++) {
            if (outcomes.result(i) != PromotionResult.CONDITION_NOT_MET) {
                continue;
            }
            long amount = outcomes.missingAmount(i);
            if (amount > 0) {
                hints[next++] = Hint.amount(all.get(i).id(), Money.ofMinor(amount, currency));
            }
            long units = outcomes.missingUnits(i);
            if (units > 0) {
                hints[next++] = Hint.units(all.get(i).id(), units);
            }
        }
        if (shipping) {
            hints[next] = Hint.freeShipping(Money.ofMinor(freeAbove.minor() - items, currency));
        }
        return Lists.of(hints);
    }
}
