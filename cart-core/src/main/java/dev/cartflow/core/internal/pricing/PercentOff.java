package dev.cartflow.core.internal.pricing;

import dev.cartflow.model.Promotion;
import java.math.RoundingMode;

/**
 * The {@code PERCENT} action on lines: per targeted line and rounded per line for scope
 * {@code ITEMS}; of the targeted lines' total, rounded once and allocated, for scope {@code ORDER}.
 */
final class PercentOff {
    private final PricingLines lines;
    private final Allocation allocation;
    private final RoundingMode rounding;

    PercentOff(PricingLines lines, Allocation allocation, RoundingMode rounding) {
        this.lines = lines;
        this.allocation = allocation;
        this.rounding = rounding;
    }

    /**
     * Writes each targeted line's discount, at most its running amount, to {@code out}.
     *
     * @return the full discount before the zero floor
     */
    long apply(Promotion promotion, Promotion.Action.Percent action, Targeting targets, LineAmounts running,
               LineAmounts out) {
        long num = action.fraction().unscaled();
        long den = Arith.pow10(action.fraction().scale());
        boolean original = promotion.basis() == Promotion.Basis.ORIGINAL;
        int count = targets.count();
        // a fraction of at most one of sums of line amounts: nothing here can overflow
        if (promotion.target().scope() == Promotion.Scope.ORDER) {
            long base = 0;
            long targetedRunning = 0;
            for (int j = 0; j < count; j++) {
                int line = targets.line(j);
                base += original ? lines.original(line) : running.get(line);
                targetedRunning += running.get(line);
            }
            long full = Arith.mulDivRound(base, num, den, rounding);
            allocation.allocate(Math.min(full, targetedRunning), targets, running, out);
            return full;
        }
        long full = 0;
        for (int j = 0; j < count; j++) {
            int line = targets.line(j);
            long d = Arith.mulDivRound(original ? lines.original(line) : running.get(line), num, den, rounding);
            full += d;
            out.set(line, Math.min(d, running.get(line)));
        }
        return full;
    }
}
