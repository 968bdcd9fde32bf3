package dev.cartflow.core.internal.pipeline;

import dev.cartflow.core.internal.support.Failures;
import dev.cartflow.core.internal.support.GuestTokens;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CartOwner;
import dev.cartflow.model.CustomerId;
import dev.cartflow.spi.CartRepository;
import java.util.Optional;

/**
 * Who may act on which cart: a guest on its own guest cart with its token, a customer on its own
 * carts, support and services on any. A stranger cannot tell a missing cart from someone else's.
 */
public final class Access {
    private final CartRepository repository;

    /** Access to carts of this repository. */
    public Access(CartRepository repository) {
        this.repository = repository;
    }

    /** Whether the actor may act on any cart. */
    public static boolean privileged(Actor actor) {
        return actor instanceof Actor.Support || actor instanceof Actor.Service;
    }

    /** The stored cart, when the actor may act on it. */
    public Cart load(Actor actor, CartId id) {
        Failures.required(actor, "actor");
        Failures.required(id, "cart id");
        Optional<Cart> found = Failures.provider("repository", () -> repository.find(id));
        boolean privileged = privileged(actor);
        if (found.isEmpty()) {
            throw privileged ? new CartException(CartErrorCode.CART_NOT_FOUND, "no cart " + id) : Failures.denied();
        }
        Cart cart = found.get();
        if (privileged
                || actor instanceof Actor.Guest guest && cart.owner() instanceof CartOwner.Guest owner
                && GuestTokens.matches(guest.token(), owner.tokenHash())
                || actor instanceof Actor.Customer customer && cart.owner() instanceof CartOwner.Customer owner
                && owner.customerId().equals(customer.customerId())) {
            return cart;
        }
        throw Failures.denied();
    }

    /** Fails with {@code ACCESS_DENIED} unless the actor may act for this customer. */
    public static void authorizeCustomer(Actor actor, CustomerId customerId) {
        Failures.required(actor, "actor");
        Failures.required(customerId, "customer id");
        boolean allowed = privileged(actor)
                || actor instanceof Actor.Customer c && c.customerId().equals(customerId);
        if (!allowed) {
            throw Failures.denied();
        }
    }

    /** The customer's active cart as stored, if any. */
    public Optional<Cart> activeCartOf(CustomerId customerId) {
        return Failures.provider("repository", () -> repository.findActiveByCustomer(customerId));
    }
}
