package dev.cartflow.core.internal.pricing;

import dev.cartflow.model.PromotionResult;

/** What each promotion of a list did: its result, the discount it gave and why, by position. */
final class Outcomes {
    private static final Outcomes NONE = new Outcomes(0);

    private final PromotionResult[] results;
    private final long[] amounts;
    private final String[] reasons;
    /** What each promotion's thresholds lack ({@link QualificationGaps}); null while none lacks anything. */
    private long[] missingAmounts;
    private long[] missingUnits;

    /** Room for the outcomes of {@code promotions} promotions. */
    static Outcomes of(int promotions) {
        // without promotions there is nothing to record, so one shared instance serves every call
        return promotions == 0 ? NONE : new Outcomes(promotions);
    }

    private Outcomes(int promotions) {
        results = new PromotionResult[promotions];
        amounts = new long[promotions];
        reasons = new String[promotions];
    }

    void set(int i, PromotionResult result, long amount, String reason) {
        results[i] = result;
        amounts[i] = amount;
        reasons[i] = reason;
        if (missingUnits != null) {
            missingAmounts[i] = 0;
            missingUnits[i] = 0;
        }
    }

    /** Copies the outcome at {@code from} in {@code source} to position {@code to}, with what it lacks. */
    void copy(Outcomes source, int from, int to) {
        set(to, source.results[from], source.amounts[from], source.reasons[from]);
        if (source.missingUnits != null) {
            missing(to, source.missingAmounts[from], source.missingUnits[from]);
        }
    }

    /** Records what the promotion at {@code i} lacks to qualify: an amount and units, zero for none. */
    void missing(int i, long amount, long units) {
        if (amount == 0 && units == 0 && missingUnits == null) {
            return;
        }
        if (missingUnits == null) {
            missingAmounts = new long[results.length];
            missingUnits = new long[results.length];
        }
        missingAmounts[i] = amount;
        missingUnits[i] = units;
    }

    /** The amount the promotion at {@code i} lacks to qualify, zero for none. */
    long missingAmount(int i) {
        return missingAmounts == null ? 0 : missingAmounts[i];
    }

    /** The targeted units the promotion at {@code i} lacks to qualify, zero for none. */
    long missingUnits(int i) {
        return missingUnits == null ? 0 : missingUnits[i];
    }

    PromotionResult result(int i) {
        return results[i];
    }

    long amount(int i) {
        return amounts[i];
    }

    String reason(int i) {
        return reasons[i];
    }

    /** True when something was recorded at {@code i}. */
    boolean decided(int i) {
        return results[i] != null;
    }
}
