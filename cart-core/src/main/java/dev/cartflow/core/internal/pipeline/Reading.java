package dev.cartflow.core.internal.pipeline;

import dev.cartflow.core.internal.freeze.FreezeRule;
import dev.cartflow.core.internal.snapshot.Snapshot;
import dev.cartflow.core.internal.support.Failures;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CartOperation;
import dev.cartflow.model.CartState;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.PricedCart;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The reads: a cart, the customer's active cart, a priced cart, the events since a version. */
public final class Reading {
    private final Stages stages;

    /** Reads over these stages. */
    public Reading(Stages stages) {
        this.stages = stages;
    }

    /** The cart as it reads now. */
    public Cart get(Actor actor, CartId id) {
        Cart stored = stages.access().load(stages.access().authorize(actor, CartOperation.GET, id), id);
        return Lifecycle.present(stored, stages.config().now());
    }

    /** The customer's active, unexpired cart. */
    public Optional<Cart> activeCart(Actor actor, CustomerId customerId) {
        stages.access().authorizeCustomer(actor, CartOperation.ACTIVE_CART, customerId);
        Instant now = stages.config().now();
        return stages.access().activeCartOf(customerId).map(c -> Lifecycle.present(c, now))
                .filter(c -> c.state() == CartState.ACTIVE);
    }

    /** The cart priced now, from one snapshot. */
    public PricedCart price(Actor actor, CartId id) {
        Cart stored = stages.access().load(stages.access().authorize(actor, CartOperation.PRICE, id), id);
        Instant now = stages.config().now();
        Cart cart = Lifecycle.present(stored, now);
        Optional<PricedCart> frozen = FreezeRule.figures(cart, now);
        if (frozen.isPresent()) {
            return frozen.get();
        }
        Snapshot snapshot = stages.config().providers().open(cart, stages.access().usageOwner(actor, cart), now,
                Snapshot.skusOf(cart), Snapshot.stockKeysOf(cart));
        return snapshot.flag(stages.pricing().price(cart, snapshot));
    }

    /** The events after a version. */
    public List<CartEvent> changesSince(Actor actor, CartId id, long afterVersion) {
        stages.access().load(stages.access().authorize(actor, CartOperation.CHANGES_SINCE, id), id);
        if (stages.config().eventLog() == null) {
            throw new CartException(CartErrorCode.INTERNAL, "no CartEventLog is wired into this engine", null);
        }
        return Failures.provider("repository", () -> stages.config().eventLog().eventsSince(id, afterVersion));
    }
}
