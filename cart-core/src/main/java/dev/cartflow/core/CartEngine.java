package dev.cartflow.core;

import dev.cartflow.core.health.HealthReport;
import dev.cartflow.core.CartCommand.AddItem;
import dev.cartflow.core.CartCommand.ApplyCode;
import dev.cartflow.core.CartCommand.Clear;
import dev.cartflow.core.CartCommand.RemoveCode;
import dev.cartflow.core.CartCommand.RemoveLines;
import dev.cartflow.core.CartCommand.SelectShipping;
import dev.cartflow.core.CartCommand.SetQuantity;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.LineId;
import dev.cartflow.model.PricedCart;
import dev.cartflow.model.Sku;
import java.util.List;
import java.util.Optional;

/**
 * The cart engine: every cart operation, for an {@link Actor}. Thread-safe; build one per
 * application with {@link #builder()}. Every failure is a {@link dev.cartflow.error.CartException}
 * with a stable code, and a rejected operation leaves the stored cart exactly as it was.
 *
 * <p>Every operation runs one pipeline: access (who may act on the cart), a snapshot of the
 * providers' answers (each provider asked at most once per attempt), the rules, one atomic
 * versioned write (re-run on a concurrent change within the retry budget) and the events. A
 * failing provider or store is {@code PROVIDER_UNAVAILABLE}; a bug, ours or in a host's component,
 * is {@code INTERNAL}; {@code INVALID_INPUT} is only for what the caller sent.
 *
 * <p>Access: a guest acts on its own guest cart with its token, a customer on its own carts,
 * support staff and trusted services on any cart. Anyone else gets {@code ACCESS_DENIED}; to guests
 * and customers a missing cart is also {@code ACCESS_DENIED}, so that an id reveals nothing.
 */
public interface CartEngine {

    /**
     * A builder wiring every SPI explicitly.
     *
     * @return a new builder with every default set; repository, catalog and pricing still to give
     */
    static CartEngineBuilder builder() {
        return new CartEngineBuilder();
    }

    /**
     * Creates a guest cart. Anyone may; the returned token is the guest's proof of ownership.
     *
     * @param spec currency, country and customer group
     * @return the cart and its secret token
     */
    CreatedCart createGuestCart(NewCart spec);

    /**
     * Creates a customer cart. Allowed to the customer itself, support and services.
     *
     * @param actor      who asks
     * @param customerId the owner
     * @param spec       currency, country and customer group
     * @return the cart
     */
    Cart createCustomerCart(Actor actor, CustomerId customerId, NewCart spec);

    /**
     * Reads a cart; an {@code ACTIVE} cart past its expiry reads as {@code EXPIRED}.
     *
     * @param actor who asks
     * @param id    the cart
     * @return the cart
     */
    Cart get(Actor actor, CartId id);

    /**
     * The customer's active, unexpired cart, if any.
     *
     * @param actor      the customer itself, support or a service
     * @param customerId the customer
     * @return the cart, or empty
     */
    Optional<Cart> activeCart(Actor actor, CustomerId customerId);

    /**
     * Runs a command on a cart.
     *
     * @param actor    who asks
     * @param id       the cart
     * @param command  the change
     * @param mutation expected version and idempotency key
     * @return the new cart (or the unchanged one when the command changes nothing)
     */
    Cart execute(Actor actor, CartId id, CartCommand command, Mutation mutation);

    /**
     * Prices a cart: totals, per-line breakdown, shipping, tax and an explanation of every promotion.
     *
     * @param actor who asks
     * @param id    the cart
     * @return the priced cart
     */
    PricedCart price(Actor actor, CartId id);

    /**
     * The events of a cart after a version the caller holds, so a second device can catch up.
     *
     * @param actor        who asks
     * @param id           the cart
     * @param afterVersion the version the caller holds
     * @return events in order
     */
    List<CartEvent> changesSince(Actor actor, CartId id, long afterVersion);

    /**
     * Merges a guest cart into the customer's active cart at sign-in, atomically: both carts change
     * or neither does. Lines that cannot be kept are dropped and reported, never failing the sign-in.
     * When the customer has no active cart, the guest cart becomes theirs. Merging a cart again
     * returns the first result.
     *
     * @param actor   the customer signing in, support or a service
     * @param request guest cart and token, customer and policy
     * @return the merged cart and the per-line report
     */
    dev.cartflow.core.merge.MergeResult merge(Actor actor, dev.cartflow.core.merge.MergeRequest request);

    /**
     * What {@link #merge} would do, changing nothing, so a shop can ask the shopper first.
     *
     * @param actor   as for merge
     * @param request as for merge
     * @return the would-be result, with {@code preview} true
     */
    dev.cartflow.core.merge.MergeResult previewMerge(Actor actor, dev.cartflow.core.merge.MergeRequest request);

    /**
     * Checks a cart out: re-validates and re-prices it, counts code redemptions, reserves stock and
     * freezes it as {@code CHECKED_OUT} with its final priced snapshot. Any failure releases what
     * was reserved and leaves the cart active. A cart checks out once: repeating the checkout with
     * the same idempotency key, or racing it from the same version, returns the first result (a
     * double click makes one order); any other checkout of a checked-out cart is
     * {@code CART_NOT_ACTIVE}.
     *
     * @param actor    who asks
     * @param id       the cart
     * @param mutation expected version (optional)
     * @return the frozen cart, its prices and the reservation
     */
    CheckoutResult checkout(Actor actor, CartId id, Mutation mutation);

    /**
     * Erasure and export of a customer's data, for data subjects' requests.
     *
     * @return the data protection requests of this engine
     */
    dev.cartflow.core.privacy.CustomerData dataProtection();

    /**
     * The batch jobs (purge of expired carts, abandonment marks), for a host's scheduler.
     *
     * @return the jobs of this engine
     */
    CartMaintenance maintenance();

    /**
     * The engine's health now: the repository (one cheap timed read), every
     * {@link dev.cartflow.core.health.HealthContributor} given to the builder, and the repository
     * and providers that are contributors themselves (a cache, a circuit breaker); the engine's
     * state is the worst of theirs. Never throws: a part that fails to answer is {@code DOWN}.
     *
     * @return the report
     */
    HealthReport health();

    /**
     * Adds units from the default warehouse, re-applied on concurrent changes: {@link #execute} with
     * {@link CartCommand.AddItem} and {@link Mutation#none()}. The same sku already on the cart grows
     * its line.
     *
     * @param actor    who asks
     * @param id       the cart
     * @param sku      the product
     * @param quantity units to add: positive ({@code INVALID_QUANTITY} else), keeping the line a multiple
     *                 of the product's step and within its minimum and maximum ({@code QUANTITY_LIMIT})
     * @return the cart after the change
     */
    default Cart addItem(Actor actor, CartId id, Sku sku, int quantity) {
        return execute(actor, id, new AddItem(sku, quantity), Mutation.none());
    }

    /**
     * Sets a line's quantity (0 removes it), re-applied on concurrent changes: {@link #execute} with
     * {@link CartCommand.SetQuantity} and {@link Mutation#none()}. Lowering a line is allowed when
     * stock is short, but not below the product's minimum or off its step.
     *
     * @param actor    who asks
     * @param id       the cart
     * @param lineId   a line on the cart ({@code INVALID_INPUT} when it is not)
     * @param quantity the new quantity, 0 or more ({@code INVALID_QUANTITY} when negative)
     * @return the cart after the change (the same cart when the quantity is unchanged)
     */
    default Cart setQuantity(Actor actor, CartId id, LineId lineId, int quantity) {
        return execute(actor, id, new SetQuantity(lineId, quantity), Mutation.none());
    }

    /**
     * Removes lines, re-applied on concurrent changes: {@link #execute} with
     * {@link CartCommand.RemoveLines} and {@link Mutation#none()}. Ids not on the cart are ignored.
     *
     * @param actor   who asks
     * @param id      the cart
     * @param lineIds one to 500 line ids, none null ({@code INVALID_INPUT} else)
     * @return the cart after the change (the same cart when no id was on it)
     */
    default Cart removeLines(Actor actor, CartId id, LineId... lineIds) {
        return execute(actor, id, new RemoveLines(List.of(lineIds)), Mutation.none());
    }

    /**
     * Removes every line and code: {@link #execute} with {@link CartCommand.Clear} and
     * {@link Mutation#none()}.
     *
     * @param actor who asks
     * @param id    the cart
     * @return the cart after the change
     */
    default Cart clear(Actor actor, CartId id) {
        return execute(actor, id, new Clear(), Mutation.none());
    }

    /**
     * Applies a coupon code: {@link #execute} with {@link CartCommand.ApplyCode} and
     * {@link Mutation#none()}. Codes match case-insensitively; a code already on the cart changes
     * nothing, and a code that does not apply yet stays on the cart as {@code NOT_APPLICABLE}.
     *
     * @param actor who asks
     * @param id    the cart
     * @param code  the code as typed, at most 64 characters after stripping; an unknown code is
     *              {@code PROMOTION_NOT_FOUND}, one beyond {@link CartLimits#maxCodes()} {@code CART_LIMIT}
     * @return the cart after the change
     */
    default Cart applyCode(Actor actor, CartId id, String code) {
        return execute(actor, id, new ApplyCode(code), Mutation.none());
    }

    /**
     * Removes a coupon code: {@link #execute} with {@link CartCommand.RemoveCode} and
     * {@link Mutation#none()}.
     *
     * @param actor who asks
     * @param id    the cart
     * @param code  the code, matched case-insensitively; a code not on the cart changes nothing
     * @return the cart after the change
     */
    default Cart removeCode(Actor actor, CartId id, String code) {
        return execute(actor, id, new RemoveCode(code), Mutation.none());
    }

    /**
     * Selects a shipping method: {@link #execute} with {@link CartCommand.SelectShipping} and
     * {@link Mutation#none()}.
     *
     * @param actor    who asks
     * @param id       the cart
     * @param methodId the method's id, or null for none; a method that is unknown or does not ship the
     *                 cart's lines to its country is {@code SHIPPING_NOT_AVAILABLE}
     * @return the cart after the change
     */
    default Cart selectShipping(Actor actor, CartId id, String methodId) {
        return execute(actor, id, new SelectShipping(methodId), Mutation.none());
    }

    // --- addresses and the customer ---

    /**
     * Sets or clears the shipping address and the billing country in the cart's country
     * ({@link CartCommand.ChangeAddress}), re-applied on concurrent changes.
     *
     * @param actor          who asks
     * @param id             the cart
     * @param address        the address, or null to clear it
     * @param billingCountry the billing country, or null to clear it
     * @return the cart after the change
     */
    default Cart changeAddress(Actor actor, CartId id, dev.cartflow.model.ShippingAddress address,
                               String billingCountry) {
        return execute(actor, id, new CartCommand.ChangeAddress(null, address, billingCountry), Mutation.none());
    }

    // --- several carts ---

    /**
     * The customer's named cart of this kind and name ("saved for later", a wish list), created now
     * unless it exists: creating it again, also concurrently or on another instance with the same
     * {@linkplain CartEngineBuilder#pseudonymKey pseudonym key}, returns the same cart. Allowed to the
     * customer itself, support and services. The spec applies only when the cart is made.
     *
     * @param actor      who asks
     * @param customerId the owner
     * @param kind       {@code SAVED_FOR_LATER} or {@code WISH_LIST} ({@code SHOPPING} is {@code INVALID_INPUT})
     * @param name       1 to 128 characters, compared exactly
     * @param spec       currency, country and customer group
     * @return the cart
     */
    Cart createNamedCart(Actor actor, CustomerId customerId, dev.cartflow.model.CartKind kind, String name,
                         NewCart spec);

    /**
     * The customer's active, unexpired named cart of this kind and name, if any.
     *
     * @param actor      the customer itself, support or a service
     * @param customerId the owner
     * @param kind       the kind
     * @param name       the name
     * @return the cart, or empty
     */
    Optional<Cart> namedCart(Actor actor, CustomerId customerId, dev.cartflow.model.CartKind kind, String name);

    /**
     * Every active, unexpired cart of the customer, of every kind, most recently updated first. Needs
     * a repository with the {@link dev.cartflow.spi.CustomerCarts} capability ({@code INTERNAL} without).
     *
     * @param actor      the customer itself, support or a service
     * @param customerId the customer
     * @return the carts
     */
    List<Cart> customerCarts(Actor actor, CustomerId customerId);

    /**
     * Moves units of a line to another cart of the same owner, atomically: both carts change or
     * neither. The target checks the units as an add would (product, country, step, minimum and
     * maximum, stock, its kind's limits); what stays on the source must keep the product's step and
     * minimum. A cart of another owner is {@code ACCESS_DENIED}.
     *
     * @param actor    the owner of both carts, support or a service
     * @param move     the carts, the line and the units
     * @param mutation the source cart's expected version, and an idempotency key
     * @return both carts after the move
     */
    LineMoveResult moveLine(Actor actor, LineMove move, Mutation mutation);

    // --- shared carts ---

    /**
     * Invites someone to a cart with a fresh share token, returned only here (the cart keeps its
     * hash). The participant acts as {@link Actor#participant(String)}: with role {@code VIEW} it
     * may read the cart, its prices and its events; with {@code EDIT} also change lines, codes and
     * shipping; it checks out only when {@code mayCheckout}. Allowed to the owner, full support and
     * services granted {@code INVITE_PARTICIPANT}; the cart must be active.
     *
     * @param actor       who invites
     * @param id          the cart
     * @param role        what the participant may do
     * @param mayCheckout whether the participant may check out (only with {@code EDIT})
     * @param ttl         how long the token grants access (positive, at most {@link ShareSettings#maxTtl()})
     * @param mutation    an expected version or none; an idempotency key is {@code INVALID_INPUT},
     *                    since the token cannot be returned twice
     * @return the invitation: participant id, token and expiry
     * @throws dev.cartflow.error.CartException {@code CART_LIMIT} beyond {@link ShareSettings#maxParticipants()}
     *                                          live participants
     */
    Invitation invite(Actor actor, CartId id, dev.cartflow.model.Participant.Role role, boolean mayCheckout,
                      java.time.Duration ttl, Mutation mutation);

    /**
     * Removes a participant, revoking its token at once; removing one the cart does not have
     * changes nothing. Allowed to the owner, full support and services granted {@code REMOVE_PARTICIPANT}.
     *
     * @param actor         who removes
     * @param id            the cart
     * @param participantId the participant's id ({@link Invitation#participantId()})
     * @return the cart without it
     */
    Cart removeParticipant(Actor actor, CartId id, String participantId);

    // --- recovery and freezing ---

    /**
     * Issues a recovery token for an abandoned, active cart (one marked by
     * {@link CartMaintenance#markAbandoned}), for the host's e-mail; it replaces any earlier token
     * of the cart. The token is returned only here; the cart keeps a hash of it. See also
     * {@link CartMaintenance#markAbandonedWithRecovery}, which issues one per newly abandoned cart.
     *
     * @param actor a service granted {@code ISSUE_RECOVERY}, full support staff, or the cart's owner
     * @param id    the cart
     * @return the token and until when it can be redeemed
     */
    RecoveryLink issueRecovery(Actor actor, CartId id);

    /**
     * Redeems a recovery token without sign-in, on any device: the bearer of a guest cart's token
     * gets a new guest token for the cart (the old one stops working). Single use: the token is gone
     * once redeemed, also when two redeems race. A wrong, used or expired token, a cart that is no
     * longer active, and a customer cart's token (the customer must sign in) are
     * {@code ACCESS_DENIED}, changing nothing.
     *
     * @param recoveryToken the token from the link
     * @return the cart and its new guest token
     */
    RecoveredCart recover(String recoveryToken);

    /**
     * Redeems a recovery token for a signed-in customer: the customer's own cart comes back to it,
     * and a guest cart is merged into the customer's active cart by {@code policy}, as
     * {@link #merge} does (it becomes the customer's when it has none). The token is spent before the
     * merge; a merge that is refused (say {@code CURRENCY_MISMATCH}) leaves the bearer the recovered
     * guest cart with a new guest token and the refusal's code. Errors as for {@link #recover(String)};
     * an actor that is not a customer is {@code ACCESS_DENIED}.
     *
     * @param actor         the customer
     * @param recoveryToken the token from the link
     * @param policy        how a guest cart's lines join the customer's (null: {@code SUM}, as in a
     *                      {@link dev.cartflow.core.merge.MergeRequest})
     * @return the customer's cart and the merge
     */
    RecoveredCart recover(Actor actor, String recoveryToken, dev.cartflow.core.merge.MergePolicy policy);

    /**
     * Freezes an active cart with lines before payment, for {@code duration} (the configured default
     * when null; at most the configured maximum): its figures now are stored, {@link #price} returns
     * them, its checkout charges them without re-pricing, and every change is refused with
     * {@code CART_NOT_ACTIVE} until it is unfrozen or the time is over. Past that time the cart
     * re-prices, and its {@code priceChanges} report each line whose unit price moved since the
     * freeze. Freezing a frozen cart changes nothing. Figures from a provider's fallback are refused
     * ({@code PROVIDER_UNAVAILABLE}) as at checkout, and a line that cannot be priced is
     * {@code PRODUCT_NOT_FOUND}.
     *
     * @param actor    the owner, full support or a service granted {@code FREEZE}
     * @param id       the cart
     * @param duration how long, or null for the default
     * @param mutation expected version (an idempotency key is not needed: a repeat changes nothing)
     * @return the frozen cart
     */
    Cart freeze(Actor actor, CartId id, java.time.Duration duration, Mutation mutation);

    /**
     * Ends a cart's freeze; a cart that is not frozen is returned unchanged.
     *
     * @param actor    the owner, full support or a service granted {@code UNFREEZE}
     * @param id       the cart
     * @param mutation expected version
     * @return the cart, unfrozen
     */
    Cart unfreeze(Actor actor, CartId id, Mutation mutation);

}
