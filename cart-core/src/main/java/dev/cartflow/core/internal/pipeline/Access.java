package dev.cartflow.core.internal.pipeline;

import dev.cartflow.core.internal.rules.ParticipantRules;
import dev.cartflow.core.internal.support.Failures;
import dev.cartflow.core.internal.support.GuestTokens;
import dev.cartflow.core.security.SecurityPolicy;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CartOperation;
import dev.cartflow.model.CartOwner;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.Participant;
import dev.cartflow.spi.AuditEvent;
import dev.cartflow.spi.CartRepository;
import dev.cartflow.spi.UsageLimits;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The access stage: may this actor run this operation ({@link Permissions}: roles, grants, guest
 * policies), and on this cart (ownership: a guest on its own guest cart with its token, a customer
 * on its own carts, a participant on the shared cart its live invitation is for, as its role allows,
 * support and services on any)? A stranger cannot tell a missing cart from
 * someone else's. Privileged actions are recorded in the audit trail before they are done, once per
 * operation, and every denial is recorded too ({@link Audit}).
 *
 * <p>Each operation first validates its arguments, then asks for a {@link Permit} (so a role check
 * never hides an invalid argument), then loads its carts with it.
 */
public final class Access {
    static final String TOKEN = "TOKEN";
    static final String FOREIGN_CART = "FOREIGN_CART";
    static final String FOREIGN_CUSTOMER = "FOREIGN_CUSTOMER";
    static final String NO_CART = "NO_CART";

    private final CartRepository repository;
    private final SecurityPolicy policy;
    private final Permissions permissions;
    private final Audit audit;
    private final EngineConfig config;

    /** Access to the carts of this engine's repository under its security policy. */
    public Access(EngineConfig config) {
        this.repository = config.repository();
        this.policy = config.security();
        this.permissions = new Permissions(config.security());
        this.audit = new Audit(config);
        this.config = config;
    }

    /**
     * One operation's permission to proceed: who asked, for what, and whether its privileged access
     * is already recorded (an operation may load its cart again after a version conflict). Used by
     * one thread, for one call.
     */
    public static final class Permit {
        private final Actor actor;
        private final Actor audited;
        private final CartOperation operation;
        private boolean recorded;

        private Permit(Actor actor, Actor audited, CartOperation operation, boolean recorded) {
            this.actor = actor;
            this.audited = audited;
            this.operation = operation;
            this.recorded = recorded;
        }

        /** The operation permitted. */
        public CartOperation operation() {
            return operation;
        }

        /**
         * The same permit proving ownership as another actor (a customer merging a guest cart with
         * its token), still audited as the one who asked.
         *
         * @param owner the actor whose carts may be loaded
         * @return the permit
         */
        public Permit as(Actor owner) {
            Permit permit = new Permit(owner, audited, operation, recorded);
            // Privileged accesses are recorded once, on the permit the operation was given.
            permit.recorded = true;
            return permit;
        }
    }

    /** Whether the actor may act on any cart. */
    public static boolean privileged(Actor actor) {
        return actor instanceof Actor.Support || actor instanceof Actor.Service;
    }

    /**
     * Checks role, grant and guest policy of an operation on a cart, before anything is read.
     *
     * @param actor     who asks
     * @param operation what
     * @param cartId    the cart it is for
     * @return the permit to load the cart with
     * @throws CartException {@code INVALID_INPUT} when the actor or cart id is null (before any role
     *                       check), {@code ACCESS_DENIED} when the actor may not run the operation
     */
    public Permit authorize(Actor actor, CartOperation operation, CartId cartId) {
        Failures.required(actor, "actor");
        Failures.required(cartId, "cart id");
        String refusal = permissions.refusal(actor, operation);
        if (refusal != null) {
            audit.denied(actor, operation, cartId, null, refusal);
            throw Failures.denied();
        }
        return new Permit(actor, actor, operation, !privileged(actor) && !(actor instanceof Actor.Participant));
    }

    /**
     * Checks that the actor may run an operation for this customer (role and grant, then: the
     * customer itself, support or a service), and records a privileged one.
     *
     * @param actor      who asks
     * @param operation  what
     * @param customerId for whom
     * @return the permit to load the customer's carts with (its access is already recorded)
     * @throws CartException {@code ACCESS_DENIED} when not allowed, {@code PROVIDER_UNAVAILABLE} when a
     *                       privileged access cannot be recorded
     */
    public Permit authorizeCustomer(Actor actor, CartOperation operation, CustomerId customerId) {
        Failures.required(actor, "actor");
        Failures.required(customerId, "customer id");
        String subject = audit.subject(customerId);
        String refusal = permissions.refusal(actor, operation);
        if (refusal == null && !privileged(actor)
                && !(actor instanceof Actor.Customer c && c.customerId().equals(customerId))) {
            refusal = FOREIGN_CUSTOMER;
        }
        if (refusal != null) {
            audit.denied(actor, operation, null, subject, refusal);
            throw Failures.denied();
        }
        if (privileged(actor)) {
            audit.allowed(actor, operation, null, subject, Permissions.allowance(actor, operation));
        }
        return new Permit(actor, actor, operation, true);
    }

    /**
     * Checks that guest carts may be created.
     *
     * @throws CartException {@code ACCESS_DENIED} when the policy denies guests {@code CREATE_GUEST_CART}
     */
    public void authorizeGuestCreation() {
        if (!permissions.guestCartsAllowed()) {
            audit.deniedAnonymousGuest(CartOperation.CREATE_GUEST_CART, Permissions.GUEST_POLICY);
            throw Failures.denied();
        }
    }

    /**
     * The stored cart, when the permit's actor may act on it. The first load of a privileged permit
     * records the access (with the cart's subject) before the cart is used.
     *
     * @param permit the operation's permit
     * @param id     the cart
     * @return the cart as stored
     * @throws CartException {@code ACCESS_DENIED} (also for a missing cart, to a non-privileged actor),
     *                       {@code CART_NOT_FOUND} to a privileged one, {@code PROVIDER_UNAVAILABLE}
     */
    public Cart load(Permit permit, CartId id) {
        Failures.required(id, "cart id");
        Actor actor = permit.actor;
        Optional<Cart> found = Failures.provider("repository", () -> repository.find(id));
        boolean privileged = privileged(actor);
        if (found.isEmpty()) {
            if (privileged) {
                throw new CartException(CartErrorCode.CART_NOT_FOUND, "no cart " + id);
            }
            throw deny(permit, id, null, NO_CART);
        }
        Cart cart = found.get();
        if (privileged) {
            if (!permit.recorded) {
                audit.allowed(permit.audited, permit.operation, id, audit.subjectOf(cart),
                        Permissions.allowance(actor, permit.operation));
                permit.recorded = true;
            }
            return cart;
        }
        if (actor instanceof Actor.Guest guest && cart.owner() instanceof CartOwner.Guest owner) {
            if (!GuestTokens.matches(guest.token(), owner.tokenHash())) {
                throw deny(permit, id, null, TOKEN);
            }
            String missing = permissions.missingGuestMetadata(actor, permit.operation, cart);
            if (missing != null) {
                audit.denied(permit.audited, permit.operation, id, null, Permissions.GUEST_POLICY);
                throw Permissions.missing(permit.operation, missing);
            }
            return cart;
        }
        if (actor instanceof Actor.Customer customer && cart.owner() instanceof CartOwner.Customer owner
                && owner.customerId().equals(customer.customerId())) {
            return cart;
        }
        if (actor instanceof Actor.Participant participant) {
            return participantLoad(permit, participant, cart);
        }
        throw deny(permit, id, audit.subjectOf(cart), FOREIGN_CART);
    }

    /**
     * A shared cart for one of its participants: the token must be a live invitation's whose role
     * allows the operation; a wrong, revoked or expired token is refused exactly like a stranger.
     * The first change a participant makes in an operation is recorded by its invitation's id.
     */
    private Cart participantLoad(Permit permit, Actor.Participant actor, Cart cart) {
        Participant invited = ParticipantRules.holder(cart, GuestTokens.hash(actor.shareToken())).orElse(null);
        if (invited == null) {
            throw deny(permit, cart.id(), null, TOKEN);
        }
        String refusal = permissions.participantRefusal(invited, permit.operation, config.now());
        if (refusal != null) {
            audit.participant(invited, permit.operation, cart.id(), AuditEvent.Outcome.DENIED, refusal);
            throw Failures.denied();
        }
        if (!permit.recorded && !permit.operation.readOnly()) {
            audit.participant(invited, permit.operation, cart.id(), AuditEvent.Outcome.ALLOWED,
                    "role:" + invited.role() + (invited.mayCheckout() ? "+checkout" : ""));
        }
        permit.recorded = true;
        return cart;
    }

    private CartException deny(Permit permit, CartId id, @Nullable String subject, String why) {
        audit.denied(permit.audited, permit.operation, id, subject, why);
        return Failures.denied();
    }

    /**
     * Whom the promotion limits per customer count a cart's redemptions for, when this actor acts on
     * it: the customer of a customer cart; for a guest cart, the guest's identity when the host gave
     * one, else the token (when the policy counts per token) or no one.
     *
     * @param actor who acts
     * @param cart  the cart
     * @return the owner to count under, or null when promotions limited per customer are spent for it
     */
    public @Nullable CartOwner usageOwner(Actor actor, Cart cart) {
        if (!(cart.owner() instanceof CartOwner.Guest)) {
            return cart.owner();
        }
        if (actor instanceof Actor.Guest guest && guest.identity() != null) {
            return UsageLimits.identifiedGuest(audit.guestIdentity(guest.identity()));
        }
        return policy.unidentifiedGuests() == SecurityPolicy.UnidentifiedGuests.COUNT_PER_TOKEN ? cart.owner() : null;
    }

    /** The customer's active cart as stored, if any (for a permit from {@link #authorizeCustomer}). */
    public Optional<Cart> activeCartOf(CustomerId customerId) {
        return Failures.provider("repository", () -> repository.findActiveByCustomer(customerId))
                .filter(c -> c.kind() == dev.cartflow.model.CartKind.SHOPPING);
    }

    /**
     * Refuses an operation on a cart the permit's actor may load but not use this way (a move across
     * owners by support or a service), recording the denial like every other.
     *
     * @param permit the operation's permit
     * @param cart   the cart refused
     * @return the {@code ACCESS_DENIED} to throw
     */
    public CartException refuse(Permit permit, Cart cart) {
        return deny(permit, cart.id(), audit.subjectOf(cart), FOREIGN_CART);
    }
}
