package dev.cartflow.core.internal.recovery;

import dev.cartflow.core.RecoveredCart;
import dev.cartflow.core.RecoveryLink;
import dev.cartflow.core.internal.merge.MergeOperation;
import dev.cartflow.core.internal.pipeline.ChangeAuthor;
import dev.cartflow.core.internal.pipeline.Access;
import dev.cartflow.core.internal.pipeline.Audit;
import dev.cartflow.core.internal.pipeline.Decision;
import dev.cartflow.core.internal.pipeline.Lifecycle;
import dev.cartflow.core.internal.pipeline.Stages;
import dev.cartflow.core.internal.rules.PendingEvent;
import dev.cartflow.core.internal.support.Failures;
import dev.cartflow.core.internal.support.GuestTokens;
import dev.cartflow.core.merge.MergePolicy;
import dev.cartflow.core.merge.MergeRequest;
import dev.cartflow.core.merge.MergeResult;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CartOperation;
import dev.cartflow.model.CartOwner;
import dev.cartflow.model.CartState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Recovery links: issuing a token for an abandoned cart, and redeeming it. A redeem is one
 * version-guarded write that removes the token, so it is single use even under a race (the loser
 * re-reads, finds no token and is refused). A wrong, used or expired token, or one for a cart that
 * is no longer active, is {@code ACCESS_DENIED} and changes nothing; no message names the token.
 *
 * <p>Without sign-in the bearer of a guest cart's token gets a new guest token for it (the old one
 * stops working); a customer cart's token needs its customer signed in. Signed in, a guest cart is
 * merged into the customer's cart by the normal merge (policy, clamps, idempotency), after the
 * token was redeemed; a merge that is refused leaves the recovered guest cart to the bearer.
 */
public final class RecoveryOperation {
    static final String RECOVERY_TOKEN = "RECOVERY_TOKEN";

    private final Stages stages;
    private final RecoveryTokens tokens;
    private final GuestTokens guestTokens;
    private final MergeOperation merging;
    private final Audit audit;

    /** Recovery over these stages, merging through {@code merging}. */
    public RecoveryOperation(Stages stages, MergeOperation merging) {
        this.stages = stages;
        this.tokens = new RecoveryTokens(stages.config().random());
        this.guestTokens = new GuestTokens(stages.config().random());
        this.merging = merging;
        this.audit = new Audit(stages.config());
    }

    /**
     * Issues a recovery token for an abandoned, active cart, replacing any earlier one.
     *
     * @param actor who asks: the cart's owner, support with full rights or a service granted
     *              {@code ISSUE_RECOVERY}
     * @param id    the cart
     * @return the token, handed out only here
     */
    public RecoveryLink issue(Actor actor, CartId id) {
        Access.Permit permit = stages.access().authorize(actor, CartOperation.ISSUE_RECOVERY, id);
        return stages.commit().run(CartOperation.ISSUE_RECOVERY, false, now -> {
            Cart stored = stages.access().load(permit, id);
            requireAbandoned(stored, now);
            RecoveryTokens.Issued issued = tokens.issue(id, now, stages.config().freezeAndRecovery().recoveryTtl());
            return Decision.write(issued.link(), List.of(withToken(stored, issued, ChangeAuthor.of(stages.config(), actor, stored))));
        });
    }

    /**
     * The write that gives an abandoned cart a new recovery token: not the shopper's change, so
     * only the version moves (its life, its abandoned mark and a freeze stay).
     *
     * @param stored the cart as stored, active and abandoned
     * @param issued the new token
     * @param by     who made the change ({@link ChangeAuthor})
     * @return the write with its {@code RECOVERY_ISSUED} event
     */
    dev.cartflow.spi.CartWrite withToken(Cart stored, RecoveryTokens.Issued issued, String by) {
        Cart next = stages.lifecycle().rewritten(stored.toBuilder().recovery(issued.stored()).build());
        return stages.publish().write(by, next, stored.version(), List.of(PendingEvent.of(CartEvent.Type.RECOVERY_ISSUED,
                "expiresAt", issued.stored().expiresAt().toString())), null);
    }

    /**
     * Redeems a token without sign-in: the bearer of a guest cart's token gets a new guest token.
     *
     * @param token the recovery token
     * @return the recovered cart and its new guest token
     */
    public RecoveredCart redeem(String token) {
        Optional<RecoveryTokens.Presented> presented = RecoveryTokens.parse(token);
        if (presented.isEmpty() || stages.config().security().deniesGuests(CartOperation.REDEEM_RECOVERY)) {
            audit.deniedAnonymousGuest(CartOperation.REDEEM_RECOVERY, RECOVERY_TOKEN);
            throw Failures.denied();
        }
        RecoveryTokens.Presented p = presented.get();
        return stages.commit().run(CartOperation.REDEEM_RECOVERY, false, now -> {
            Cart stored = redeemable(p, now, null);
            if (!(stored.owner() instanceof CartOwner.Guest)) {
                // A customer's cart goes back to its customer only: sign in and redeem again.
                audit.deniedAnonymousGuest(CartOperation.REDEEM_RECOVERY, "SIGN_IN_REQUIRED");
                throw new CartException(CartErrorCode.ACCESS_DENIED, "this recovery link needs the customer signed in");
            }
            String guestToken = guestTokens.newToken();
            Cart next = rotated(stored, guestToken, now);
            return Decision.write(new RecoveredCart(next, guestToken, null, null),
                    List.of(recovered(stored, next, "guest")));
        });
    }

    /**
     * Redeems a token for a signed-in customer: its own cart comes back to it; a guest cart is
     * merged into its cart by {@code policy} (or becomes its cart when it has none).
     *
     * @param actor  the customer signing in
     * @param token  the recovery token
     * @param policy the merge policy for a guest cart (null: {@code SUM}, as in a merge request)
     * @return the customer's cart and, for a guest cart, the merge
     */
    public RecoveredCart redeem(Actor actor, String token, MergePolicy policy) {
        Failures.required(actor, "actor");
        Optional<RecoveryTokens.Presented> presented = RecoveryTokens.parse(token);
        if (!(actor instanceof Actor.Customer customer)) {
            // Staff and services have their own ways to a cart; a recovery link is a shopper's.
            audit.denied(actor, CartOperation.REDEEM_RECOVERY, presented.map(RecoveryTokens.Presented::cartId)
                    .orElse(null), null, "ROLE");
            throw Failures.denied();
        }
        if (presented.isEmpty()) {
            audit.denied(actor, CartOperation.REDEEM_RECOVERY, null, null, RECOVERY_TOKEN);
            throw Failures.denied();
        }
        RecoveryTokens.Presented p = presented.get();
        RecoveredCart redeemed = stages.commit().run(CartOperation.REDEEM_RECOVERY, false, now -> {
            Cart stored = redeemable(p, now, actor);
            if (stored.owner() instanceof CartOwner.Customer owner) {
                if (!owner.customerId().equals(customer.customerId())) {
                    audit.denied(actor, CartOperation.REDEEM_RECOVERY, p.cartId(), audit.subjectOf(stored),
                            "FOREIGN_CART");
                    throw Failures.denied();
                }
                Cart next = stages.lifecycle().changed(stored.toBuilder().recovery(null).build(), now);
                return Decision.write(new RecoveredCart(next, null, null, null),
                        List.of(recovered(stored, next, "customer")));
            }
            String guestToken = guestTokens.newToken();
            Cart next = rotated(stored, guestToken, now);
            return Decision.write(new RecoveredCart(next, guestToken, null, null),
                    List.of(recovered(stored, next, "merge")));
        });
        if (redeemed.guestToken() == null) {
            return redeemed;
        }
        try {
            MergeResult merged = merging.merge(actor, new MergeRequest(p.cartId(), redeemed.guestToken(),
                    customer.customerId(), policy), false);
            return new RecoveredCart(merged.cart(), null, merged, null);
        } catch (CartException e) {
            if (e.code() == CartErrorCode.INTERNAL) {
                throw e;
            }
            // The token is spent; the cart stays the bearer's as a guest cart, to merge later.
            return new RecoveredCart(redeemed.cart(), redeemed.guestToken(), null, e.code());
        }
    }

    /**
     * The cart the presented token names, when the token may be redeemed now; else
     * {@code ACCESS_DENIED}, the same for a missing cart, a closed one and a wrong, spent or expired
     * token, recorded for {@code actor} (null: an anonymous bearer).
     */
    private Cart redeemable(RecoveryTokens.Presented p, Instant now, @Nullable Actor actor) {
        Optional<Cart> found = Failures.provider("repository", () -> stages.config().repository().find(p.cartId()));
        if (found.isEmpty() || Lifecycle.present(found.get(), now).state() != CartState.ACTIVE
                || !RecoveryTokens.redeemable(found.get(), p.secret(), now)) {
            if (actor == null) {
                audit.deniedAnonymousGuest(CartOperation.REDEEM_RECOVERY, RECOVERY_TOKEN);
            } else {
                audit.denied(actor, CartOperation.REDEEM_RECOVERY, p.cartId(), null, RECOVERY_TOKEN);
            }
            throw Failures.denied();
        }
        return found.get();
    }

    /** A guest cart with its token spent and a new guest token: the shopper's activity, life renewed. */
    private Cart rotated(Cart stored, String guestToken, Instant now) {
        return stages.lifecycle().changed(stored.toBuilder().owner(new CartOwner.Guest(GuestTokens.hash(guestToken)))
                .recovery(null).build(), now);
    }

    private dev.cartflow.spi.CartWrite recovered(Cart stored, Cart next, String credential) {
        // the bearer of the link acts as the cart's owner from now on
        return stages.publish().write(ChangeAuthor.OWNER, next, stored.version(), List.of(PendingEvent.of(CartEvent.Type.RECOVERED,
                "credential", credential)), null);
    }

    private static void requireAbandoned(Cart stored, Instant now) {
        Cart current = Lifecycle.present(stored, now);
        if (current.state() != CartState.ACTIVE) {
            throw new CartException(CartErrorCode.CART_NOT_ACTIVE, "cart is " + current.state());
        }
        if (stored.abandonedAt() == null) {
            throw new CartException(CartErrorCode.CART_NOT_ACTIVE, "cart is not abandoned");
        }
    }
}
