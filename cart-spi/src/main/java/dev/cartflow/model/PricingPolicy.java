package dev.cartflow.model;

import dev.cartflow.error.CartException;
import java.math.RoundingMode;

/**
 * How amounts are taxed and rounded.
 *
 * @param taxMode        whether prices are net or gross
 * @param taxCalculation whether tax is rounded per line or per unit
 * @param rounding       HALF_EVEN, HALF_UP or HALF_DOWN, used for every rounding to the minor unit
 */
public record PricingPolicy(TaxMode taxMode, TaxCalculation taxCalculation, RoundingMode rounding) {
    /** Net prices, tax per line, banker's rounding. */
    public static final PricingPolicy DEFAULT =
            new PricingPolicy(TaxMode.EXCLUSIVE, TaxCalculation.LINE, RoundingMode.HALF_EVEN);

    /**
     * Validates.
     *
     * @param taxMode        not null
     * @param taxCalculation not null
     * @param rounding       {@code HALF_EVEN}, {@code HALF_UP} or {@code HALF_DOWN}
     * @throws CartException {@code INVALID_INPUT} when a component is null or the rounding is another mode
     */
    public PricingPolicy {
        Checks.notNull(taxMode, "tax mode");
        Checks.notNull(taxCalculation, "tax calculation");
        Checks.notNull(rounding, "rounding");
        if (rounding != RoundingMode.HALF_EVEN && rounding != RoundingMode.HALF_UP
                && rounding != RoundingMode.HALF_DOWN) {
            throw CartException.invalidInput("rounding must be HALF_EVEN, HALF_UP or HALF_DOWN");
        }
    }

    /** Whether prices contain tax. */
    public enum TaxMode {
        /** Prices are net; tax is added. */
        EXCLUSIVE,
        /** Prices are gross; tax is contained. */
        INCLUSIVE
    }

    /** Where tax is rounded. */
    public enum TaxCalculation {
        /** On each line's discounted amount, once per line and rate. */
        LINE,
        /** On each unit (the line split by largest remainder), then summed. */
        UNIT
    }
}
