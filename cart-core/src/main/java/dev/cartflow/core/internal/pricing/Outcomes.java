package dev.cartflow.core.internal.pricing;

import dev.cartflow.model.PromotionResult;
import java.util.Arrays;

/** What each promotion of a list did: its result, the discount it gave and why, by position. */
final class Outcomes {
    private static final Outcomes NONE = new Outcomes(0);

    private final PromotionResult[] results;
    private final long[] amounts;
    private final String[] reasons;
    /**
     * What the promotions whose thresholds were missed lack ({@link QualificationHints}), as triples
     * (position, missing amount, missing units); few promotions miss a threshold, so this is sparse,
     * and null while none does.
     */
    private long[] gaps;
    private int gapCount;

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
        if (gaps != null) {
            clearGap(i);
        }
    }

    /** Copies the outcome at {@code from} in {@code source} to position {@code to}, with what it lacks. */
    void copy(Outcomes source, int from, int to) {
        set(to, source.results[from], source.amounts[from], source.reasons[from]);
        int at = source.gapAt(from);
        if (at >= 0) {
            missing(to, source.gaps[at + 1], source.gaps[at + 2]);
        }
    }

    /** Records what the promotion at {@code i} lacks to qualify: an amount and units, zero for none. */
    void missing(int i, long amount, long units) {
        int at = gapAt(i);
        if (amount == 0 && units == 0) {
            if (at >= 0) {
                clearGap(i);
            }
            return;
        }
        if (at < 0) {
            if (gaps == null) {
                gaps = new long[6];
            } else if (gapCount * 3 == gaps.length) {
                gaps = Arrays.copyOf(gaps, gaps.length * 2);
            }
            at = gapCount++ * 3;
            gaps[at] = i;
        }
        gaps[at + 1] = amount;
        gaps[at + 2] = units;
    }

    /** The amount the promotion at {@code i} lacks to qualify, zero for none. */
    long missingAmount(int i) {
        int at = gapAt(i);
        return at < 0 ? 0 : gaps[at + 1];
    }

    /** The targeted units the promotion at {@code i} lacks to qualify, zero for none. */
    long missingUnits(int i) {
        int at = gapAt(i);
        return at < 0 ? 0 : gaps[at + 2];
    }

    /** True when some promotion lacks something. */
    boolean anyMissing() {
        return gapCount > 0;
    }

    private int gapAt(int i) {
        for (int at = 0; at < gapCount * 3; at += 3) {
            if (gaps[at] == i) {
                return at;
            }
        }
        return -1;
    }

    private void clearGap(int i) {
        int at = gapAt(i);
        if (at >= 0) {
            int last = --gapCount * 3;
            System.arraycopy(gaps, last, gaps, at, 3);
        }
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
