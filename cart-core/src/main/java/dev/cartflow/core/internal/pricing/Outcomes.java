package dev.cartflow.core.internal.pricing;

import dev.cartflow.model.PromotionResult;

/** What each promotion of a list did: its result, the discount it gave and why, by position. */
final class Outcomes {
    private static final Outcomes NONE = new Outcomes(0);

    private final PromotionResult[] results;
    private final long[] amounts;
    private final String[] reasons;

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
    }

    /** Copies the outcome at {@code from} in {@code source} to position {@code to}. */
    void copy(Outcomes source, int from, int to) {
        set(to, source.results[from], source.amounts[from], source.reasons[from]);
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
