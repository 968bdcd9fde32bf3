package dev.cartflow.core.internal.pipeline;

import dev.cartflow.core.CreatedCart;
import dev.cartflow.core.NewCart;
import dev.cartflow.core.internal.residency.RegionGuard;
import dev.cartflow.core.residency.Region;
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
        checkRegion(spec);
        String token = tokens.newToken();
        Cart cart = stages.commit().run(true, now -> store(regional(stages.lifecycle().created(
                new CartOwner.Guest(GuestTokens.hash(token)), spec, now), spec), "guest", ChangeAuthor.OWNER));
        return new CreatedCart(cart, token);
    }

    /** A customer cart. */
    public Cart customer(Actor actor, CustomerId customerId, NewCart spec) {
        Failures.required(actor, "actor");
        Failures.required(customerId, "customer id");
        Failures.required(spec, "cart spec");
        stages.access().authorizeCustomer(actor, CartOperation.CREATE_CUSTOMER_CART, customerId);
        checkRegion(spec);
        return stages.commit().run(true, now -> {
            Cart created = regional(ProfileDefaults.apply(stages.lifecycle().created(
                    new CartOwner.Customer(customerId), spec, now), customerId, stages.config().providers().customers()),
                    spec);
            return store(created, "customer", ChangeAuthor.of(stages.config(), actor, created));
        });
    }

    /** An engine of a region creates carts only in it ({@code ACCESS_DENIED} otherwise). */
    private void checkRegion(NewCart spec) {
        Region home = stages.config().region();
        if (home != null) {
            RegionGuard.requireHome(home, spec.region());
        }
    }

    /**
     * The new cart in its region: the engine's, with an id carrying the region's code so that a
     * routing repository finds it from the id; without an engine region, the one the spec names.
     */
    private Cart regional(Cart created, NewCart spec) {
        Region home = stages.config().region();
        if (home == null) {
            return spec.region() == null ? created : created.toBuilder().region(spec.region()).build();
        }
        Cart c = created;
        return new Cart(home.newCartId(stages.config().random()), c.owner(), c.customerGroup(), c.currency(),
                c.country(), c.state(), c.version(), c.lines(), c.codes(), c.shippingMethod(), c.metadata(),
                c.createdAt(), c.updatedAt(), c.expiresAt(), c.abandonedAt(), home.name(), c.kind(), c.name(),
                c.shippingAddress(), c.billingCountry(), c.participants(), c.recovery(), c.freeze());
    }

    private Decision<Cart> store(Cart cart, String ownerKind, String by) {
        return Decision.write(cart, List.of(stages.publish().write(by, cart, 0,
                List.of(PendingEvent.of(CartEvent.Type.CREATED, "owner", ownerKind)), null)));
    }
}
