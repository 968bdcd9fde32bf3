package dev.cartflow.core.internal.checkout;

import dev.cartflow.core.CheckoutResult;
import dev.cartflow.core.Mutation;
import dev.cartflow.core.internal.freeze.FreezeRule;
import dev.cartflow.core.internal.pipeline.Access;
import dev.cartflow.core.internal.pipeline.ChangeAuthor;
import dev.cartflow.core.internal.pipeline.Decision;
import dev.cartflow.core.internal.pipeline.Fingerprint;
import dev.cartflow.core.internal.pipeline.Idempotency;
import dev.cartflow.core.internal.pipeline.Lifecycle;
import dev.cartflow.core.internal.pipeline.Stages;
import dev.cartflow.core.internal.pipeline.StoredResponses;
import dev.cartflow.core.internal.rules.CommandRules;
import dev.cartflow.core.internal.rules.PendingEvent;
import dev.cartflow.core.internal.rules.ShippingRule;
import dev.cartflow.core.internal.snapshot.Snapshot;
import dev.cartflow.core.internal.support.Failures;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CartOperation;
import dev.cartflow.model.CartOwner;
import dev.cartflow.model.PricedCart;
import dev.cartflow.model.Promotion;
import dev.cartflow.spi.CartWrite;
import dev.cartflow.spi.IdempotencyRecord;
import dev.cartflow.spi.StockKey;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Checkout: revalidate and re-price from one snapshot, refuse exhausted codes, redeem, reserve,
 * and freeze the cart with its result in one write. A cart checks out once: the same idempotency
 * key, or an attempt that lost the race to a concurrent one, gets the stored result.
 */
public final class CheckoutOperation {
    private final Stages stages;
    private final CommandRules rules;
    private final ReentrantLock[] locks = new ReentrantLock[256];

    /** The checkout over these stages. */
    public CheckoutOperation(Stages stages) {
        this.stages = stages;
        this.rules = new CommandRules(stages.config().limits());
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    /**
     * Checks a cart out.
     *
     * @param actor    who asks
     * @param id       the cart
     * @param mutation expected version and idempotency key
     * @return the frozen cart, its prices and its reservation
     */
    public CheckoutResult checkout(Actor actor, CartId id, Mutation mutation) {
        Failures.required(actor, "actor");
        Failures.required(id, "cart id");
        Failures.required(mutation, "mutation");
        // Checkouts of one cart in this engine run one at a time: concurrent attempts share the
        // reservation id and the per-cart redemptions, so one attempt's clean-up after a failure
        // must not run while another is between reserving and storing. Across instances the
        // version guard still decides, with the window described in docs/stages.lifecycle().md.
        Access.Permit permit = stages.access().authorize(actor, CartOperation.CHECKOUT, id);
        ReentrantLock lock = locks[Math.floorMod(id.value().hashCode(), locks.length)];
        lock.lock();
        try {
            return stages.commit().run(CartOperation.CHECKOUT, mutation.expectedVersion() != null,
                    now -> attempt(actor, permit, id, mutation, now));
        } finally {
            lock.unlock();
        }
    }

    private Decision<CheckoutResult> attempt(Actor actor, Access.Permit permit, CartId id, Mutation mutation,
                                             Instant now) {
        String key = Idempotency.checkoutKey(id);
        Fingerprint fingerprint = Fingerprint.checkout(id, mutation.expectedVersion(), mutation.idempotencyKey());
        Cart stored = stages.access().load(permit, id);
        CartOwner usageOwner = stages.access().usageOwner(actor, stored);
        if (mutation.idempotencyKey() != null) {
            Optional<IdempotencyRecord> done = stages.idempotency().find(key, now);
            if (done.isPresent()) {
                switch (fingerprint.against(done.get().fingerprint())) {
                    case SAME:
                        return Decision.answer(StoredResponses.readCheckout(done.get().response()));
                    case OTHER_REQUEST:
                        throw CartException.idempotencyKeyReused();
                    default:
                        break;
                }
            }
        }
        Lifecycle.requireActive(stored, now, mutation);
        dev.cartflow.core.internal.rules.CartKindRules.requireCheckoutable(stored);
        if (stored.lines().isEmpty()) {
            throw CartException.invalidInput("an empty cart cannot be checked out");
        }
        Snapshot snapshot = stages.config().providers().open(stored, usageOwner, now, Snapshot.skusOf(stored),
                Snapshot.stockKeysOf(stored));
        rules.revalidate(stored, snapshot);
        // A frozen cart is charged its frozen figures, not re-priced (FreezeRule).
        Optional<PricedCart> frozenFigures = FreezeRule.figures(stored, now);
        PricedCart priced = frozenFigures.orElseGet(() -> snapshot.flag(stages.pricing().price(stored, snapshot)));
        Redemptions.refuseExhaustedCodes(stored, priced);
        if (stored.shippingMethod() != null) {
            ShippingRule.requireAvailable(stored, stored.shippingMethod(), stored.country(), snapshot);
        }
        if (frozenFigures.isEmpty() && !stages.config().checkoutWithFallbacks() && !snapshot.moneyFallbacks().isEmpty()) {
            // A shop must never silently charge a stale or default price: the last of the codes.
            throw CartException.providerUnavailable("checkout refused: figures from fallbacks of "
                    + snapshot.moneyFallbacks(), null);
        }
        List<Promotion> given = Redemptions.limited(priced, snapshot.promotions());
        Set<String> spent = given.isEmpty() ? Set.of() : Failures.provider("promotion usage",
                () -> stages.config().usage().redeem(given, id, usageOwner == null ? stored.owner() : usageOwner));
        if (!spent.isEmpty()) {
            throw new CartException(CartErrorCode.PROMOTION_EXHAUSTED, "no uses left of " + spent);
        }
        String reservation = "checkout-" + id + "-" + stored.version();
        Cart frozen = stages.lifecycle().checkedOut(stored, now);
        PricedCart finalPrices = new PricedCart(frozen, priced.currency(), priced.lines(), priced.subtotal(),
                priced.discount(), priced.shipping(), priced.shippingDiscount(), priced.shippingTax(),
                priced.tax(), priced.taxes(), priced.total(), priced.net(), priced.promotions(),
                priced.codes(), priced.priceChanges(), priced.exchangeRate(), priced.pricedAt(),
                priced.unavailableLines(), priced.fallbacks());
        CheckoutResult result = new CheckoutResult(frozen, finalPrices, reservation,
                given.stream().map(Promotion::id).toList());
        CartWrite write = stages.publish().write(ChangeAuthor.of(stages.config(), actor, stored), frozen, stored.version(), List.of(PendingEvent.of(CartEvent.Type.CHECKED_OUT,
                "total", priced.total().toDecimalString(), "currency", priced.currency().getCurrencyCode())),
                stages.idempotency().record(key, fingerprint, StoredResponses.write(result), now));
        Map<StockKey, Integer> units = new LinkedHashMap<>();
        stored.lines().forEach(l -> units.merge(new StockKey(l.sku(), l.warehouse()), l.quantity(), Integer::sum));
        return Decision.write(result, List.of(write))
                .before(() -> Failures.provider("inventory", () -> stages.config().reservations().reserve(reservation, units)))
                .onFailure(e -> {
                    // A concurrent checkout of this cart shares the reservation id and the per-cart
                    // redemptions; when it won, they are its own and must not be released.
                    Optional<CheckoutResult> winner = e.code() == CartErrorCode.VERSION_CONFLICT
                            ? stages.idempotency().find(key, now).map(r -> StoredResponses.readCheckout(r.response()))
                            : Optional.empty();
                    if (winner.isPresent() && winner.get().cart().version() == stored.version() + 1) {
                        return winner;
                    }
                    Redemptions.releaseQuietly(stages.config(), reservation, id);
                    return Optional.empty();
                });
    }
}
