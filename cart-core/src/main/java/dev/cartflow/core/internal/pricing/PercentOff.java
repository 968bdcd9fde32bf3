package dev.cartflow.core.internal.pricing;

import dev.cartflow.model.Promotion;
import java.math.RoundingMode;

/**
 * The {@code PERCENT} action on lines: per targeted line and rounded per line for scope
 * {@code ITEMS}; of the targeted lines' total, rounded once and allocated, for scope {@code ORDER}.
 */
final class PercentOff {
    private PercentOff() {
    }

    /**
     * Writes each targeted line's discount, at most its running amount, to {@code out}, and records
     * their sum with {@link StepContext#gave}.
     *
     * @return the full discount before the zero floor
     */
    static long apply(Promotion promotion, Promotion.Action.Percent action, long[] running, long[] out,
                      StepContext context) {
        PricingLines lines = context.lines();
        Targeting targets = context.targeting();
        RoundingMode rounding = context.rounding();
        long num = action.fraction().unscaled();
        long den = Arith.pow10(action.fraction().scale());
        boolean original = promotion.basis() == Promotion.Basis.ORIGINAL;
        int count = targets.count();
        // a fraction of at most one of sums of line amounts: nothing here can overflow
        if (promotion.target().scope() == Promotion.Scope.ORDER) {
            // what the targeting measured is the targeted lines' running amount, the weights' sum
            long targetedRunning = targets.measuredAmount();
            long base = targetedRunning;
            if (original) {
                base = 0;
                for (int j = 0; j < count; j++) {
                    base += lines.original(targets.line(j));
                }
            }
            long full = Arith.mulDivRound(base, num, den, rounding);
            long given = Math.min(full, targetedRunning);
            Allocation.allocate(given, running, targetedRunning, out, context);
            context.gave(given); // the shares add up exactly to the amount allocated
            return full;
        }
        long full = 0;
        long given = 0;
        for (int j = 0; j < count; j++) {
            int line = targets.line(j);
            long d = Arith.mulDivRound(original ? lines.original(line) : running[line], num, den, rounding);
            full += d;
            long share = Math.min(d, running[line]);
            out[line] = share;
            given += share;
        }
        context.gave(given);
        return full;
    }
}
