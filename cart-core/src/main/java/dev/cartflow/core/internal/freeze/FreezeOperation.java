package dev.cartflow.core.internal.freeze;

import dev.cartflow.core.Mutation;
import dev.cartflow.core.internal.pipeline.ChangeAuthor;
import dev.cartflow.core.internal.pipeline.Access;
import dev.cartflow.core.internal.pipeline.Decision;
import dev.cartflow.core.internal.pipeline.Lifecycle;
import dev.cartflow.core.internal.pipeline.Stages;
import dev.cartflow.core.internal.snapshot.Snapshot;
import dev.cartflow.core.internal.support.Failures;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CartOperation;
import dev.cartflow.model.PricedCart;
import java.time.Duration;
import java.util.List;

/**
 * {@code freeze} and {@code unfreeze}: access, snapshot, pricing, one versioned write, events.
 * Freezing a frozen cart, or unfreezing one that is not frozen, changes nothing and returns it, so
 * a repeated call is harmless without an idempotency record.
 */
public final class FreezeOperation {
    private final Stages stages;

    /** Freezing over these stages. */
    public FreezeOperation(Stages stages) {
        this.stages = stages;
    }

    /**
     * How long a freeze asked for lasts: the configured default when none is named.
     *
     * @param requested the caller's duration, or null
     * @return the duration
     * @throws CartException {@code INVALID_INPUT} when it is not positive or longer than the maximum
     */
    public Duration duration(Duration requested) {
        var settings = stages.config().freezeAndRecovery();
        if (requested == null) {
            return settings.defaultFreeze();
        }
        if (requested.isNegative() || requested.isZero() || requested.compareTo(settings.maxFreeze()) > 0) {
            throw CartException.invalidInput("a freeze must last more than nothing and at most "
                    + settings.maxFreeze());
        }
        return requested;
    }

    /**
     * Freezes an active cart with lines for {@code duration}, with its figures now.
     *
     * @param actor    who asks
     * @param id       the cart
     * @param duration how long (already checked by {@link #duration})
     * @param mutation expected version
     * @return the frozen cart
     */
    public Cart freeze(Actor actor, CartId id, Duration duration, Mutation mutation) {
        Access.Permit permit = stages.access().authorize(actor, CartOperation.FREEZE, id);
        return stages.commit().run(CartOperation.FREEZE, mutation.expectedVersion() != null, now -> {
            Cart stored = stages.access().load(permit, id);
            Cart current = Lifecycle.requireActive(stored, now, mutation);
            if (FreezeRule.inForce(current, now)) {
                return Decision.answer(current);
            }
            if (current.lines().isEmpty()) {
                throw CartException.invalidInput("an empty cart cannot be frozen");
            }
            Snapshot snapshot = stages.config().providers().open(current, stages.access().usageOwner(actor, current),
                    now, Snapshot.skusOf(current), Snapshot.stockKeysOf(current));
            PricedCart priced = snapshot.flag(stages.pricing().price(current, snapshot));
            if (!priced.allLinesPriced()) {
                throw new CartException(CartErrorCode.PRODUCT_NOT_FOUND,
                        "a line's product or price is missing: the cart cannot be frozen");
            }
            if (!stages.config().checkoutWithFallbacks() && !snapshot.moneyFallbacks().isEmpty()) {
                // The frozen figures are what checkout charges: never a stale or default price.
                throw CartException.providerUnavailable("freeze refused: figures from fallbacks of "
                        + snapshot.moneyFallbacks(), null);
            }
            Cart next = stages.lifecycle().changed(FreezeRule.frozen(current, priced, now, duration), now);
            return Decision.write(next, List.of(stages.publish().write(ChangeAuthor.of(stages.config(), actor, stored), next, stored.version(),
                    FreezeRule.withEnded(stored, List.of(FreezeRule.frozenEvent(next.freeze())), now), null)));
        });
    }

    /**
     * Ends a cart's freeze (one in force, or one that ended on its own and is still stored).
     *
     * @param actor    who asks
     * @param id       the cart
     * @param mutation expected version
     * @return the cart, unfrozen
     */
    public Cart unfreeze(Actor actor, CartId id, Mutation mutation) {
        Failures.required(mutation, "mutation");
        Access.Permit permit = stages.access().authorize(actor, CartOperation.UNFREEZE, id);
        return stages.commit().run(CartOperation.UNFREEZE, mutation.expectedVersion() != null, now -> {
            Cart stored = stages.access().load(permit, id);
            Cart current = Lifecycle.requireActive(stored, now, mutation);
            if (stored.freeze() == null) {
                return Decision.answer(current);
            }
            String reason = FreezeRule.inForce(stored, now) ? "REQUESTED" : "EXPIRED";
            Cart next = stages.lifecycle().changed(stored.toBuilder().freeze(null).build(), now);
            return Decision.write(next, List.of(stages.publish().write(ChangeAuthor.of(stages.config(), actor, stored), next, stored.version(),
                    List.of(FreezeRule.unfrozen(stored.freeze(), reason)), null)));
        });
    }
}
