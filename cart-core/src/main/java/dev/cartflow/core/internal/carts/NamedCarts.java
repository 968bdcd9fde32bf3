package dev.cartflow.core.internal.carts;

import dev.cartflow.core.NewCart;
import dev.cartflow.core.internal.pipeline.ChangeAuthor;
import dev.cartflow.core.internal.pipeline.Decision;
import dev.cartflow.core.internal.pipeline.Lifecycle;
import dev.cartflow.core.internal.pipeline.Stages;
import dev.cartflow.core.internal.residency.RegionGuard;
import dev.cartflow.core.internal.rules.PendingEvent;
import dev.cartflow.core.internal.support.Failures;
import dev.cartflow.core.residency.Region;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CartKind;
import dev.cartflow.model.CartOperation;
import dev.cartflow.model.CartOwner;
import dev.cartflow.model.CartState;
import dev.cartflow.model.CustomerId;
import dev.cartflow.spi.CustomerCarts;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A customer's named carts (saved for later, wish lists) beside the shopping cart: creating one
 * once per (customer, kind, name), finding one by kind and name, and listing every cart of a
 * customer through the repository's {@link CustomerCarts} capability.
 *
 * <p>Creating is "find or create": the id is derived ({@link NamedCartIds}), so a second creation
 * (also one racing on another instance with the same pseudonym key) finds the first cart, or meets
 * a version conflict on the first one's write and then finds it. A named cart that expired is made
 * afresh under the same id at its next version. The spec applies only when the cart is made.
 */
public final class NamedCarts {
    private final Stages stages;
    private final NamedCartIds ids;

    /** Named carts over these stages. */
    public NamedCarts(Stages stages) {
        this.stages = stages;
        this.ids = new NamedCartIds(stages.config().pseudonyms(), stages.config().region());
    }

    /**
     * The customer's active named cart of this kind and name, made now if there is none.
     *
     * @param actor      the customer itself, support or a service
     * @param customerId the owner
     * @param kind       {@code SAVED_FOR_LATER} or {@code WISH_LIST}
     * @param name       its name, checked by the caller
     * @param spec       currency, country and group of a cart made now
     * @return the cart
     */
    public Cart create(Actor actor, CustomerId customerId, CartKind kind, String name, NewCart spec) {
        stages.access().authorizeCustomer(actor, CartOperation.CREATE_NAMED_CART, customerId);
        Region home = stages.config().region();
        if (home != null) {
            RegionGuard.requireHome(home, spec.region());
        }
        CartId id = ids.of(customerId, kind, name);
        return stages.commit().run(CartOperation.CREATE_NAMED_CART, false, now -> {
            Optional<Cart> stored = find(id);
            if (stored.isPresent()) {
                Cart existing = owned(stored.get(), customerId, kind, name);
                Cart present = Lifecycle.present(existing, now);
                if (present.state() == CartState.ACTIVE) {
                    return Decision.answer(present);
                }
                return made(actor, id, customerId, kind, name, spec, now, existing.version());
            }
            Optional<Cart> listed = listed(customerId, kind, name, now);
            if (listed.isPresent()) {
                return Decision.answer(listed.get());
            }
            return made(actor, id, customerId, kind, name, spec, now, 0);
        });
    }

    /**
     * The customer's active, unexpired named cart of this kind and name.
     *
     * @param actor      the customer itself, support or a service
     * @param customerId the owner
     * @param kind       the kind
     * @param name       the name, checked by the caller
     * @return the cart, or empty
     */
    public Optional<Cart> find(Actor actor, CustomerId customerId, CartKind kind, String name) {
        stages.access().authorizeCustomer(actor, CartOperation.CUSTOMER_CARTS, customerId);
        Instant now = stages.config().now();
        Optional<Cart> derived = find(ids.of(customerId, kind, name))
                .map(c -> Lifecycle.present(owned(c, customerId, kind, name), now))
                .filter(c -> c.state() == CartState.ACTIVE);
        return derived.isPresent() ? derived : listed(customerId, kind, name, now);
    }

    /**
     * Every active, unexpired cart of the customer, of every kind, most recently updated first.
     *
     * @param actor      the customer itself, support or a service
     * @param customerId the owner
     * @return the carts
     * @throws CartException {@code INTERNAL} when the repository cannot list a customer's carts
     */
    public List<Cart> list(Actor actor, CustomerId customerId) {
        stages.access().authorizeCustomer(actor, CartOperation.CUSTOMER_CARTS, customerId);
        CustomerCarts carts = stages.config().customerCarts();
        if (carts == null) {
            // Like an engine without an event log asked for changes: the wiring's fault, not the caller's.
            throw new CartException(CartErrorCode.INTERNAL,
                    "the repository of this engine cannot list a customer's carts (it is no CustomerCarts)", null);
        }
        Instant now = stages.config().now();
        List<Cart> found = Failures.provider("repository", () -> carts.cartsOf(customerId));
        if (found == null) {
            throw CartException.providerUnavailable("the repository listed no carts (null)", null);
        }
        return found.stream()
                .filter(c -> c.customerId().filter(customerId::equals).isPresent())
                .map(c -> Lifecycle.present(c, now))
                .filter(c -> c.state() == CartState.ACTIVE)
                .sorted(Comparator.comparing(Cart::updatedAt).reversed().thenComparing(c -> c.id().toString()))
                .toList();
    }

    private Optional<Cart> find(CartId id) {
        Optional<Cart> found = Failures.provider("repository", () -> stages.config().repository().find(id));
        if (found == null) {
            throw CartException.providerUnavailable("the repository answered null", null);
        }
        return found;
    }

    /**
     * A cart made under another pseudonym key (an instance without a configured key, restarted),
     * found by listing when the repository can; only a repository that lists is asked.
     */
    private Optional<Cart> listed(CustomerId customerId, CartKind kind, String name, Instant now) {
        CustomerCarts carts = stages.config().customerCarts();
        if (carts == null) {
            return Optional.empty();
        }
        List<Cart> found = Failures.provider("repository", () -> carts.cartsOf(customerId));
        if (found == null) {
            throw CartException.providerUnavailable("the repository listed no carts (null)", null);
        }
        return found.stream()
                .filter(c -> c.kind() == kind && name.equals(c.name())
                        && c.customerId().filter(customerId::equals).isPresent())
                .map(c -> Lifecycle.present(c, now))
                .filter(c -> c.state() == CartState.ACTIVE)
                .max(Comparator.comparing(Cart::updatedAt));
    }

    /** The cart at a derived id is the customer's named cart, or our derivation is broken. */
    private static Cart owned(Cart cart, CustomerId customerId, CartKind kind, String name) {
        if (cart.kind() != kind || !name.equals(cart.name())
                || !cart.customerId().filter(customerId::equals).isPresent()) {
            throw CartException.internal("the cart at a named cart's id is another cart", null);
        }
        return cart;
    }

    private Decision<Cart> made(Actor actor, CartId id, CustomerId customerId, CartKind kind, String name, NewCart spec,
                                Instant now, long replacedVersion) {
        Cart c = stages.lifecycle().created(new CartOwner.Customer(customerId), spec, now);
        Region home = stages.config().region();
        String region = home != null ? home.name() : spec.region();
        Cart cart = new Cart(id, c.owner(), c.customerGroup(), c.currency(), c.country(), c.state(),
                replacedVersion + 1, c.lines(), c.codes(), c.shippingMethod(), c.metadata(), c.createdAt(),
                c.updatedAt(), c.expiresAt(), c.abandonedAt(), region).toBuilder().kind(kind).name(name).build();
        return Decision.write(cart, List.of(stages.publish().write(ChangeAuthor.of(stages.config(), actor, cart), cart, replacedVersion,
                List.of(PendingEvent.of(CartEvent.Type.CREATED, "owner", "customer", "kind", kind.name())), null)));
    }
}
