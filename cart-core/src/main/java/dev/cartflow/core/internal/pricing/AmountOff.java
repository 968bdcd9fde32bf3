package dev.cartflow.core.internal.pricing;

import dev.cartflow.model.Promotion;

/**
 * The {@code AMOUNT} action on lines: value times units ({@code UNIT}) or once per line
 * ({@code LINE}) on each targeted line; one amount allocated over them ({@code ORDER}, or scope
 * {@code ORDER}). A value too large for a {@code long} once multiplied saturates: a discount never
 * exceeds the amount it applies to, so it is cut to that amount instead of failing the cart.
 */
final class AmountOff {
    private AmountOff() {
    }

    /**
     * Writes each targeted line's discount, at most its running amount, to {@code out}, and records
     * their sum with {@link StepContext#gave}.
     *
     * @return the full discount before the zero floor, {@code Long.MAX_VALUE} when larger
     */
    static long apply(Promotion promotion, Promotion.Action.Amount action, long[] running, long[] out,
                      StepContext context) {
        Targeting targets = context.targeting();
        long value = action.amount().minor();
        int count = targets.count();
        if (promotion.target().scope() == Promotion.Scope.ORDER || action.per() == Promotion.Per.ORDER) {
            // what the targeting measured is the targeted lines' running amount, the weights' sum
            long targetedRunning = targets.measuredAmount();
            long given = Math.min(value, targetedRunning);
            Allocation.allocate(given, running, targetedRunning, out, context);
            context.gave(given); // the shares add up exactly to the amount allocated
            return value;
        }
        PricingLines lines = context.lines();
        boolean perUnit = action.per() == Promotion.Per.UNIT;
        long full = 0;
        long given = 0;
        for (int j = 0; j < count; j++) {
            int line = targets.line(j);
            long d = perUnit ? Arith.saturatedMultiply(value, lines.quantity(line)) : value;
            full = Arith.saturatedAdd(full, d);
            long share = Math.min(d, running[line]);
            out[line] = share;
            given += share; // at most the targeted lines' running amount, which fits
        }
        context.gave(given);
        return full;
    }
}
