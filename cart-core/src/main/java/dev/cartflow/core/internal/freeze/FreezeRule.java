package dev.cartflow.core.internal.freeze;

import dev.cartflow.core.internal.rules.PendingEvent;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.CartFreeze;
import dev.cartflow.model.LineItem;
import dev.cartflow.model.PricedCart;
import dev.cartflow.model.PricedLine;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The freeze before payment, the one place that knows what it means. A freeze is in force from its
 * {@code frozenAt} until (excluding) its {@code until}; while it is, the cart takes no change
 * ({@code CART_NOT_ACTIVE}, checked by {@code Lifecycle.requireChangeable}, which every changing
 * operation passes) except its unfreeze and its checkout, it prices as its frozen figures, and its
 * checkout charges them. Past {@code until} it is over on its own: the cart reads and prices as an
 * unfrozen cart at once, and the first change stored after that drops the record with an
 * {@code UNFROZEN} event ({@code reason} {@code EXPIRED}). Pure: no provider, no clock of its own.
 */
public final class FreezeRule {
    private FreezeRule() {
    }

    /** Whether a freeze of the cart is in force at {@code now}. */
    public static boolean inForce(Cart cart, Instant now) {
        CartFreeze freeze = cart.freeze();
        return freeze != null && now.isBefore(freeze.until());
    }

    /**
     * Refuses any change of a frozen cart.
     *
     * @param cart the cart as it reads now
     * @param now  the attempt's instant
     * @throws CartException {@code CART_NOT_ACTIVE} while a freeze is in force
     */
    public static void requireUnlocked(Cart cart, Instant now) {
        if (inForce(cart, now)) {
            throw new CartException(CartErrorCode.CART_NOT_ACTIVE,
                    "cart is frozen until " + cart.freeze().until() + ": unfreeze it first");
        }
    }

    /** The freeze a changed cart keeps: the one in force, or none once it is over. */
    public static @Nullable CartFreeze kept(Cart cart, Instant now) {
        return inForce(cart, now) ? cart.freeze() : null;
    }

    /**
     * The figures of a frozen cart, as its price: those stored when it was frozen, for the cart as it
     * is now; empty when no freeze is in force (the cart is priced as usual).
     */
    public static Optional<PricedCart> figures(Cart cart, Instant now) {
        if (!inForce(cart, now)) {
            return Optional.empty();
        }
        PricedCart f = cart.freeze().figures();
        return Optional.of(new PricedCart(cart, f.currency(), f.lines(), f.subtotal(), f.discount(), f.shipping(),
                f.shippingDiscount(), f.shippingTax(), f.tax(), f.taxes(), f.total(), f.net(), f.promotions(),
                f.codes(), f.priceChanges(), f.exchangeRate(), f.pricedAt(), f.unavailableLines(), f.fallbacks()));
    }

    /**
     * A change's events, led by the {@code UNFROZEN} of a freeze that ended on its own since it was
     * stored (the change's write drops it, see {@link #kept}).
     *
     * @param stored the cart as stored before the change
     * @param events the change's own events
     * @param now    the attempt's instant
     * @return the events to store
     */
    public static List<PendingEvent> withEnded(Cart stored, List<PendingEvent> events, Instant now) {
        if (stored.freeze() == null || inForce(stored, now)) {
            return events;
        }
        List<PendingEvent> all = new ArrayList<>(events.size() + 1);
        all.add(unfrozen(stored.freeze(), "EXPIRED"));
        all.addAll(events);
        return all;
    }

    /**
     * The cart frozen now with its figures: each line remembers the unit price it was frozen at as
     * the price the shopper saw, so that once the freeze is over the re-priced cart's
     * {@code priceChanges} report what changed against the frozen figures.
     *
     * @param cart     the active, unfrozen cart
     * @param priced   its figures now (every line priced)
     * @param now      the instant of freezing
     * @param duration how long the freeze lasts
     * @return the frozen cart, at the stored version (the lifecycle gives it the next)
     */
    public static Cart frozen(Cart cart, PricedCart priced, Instant now, Duration duration) {
        Map<dev.cartflow.model.LineId, PricedLine> byLine = new HashMap<>();
        priced.lines().forEach(l -> byLine.put(l.lineId(), l));
        List<LineItem> lines = new ArrayList<>(cart.lines().size());
        for (LineItem line : cart.lines()) {
            PricedLine p = byLine.get(line.id());
            lines.add(p == null ? line : new LineItem(line.id(), line.sku(), line.quantity(), line.warehouse(),
                    p.unitPrice(), line.addedAt()));
        }
        Cart seen = cart.toBuilder().lines(lines).freeze(null).build();
        PricedCart figures = new PricedCart(seen, priced.currency(), priced.lines(), priced.subtotal(),
                priced.discount(), priced.shipping(), priced.shippingDiscount(), priced.shippingTax(), priced.tax(),
                priced.taxes(), priced.total(), priced.net(), priced.promotions(), priced.codes(), List.of(),
                priced.exchangeRate(), priced.pricedAt(), priced.unavailableLines(), priced.fallbacks());
        return seen.toBuilder().freeze(new CartFreeze(now, now.plus(duration), figures)).build();
    }

    /** The {@code FROZEN} event of a freeze: until when, and the total it fixed. */
    public static PendingEvent frozenEvent(CartFreeze freeze) {
        return PendingEvent.of(CartEvent.Type.FROZEN, "until", freeze.until().toString(),
                "total", freeze.figures().total().toDecimalString(),
                "currency", freeze.figures().currency().getCurrencyCode());
    }

    /** The {@code UNFROZEN} event of a freeze that ended, by request or because its time was over. */
    public static PendingEvent unfrozen(CartFreeze freeze, String reason) {
        return PendingEvent.of(CartEvent.Type.UNFROZEN, "reason", reason, "frozenUntil", freeze.until().toString());
    }
}
