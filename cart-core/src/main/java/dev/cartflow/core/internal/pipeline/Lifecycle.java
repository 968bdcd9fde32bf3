package dev.cartflow.core.internal.pipeline;

import dev.cartflow.core.Mutation;
import dev.cartflow.core.NewCart;
import dev.cartflow.core.internal.freeze.FreezeRule;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CartOwner;
import dev.cartflow.model.CartState;
import dev.cartflow.model.CustomerId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Every lifecycle transition of a cart, and only here: each stored change makes version + 1.
 * A change by the shopper also moves {@code updatedAt}, renews the time to live of the owner and
 * clears the abandoned mark; closing transitions (merged, checked out, expired) and the abandoned
 * mark do not extend the cart's life.
 */
public final class Lifecycle {
    private final Duration guestTtl;
    private final Duration customerTtl;

    /** Transitions with these times to live. */
    public Lifecycle(Duration guestTtl, Duration customerTtl) {
        this.guestTtl = guestTtl;
        this.customerTtl = customerTtl;
    }

    /** A new, empty, active cart at version 1. */
    public Cart created(CartOwner owner, NewCart spec, Instant now) {
        return new Cart(CartId.random(), owner, spec.customerGroup(), spec.currency(), spec.country(),
                CartState.ACTIVE, 1, List.of(), List.of(), null, "{}", now, now, now.plus(ttl(owner)), null);
    }

    /** The cart as it reads at {@code now}: an active cart past its expiry reads as expired. */
    public static Cart present(Cart cart, Instant now) {
        if (cart.state() == CartState.ACTIVE && now.isAfter(cart.expiresAt())) {
            return cart.toBuilder().state(CartState.EXPIRED).build();
        }
        return cart;
    }

    /**
     * The cart as read now, if it is active, not frozen and at the expected version; the errors in
     * precedence order ({@code CART_NOT_ACTIVE}, also for a frozen cart, before {@code VERSION_CONFLICT}).
     */
    public static Cart requireChangeable(Cart stored, Instant now, Mutation mutation) {
        return requireActive(stored, now, mutation, true);
    }

    /**
     * As {@link #requireChangeable}, but a frozen cart passes: for its checkout, its unfreeze and the
     * operations that change no line, code or price (dev.cartflow.core.internal.freeze.FreezeRule).
     */
    public static Cart requireActive(Cart stored, Instant now, Mutation mutation) {
        return requireActive(stored, now, mutation, false);
    }

    private static Cart requireActive(Cart stored, Instant now, Mutation mutation, boolean unfrozen) {
        Cart current = present(stored, now);
        if (current.state() != CartState.ACTIVE) {
            throw new CartException(CartErrorCode.CART_NOT_ACTIVE, "cart is " + current.state());
        }
        if (unfrozen) {
            FreezeRule.requireUnlocked(current, now);
        }
        if (mutation.expectedVersion() != null && mutation.expectedVersion() != stored.version()) {
            throw CartException.versionConflict(stored.version(),
                    "cart is at version " + stored.version() + ", not " + mutation.expectedVersion());
        }
        return current;
    }

    /**
     * A change by its owner: next version, touched now, life renewed, abandoned mark cleared, a
     * freeze that is over dropped.
     */
    public Cart changed(Cart derived, Instant now) {
        return derived.toBuilder().version(derived.version() + 1).updatedAt(now)
                .expiresAt(now.plus(ttl(derived.owner()))).abandonedAt(null)
                .freeze(FreezeRule.kept(derived, now)).build();
    }

    /** A guest cart that becomes the customer's because the customer had no active cart. */
    public Cart adopted(Cart guest, CustomerId customerId, Instant now) {
        return changed(guest.toBuilder().owner(new CartOwner.Customer(customerId)).build(), now);
    }

    /** A guest cart merged into a customer cart. */
    public Cart merged(Cart guest, Instant now) {
        return guest.toBuilder().state(CartState.MERGED).version(guest.version() + 1).updatedAt(now).build();
    }

    /** A cart frozen by its checkout. */
    public Cart checkedOut(Cart cart, Instant now) {
        return cart.toBuilder().state(CartState.CHECKED_OUT).version(cart.version() + 1).updatedAt(now).build();
    }

    /** An active cart past its expiry, stored as expired before it is purged. */
    public Cart expired(Cart cart, Instant now) {
        return cart.toBuilder().state(CartState.EXPIRED).version(cart.version() + 1).updatedAt(now).build();
    }

    /** An idle cart marked abandoned; not a change by the shopper, so its life is not extended. */
    public Cart abandoned(Cart cart, Instant now) {
        return cart.toBuilder().abandonedAt(now).version(cart.version() + 1).build();
    }

    private Duration ttl(CartOwner owner) {
        return owner instanceof CartOwner.Guest ? guestTtl : customerTtl;
    }

    /**
     * A cart stored again as it is, for a storage concern (key rotation): next version only; not a
     * change by the shopper, so neither its life nor its abandoned mark changes.
     */
    public Cart rewritten(Cart cart) {
        return cart.toBuilder().version(cart.version() + 1).build();
    }
}
