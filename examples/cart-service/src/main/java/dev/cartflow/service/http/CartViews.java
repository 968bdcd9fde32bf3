package dev.cartflow.service.http;

import dev.cartflow.service.LineWarehouses;
import dev.cartflow.service.PromotionDescriptions;
import dev.cartflow.core.CheckoutResult;
import dev.cartflow.core.merge.MergeResult;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartOwner;
import dev.cartflow.model.LineId;
import dev.cartflow.model.PricedCart;
import dev.cartflow.model.PricedLine;
import dev.cartflow.service.http.CartJson.LineJson;
import java.util.List;

/** Turns the engine's priced carts into their JSON form. */
final class CartViews {
    /** The most lines a cart response carries; the rest are paged through {@code /carts/{id}/lines}. */
    static final int INLINE_LINES = 100;

    private final PromotionDescriptions descriptions;

    CartViews(PromotionDescriptions descriptions) {
        this.descriptions = descriptions;
    }

    CartJson cart(PricedCart priced) {
        Cart cart = priced.cart();
        LineWarehouses warehouses = LineWarehouses.of(cart);
        List<LineJson> lines = priced.lines().stream().limit(INLINE_LINES).map(l -> line(warehouses, l)).toList();
        return new CartJson(cart.id().toString(), cart.version(), cart.state().name(), cart.kind().name(),
                cart.owner() instanceof CartOwner.Customer ? "CUSTOMER" : "GUEST", cart.currency().getCurrencyCode(),
                cart.country(), cart.customerGroup(), lines, page(cart, priced.lines().size(), 0, INLINE_LINES),
                priced.codes().stream().map(c -> new CartJson.CodeJson(c.code(), c.state().name())).toList(),
                cart.shippingMethod(),
                new CartJson.TotalsJson(MoneyJson.of(priced.subtotal()), MoneyJson.of(priced.discount()),
                        MoneyJson.of(priced.shipping()), MoneyJson.of(priced.shippingDiscount()),
                        MoneyJson.of(priced.shippingTax()), MoneyJson.of(priced.tax()), MoneyJson.of(priced.total()),
                        MoneyJson.of(priced.net())),
                priced.taxes().stream().map(t -> new CartJson.TaxJson(t.rate().toString(), MoneyJson.of(t.amount())))
                        .toList(),
                priced.promotions().stream().map(p -> new CartJson.PromotionJson(p.promotionId(), p.code(),
                        p.result().name(), MoneyJson.of(p.amount()), p.reason(),
                        descriptions.describe(p.promotionId()))).toList(),
                priced.priceChanges().stream().map(c -> new CartJson.PriceChangeJson(c.lineId().toString(),
                        c.sku().value(), MoneyJson.of(c.previous()), MoneyJson.of(c.current()))).toList(),
                priced.hints().stream().map(h -> new CartJson.HintJson(h.subject().name(), h.id(), h.kind().name(),
                        MoneyJson.of(h.missingAmount()), h.missingUnits(), descriptions.describe(h.id()))).toList(),
                priced.unavailableLines().stream().map(LineId::toString).toList(),
                priced.fallbacks().stream().sorted().toList(), cart.metadata(),
                cart.freeze() == null ? null : cart.freeze().until(), cart.expiresAt(), cart.updatedAt(),
                null, null, null);
    }

    CartJson checkout(CheckoutResult result) {
        return cart(result.priced()).withCheckout(new CartJson.CheckoutJson(result.reservationId(), result.redeemed()));
    }

    CartJson merge(MergeResult result, PricedCart priced) {
        return cart(priced).withMerge(new CartJson.MergeJson(result.preview(), result.guestCart().id().toString(),
                result.lines().stream().map(l -> new CartJson.MergeLineJson(l.sku().value(), l.warehouse(),
                        l.guestQuantity(), l.customerQuantity(), l.resultQuantity(), l.outcome().name(), l.reason()))
                        .toList(), result.codes()));
    }

    LinesJson lines(PricedCart priced, int offset, int limit) {
        Cart cart = priced.cart();
        List<PricedLine> all = priced.lines();
        LineWarehouses warehouses = LineWarehouses.of(cart);
        List<LineJson> page = all.stream().skip(offset).limit(limit).map(l -> line(warehouses, l)).toList();
        return new LinesJson(cart.id().toString(), cart.version(), page, page(cart, all.size(), offset, limit));
    }

    private static CartJson.LinesPageJson page(Cart cart, int total, int offset, int limit) {
        int end = offset + limit;
        String next = end < total ? "/carts/" + cart.id() + "/lines?offset=" + end + "&limit=" + limit : null;
        return new CartJson.LinesPageJson(offset, limit, total, next);
    }

    private static LineJson line(LineWarehouses warehouses, PricedLine line) {
        return new LineJson(line.lineId().toString(), line.sku().value(), line.quantity(),
                warehouses.of(line.lineId()),
                MoneyJson.of(line.unitPrice()), MoneyJson.of(line.subtotal()), MoneyJson.of(line.discount()),
                MoneyJson.of(line.tax()), MoneyJson.of(line.total()),
                line.discounts().stream().map(d -> new CartJson.LineDiscountJson(d.promotionId(),
                        MoneyJson.of(d.amount()))).toList());
    }
}
