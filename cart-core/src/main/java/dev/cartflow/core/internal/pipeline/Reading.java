package dev.cartflow.core.internal.pipeline;

import dev.cartflow.core.internal.rules.CartPricing;
import dev.cartflow.core.internal.snapshot.Snapshot;
import dev.cartflow.core.internal.support.Failures;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CartState;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.PricedCart;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The reads: a cart, the customer's active cart, a priced cart, the events since a version. */
public final class Reading {
    private final EngineConfig config;
    private final Access access;
    private final CartPricing pricing;

    /** Reads over these stages. */
    public Reading(EngineConfig config, Access access, CartPricing pricing) {
        this.config = config;
        this.access = access;
        this.pricing = pricing;
    }

    /** The cart as it reads now. */
    public Cart get(Actor actor, CartId id) {
        Cart stored = access.load(actor, id);
        return Lifecycle.present(stored, config.now());
    }

    /** The customer's active, unexpired cart. */
    public Optional<Cart> activeCart(Actor actor, CustomerId customerId) {
        Access.authorizeCustomer(actor, customerId);
        Instant now = config.now();
        return access.activeCartOf(customerId).map(c -> Lifecycle.present(c, now))
                .filter(c -> c.state() == CartState.ACTIVE);
    }

    /** The cart priced now, from one snapshot. */
    public PricedCart price(Actor actor, CartId id) {
        Cart stored = access.load(actor, id);
        Instant now = config.now();
        Cart cart = Lifecycle.present(stored, now);
        Snapshot snapshot = config.providers().open(cart, now, Snapshot.skusOf(cart), Snapshot.stockKeysOf(cart));
        return pricing.price(cart, snapshot);
    }

    /** The events after a version. */
    public List<CartEvent> changesSince(Actor actor, CartId id, long afterVersion) {
        access.load(actor, id);
        if (config.eventLog() == null) {
            throw new CartException(CartErrorCode.INTERNAL, "no CartEventLog is wired into this engine", null);
        }
        return Failures.provider("repository", () -> config.eventLog().eventsSince(id, afterVersion));
    }
}
