package dev.cartflow.model;

import java.time.Instant;

/**
 * A cart frozen before payment: its lines are locked and its figures fixed until {@link #until()}.
 *
 * @param frozenAt when it was frozen
 * @param until    when the freeze ends on its own
 * @param figures  the priced cart at the moment of freezing, whose figures a checkout of the frozen
 *                 cart uses
 */
public record CartFreeze(Instant frozenAt, Instant until, PricedCart figures) {
    /**
     * Validates.
     *
     * @param frozenAt not null
     * @param until    strictly after {@code frozenAt}
     * @param figures  not null
     * @throws dev.cartflow.error.CartException {@code INVALID_INPUT} when a component is null or {@code until}
     *                                          is not after {@code frozenAt}
     */
    public CartFreeze {
        Checks.notNull(frozenAt, "frozen at");
        Checks.notNull(until, "frozen until");
        Checks.notNull(figures, "frozen figures");
        if (!until.isAfter(frozenAt)) {
            throw dev.cartflow.error.CartException.invalidInput("a freeze must end after it starts");
        }
    }
}
