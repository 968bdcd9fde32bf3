package dev.cartflow.core;

import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;

/**
 * A new guest cart and the secret token that proves ownership of it. The token is returned only
 * here; CartFlow keeps only its hash.
 *
 * @param cart  the cart
 * @param token the guest's secret token (give it to the guest, e.g. in an HttpOnly cookie)
 */
public record CreatedCart(Cart cart, String token) {
    /**
     * The actor to use for this guest's later operations.
     *
     * @return {@link Actor#guest(String)} with this token
     */
    public Actor actor() {
        return Actor.guest(token);
    }

    @Override
    public String toString() {
        return "CreatedCart[cart=" + cart.id() + ", token=***]";
    }
}
