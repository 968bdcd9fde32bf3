package dev.cartflow.core.internal.pricing;

import dev.cartflow.model.Promotion;

/** The {@code FIXED_PRICE} action: each targeted line costs the price per unit where that is lower. */
final class FixedPriceOff {
    private FixedPriceOff() {
    }

    /**
     * Writes each targeted line's discount to {@code out}, and records their sum, the total, with
     * {@link StepContext#gave}.
     *
     * @return the total discount
     */
    static long apply(Promotion.Action.FixedPrice action, long[] running, long[] out, StepContext context) {
        PricingLines lines = context.lines();
        Targeting targets = context.targeting();
        long price = action.unitPrice().minor();
        long full = 0;
        for (int j = 0; j < targets.count(); j++) {
            int line = targets.line(j);
            // a price times units beyond a long is above any running amount: no discount
            long d = Math.max(0, running[line] - Arith.saturatedMultiply(price, lines.quantity(line)));
            full += d;
            out[line] = d;
        }
        context.gave(full);
        return full;
    }
}
