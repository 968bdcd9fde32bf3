package dev.cartflow.core.internal.merge;

import dev.cartflow.core.internal.freeze.FreezeRule;
import dev.cartflow.core.internal.pipeline.Access;
import dev.cartflow.core.internal.pipeline.ChangeAuthor;
import dev.cartflow.core.internal.pipeline.Decision;
import dev.cartflow.core.internal.pipeline.Fingerprint;
import dev.cartflow.core.internal.pipeline.Idempotency;
import dev.cartflow.core.internal.pipeline.Lifecycle;
import dev.cartflow.core.internal.pipeline.Stages;
import dev.cartflow.core.internal.pipeline.StoredResponses;
import dev.cartflow.core.internal.rules.PendingEvent;
import dev.cartflow.core.internal.snapshot.Snapshot;
import dev.cartflow.core.internal.support.Failures;
import dev.cartflow.core.merge.MergeRequest;
import dev.cartflow.core.merge.MergeResult;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.CartOperation;
import dev.cartflow.model.CartOwner;
import dev.cartflow.model.CartOperation;
import dev.cartflow.model.CartState;
import dev.cartflow.spi.CartWrite;
import dev.cartflow.spi.IdempotencyRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Merge at sign-in: both carts change in one atomic write or neither does; a guest cart merges
 * once, and merging it again returns the first result.
 */
public final class MergeOperation {
    private final Stages stages;
    private final MergePlanner planner;

    /** The merge over these stages. */
    public MergeOperation(Stages stages) {
        this.stages = stages;
        this.planner = new MergePlanner(stages.config().limits());
    }

    /**
     * Merges, or with {@code preview} computes the same result without writing.
     *
     * @param actor   the customer signing in, support or a service
     * @param request the merge
     * @param preview true to change nothing
     * @return the result
     */
    public MergeResult merge(Actor actor, MergeRequest request, boolean preview) {
        Failures.required(actor, "actor");
        Failures.required(request, "merge request");
        if (request.guestCartId().equals(request.targetCartId())) {
            throw CartException.invalidInput("a cart cannot be merged into itself");
        }
        Access.Permit permit = stages.access().authorizeCustomer(actor,
                preview ? CartOperation.PREVIEW_MERGE : CartOperation.MERGE, request.customerId());
        String key = Idempotency.mergeKey(request.guestCartId());
        Fingerprint fingerprint = Fingerprint.merge(request);
        return stages.commit().run(preview ? CartOperation.PREVIEW_MERGE : CartOperation.MERGE, false, now -> {
            Optional<MergeResult> done = replay(key, request, now);
            if (done.isPresent()) {
                return Decision.answer(preview ? withPreview(done.get()) : done.get());
            }
            Cart guest;
            try {
                guest = loadGuest(actor, permit, request);
                Cart current = Lifecycle.present(guest, now);
                if (current.state() != CartState.ACTIVE) {
                    throw new CartException(CartErrorCode.CART_NOT_ACTIVE, "guest cart is " + current.state());
                }
            } catch (CartException e) {
                // A concurrent merge of the same guest cart may have finished since the first look.
                Optional<MergeResult> raced = replay(key, request, now);
                if (raced.isPresent()) {
                    return Decision.answer(preview ? withPreview(raced.get()) : raced.get());
                }
                throw e;
            }
            Cart guestCart = guest;
            Optional<Cart> target = request.targetCartId() != null ? Optional.of(loadTarget(permit, request, now))
                    : stages.access().activeCartOf(request.customerId()).filter(c -> !c.id().equals(guestCart.id())
                            && Lifecycle.present(c, now).state() == CartState.ACTIVE);
            if (target.isPresent() && !target.get().currency().equals(guest.currency())) {
                throw new CartException(CartErrorCode.CURRENCY_MISMATCH, "the carts are in "
                        + guest.currency() + " and " + target.get().currency());
            }
            MergeResult result;
            List<CartWrite> writes;
            String policy = request.policy().name();
            String by = ChangeAuthor.of(stages.config(), actor, guest);
            if (target.isEmpty()) {
                MergePlanner.Plan plan = MergePlanner.adopt(guest);
                Cart adopted = stages.lifecycle().adopted(guest, request.customerId(), now);
                result = new MergeResult(adopted, adopted, plan.report(), plan.codes(), false);
                writes = List.of(stages.publish().write(by, adopted, guest.version(), List.of(PendingEvent.of(
                        CartEvent.Type.MERGED, "from", guest.id().toString(), "into", guest.id().toString(),
                        "policy", policy)), record(key, fingerprint, result, now)));
            } else {
                Cart customer = target.get();
                FreezeRule.requireUnlocked(Lifecycle.present(guest, now), now);
                FreezeRule.requireUnlocked(Lifecycle.present(customer, now), now);
                Snapshot snapshot = stages.config().providers().open(customer, now, Snapshot.skusOf(guest),
                        Snapshot.stockKeysOf(guest));
                MergePlanner.Plan plan = planner.plan(guest, customer, request.policy(), snapshot);
                Cart merged = stages.lifecycle().changed(customer.toBuilder().lines(plan.lines()).codes(plan.codes())
                        .shippingMethod(plan.shippingMethod()).build(), now);
                Cart closed = stages.lifecycle().merged(guest, now);
                result = new MergeResult(merged, closed, plan.report(), plan.codes(), false);
                writes = List.of(
                        stages.publish().write(by, closed, guest.version(), List.of(PendingEvent.of(CartEvent.Type.MERGED,
                                "into", customer.id().toString(), "policy", policy)),
                                record(key, fingerprint, result, now)),
                        stages.publish().write(by, merged, customer.version(), List.of(PendingEvent.of(CartEvent.Type.MERGED,
                                "from", guest.id().toString(), "policy", policy,
                                "dropped", "" + result.dropped().size())), null));
            }
            return preview ? Decision.answer(withPreview(result)) : Decision.write(result, writes);
        });
    }

    private IdempotencyRecord record(String key, Fingerprint fingerprint, MergeResult result, Instant now) {
        return stages.idempotency().record(key, fingerprint, StoredResponses.write(result), now);
    }

    /** The first merge of this guest cart, if any; only its customer may see it. */
    private Optional<MergeResult> replay(String key, MergeRequest request, Instant now) {
        Optional<MergeResult> result = stages.idempotency().find(key, now).map(r -> StoredResponses.readMerge(r.response()));
        if (result.isPresent() && !result.get().cart().customerId().filter(request.customerId()::equals).isPresent()) {
            throw Failures.denied();
        }
        return result;
    }

    /** The named customer cart: the customer's own, and active. */
    private Cart loadTarget(Access.Permit permit, MergeRequest request, Instant now) {
        Cart target = stages.access().load(permit.as(Actor.customer(request.customerId())), request.targetCartId());
        Cart current = Lifecycle.present(target, now);
        if (current.state() != CartState.ACTIVE) {
            throw new CartException(CartErrorCode.CART_NOT_ACTIVE, "target cart is " + current.state());
        }
        dev.cartflow.core.internal.rules.CartKindRules.requireMergeTarget(target);
        return target;
    }

    private Cart loadGuest(Actor actor, Access.Permit permit, MergeRequest request) {
        boolean privileged = Access.privileged(actor);
        Access.Permit guestPermit = privileged || request.guestToken() == null ? permit
                : permit.as(Actor.guest(request.guestToken()));
        Cart guest = stages.access().load(guestPermit, request.guestCartId());
        if (!(guest.owner() instanceof CartOwner.Guest)) {
            throw privileged ? CartException.invalidInput("not a guest cart") : Failures.denied();
        }
        return guest;
    }

    private static MergeResult withPreview(MergeResult result) {
        return new MergeResult(result.cart(), result.guestCart(), result.lines(), result.codes(), true);
    }
}
