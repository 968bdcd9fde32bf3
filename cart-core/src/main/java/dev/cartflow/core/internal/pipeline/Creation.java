package dev.cartflow.core.internal.pipeline;

import dev.cartflow.core.CreatedCart;
import dev.cartflow.core.NewCart;
import dev.cartflow.core.internal.rules.PendingEvent;
import dev.cartflow.core.internal.support.Failures;
import dev.cartflow.core.internal.support.GuestTokens;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.CartOperation;
import dev.cartflow.model.CartOwner;
import dev.cartflow.model.CustomerId;
import java.util.List;

/** Creating carts: a guest cart with its secret token, or a customer cart. */
public final class Creation {
    private final Stages stages;
    private final GuestTokens tokens;

    /** Creation over these stages. */
    public Creation(Stages stages) {
        this.stages = stages;
        this.tokens = new GuestTokens(stages.config().random());
    }

    /** A guest cart and its token (only the token's hash is stored). */
    public CreatedCart guest(NewCart spec) {
        Failures.required(spec, "cart spec");
        stages.access().authorizeGuestCreation();
        String token = tokens.newToken();
        Cart cart = stages.commit().run(true, now -> store(stages.lifecycle().created(
                new CartOwner.Guest(GuestTokens.hash(token)), spec, now), "guest"));
        return new CreatedCart(cart, token);
    }

    /** A customer cart. */
    public Cart customer(Actor actor, CustomerId customerId, NewCart spec) {
        Failures.required(actor, "actor");
        Failures.required(customerId, "customer id");
        Failures.required(spec, "cart spec");
        stages.access().authorizeCustomer(actor, CartOperation.CREATE_CUSTOMER_CART, customerId);
        return stages.commit().run(true, now -> store(stages.lifecycle().created(new CartOwner.Customer(customerId), spec, now),
                "customer"));
    }

    private Decision<Cart> store(Cart cart, String ownerKind) {
        return Decision.write(cart, List.of(stages.publish().write(cart, 0,
                List.of(PendingEvent.of(CartEvent.Type.CREATED, "owner", ownerKind)), null)));
    }
}
