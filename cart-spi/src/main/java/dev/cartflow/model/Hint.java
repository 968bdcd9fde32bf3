package dev.cartflow.model;

import dev.cartflow.error.CartException;
import org.jspecify.annotations.Nullable;

/**
 * What a priced cart lacks to qualify for one promotion or for free shipping: the amount or the
 * number of units to add, so that a shop can say "spend 12.50 more" or "add 1 more to get one
 * free". A hint never names a coupon code: a promotion whose code is not on the cart gets none.
 * The gap is measured on what the rule measures (the running amount of the targeted lines, the
 * targeted units, the items' amount after discounts), not on list prices; docs/pricing-rules.md,
 * "Hints", says which promotions get one.
 *
 * @param subject       whether the hint is about a promotion or about free shipping
 * @param id            the promotion's id, or {@link #SHIPPING_ID} for free shipping
 * @param kind          whether an amount or units are missing
 * @param missingAmount for {@link Kind#AMOUNT}: the amount to add, more than zero, in the cart's
 *                      currency and price mode (gross in {@code INCLUSIVE}); null for
 *                      {@link Kind#UNITS}
 * @param missingUnits  for {@link Kind#UNITS}: the targeted units to add, more than zero; zero for
 *                      {@link Kind#AMOUNT}
 */
public record Hint(Subject subject, String id, Kind kind, @Nullable Money missingAmount, long missingUnits) {
    /** The {@link #id()} of a free-shipping hint, as the scenario format spells it. */
    public static final String SHIPPING_ID = "shipping";

    /**
     * Validates: the missing figure matches the kind and is more than zero.
     *
     * @param subject       not null; a {@link Subject#SHIPPING} hint is an {@link Kind#AMOUNT} hint with the id
     *                      {@link #SHIPPING_ID}
     * @param id            not null
     * @param kind          not null
     * @param missingAmount above zero for {@link Kind#AMOUNT}; null for {@link Kind#UNITS}
     * @param missingUnits  above zero for {@link Kind#UNITS}; zero for {@link Kind#AMOUNT}
     * @throws CartException {@code INVALID_INPUT} when a component breaks its rule
     */
    public Hint {
        Checks.notNull(subject, "hint subject");
        Checks.notNull(id, "hint id");
        Checks.notNull(kind, "hint kind");
        if (kind == Kind.AMOUNT) {
            if (missingAmount == null || missingAmount.minor() <= 0 || missingUnits != 0) {
                throw CartException.invalidInput("an amount hint needs a missing amount above zero and no units");
            }
        } else if (missingAmount != null || missingUnits <= 0) {
            throw CartException.invalidInput("a units hint needs missing units above zero and no amount");
        }
        if (subject == Subject.SHIPPING && (kind != Kind.AMOUNT || !id.equals(SHIPPING_ID))) {
            throw CartException.invalidInput("a shipping hint is an amount with the id " + SHIPPING_ID);
        }
    }

    /**
     * A promotion's amount threshold ({@code minSubtotal}) not reached.
     *
     * @param promotionId the promotion
     * @param missing     the amount to add, more than zero
     * @return the hint
     * @throws CartException {@code INVALID_INPUT} when an argument is null or {@code missing} is not
     *                       above zero
     */
    public static Hint amount(String promotionId, Money missing) {
        return new Hint(Subject.PROMOTION, promotionId, Kind.AMOUNT, missing, 0);
    }

    /**
     * A promotion's units threshold ({@code minQuantity}, or too few units for buy X get Y) not
     * reached.
     *
     * @param promotionId the promotion
     * @param missing     the targeted units to add, more than zero
     * @return the hint
     * @throws CartException {@code INVALID_INPUT} when the id is null or {@code missing} is not above zero
     */
    public static Hint units(String promotionId, long missing) {
        return new Hint(Subject.PROMOTION, promotionId, Kind.UNITS, null, missing);
    }

    /**
     * The selected shipping method's free-shipping threshold ({@code freeAbove}) not reached.
     *
     * @param missing the amount to add, more than zero
     * @return the hint
     * @throws CartException {@code INVALID_INPUT} when {@code missing} is null or not above zero
     */
    public static Hint freeShipping(Money missing) {
        return new Hint(Subject.SHIPPING, SHIPPING_ID, Kind.AMOUNT, missing, 0);
    }

    /** What a hint is about. */
    public enum Subject {
        /** A promotion that did not apply only because of a threshold. */
        PROMOTION,
        /** The selected shipping method's free-shipping threshold. */
        SHIPPING
    }

    /** What is missing. */
    public enum Kind {
        /** An amount of money ({@link #missingAmount()}). */
        AMOUNT,
        /** A number of targeted units ({@link #missingUnits()}). */
        UNITS
    }
}
