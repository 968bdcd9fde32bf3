package dev.cartflow.service.grpc;

import com.google.protobuf.Timestamp;
import dev.cartflow.core.CheckoutResult;
import dev.cartflow.core.merge.MergeResult;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.CartOwner;
import dev.cartflow.model.Money;
import dev.cartflow.model.PricedCart;
import dev.cartflow.model.PricedLine;
import dev.cartflow.service.grpc.v1.Cart;
import dev.cartflow.service.grpc.v1.CartEvent.Builder;
import dev.cartflow.service.grpc.v1.CheckoutHandOff;
import dev.cartflow.service.grpc.v1.Code;
import dev.cartflow.service.grpc.v1.Hint;
import dev.cartflow.service.grpc.v1.Line;
import dev.cartflow.service.grpc.v1.LineDiscount;
import dev.cartflow.service.grpc.v1.LinesPage;
import dev.cartflow.service.grpc.v1.ListLinesResponse;
import dev.cartflow.service.grpc.v1.MergeLine;
import dev.cartflow.service.grpc.v1.MergeReport;
import dev.cartflow.service.grpc.v1.PriceChange;
import dev.cartflow.service.grpc.v1.Promotion;
import dev.cartflow.service.grpc.v1.TaxAmount;
import dev.cartflow.service.grpc.v1.Totals;
import dev.cartflow.service.LineWarehouses;
import dev.cartflow.service.PromotionDescriptions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Turns the engine's priced carts, lines and events into their gRPC messages. */
final class CartMessages {
    /** The most lines a cart message carries; the rest are paged through ListLines, as over HTTP. */
    static final int INLINE_LINES = 100;
    private static final long NANOS_PER_UNIT = 1_000_000_000L;

    private final PromotionDescriptions descriptions;

    CartMessages(PromotionDescriptions descriptions) {
        this.descriptions = descriptions;
    }

    /**
     * An amount as {@code google.type.Money}: whole units, and the fraction in nanos, both with the
     * amount's sign; exact for every currency of at most nine fraction digits.
     */
    static com.google.type.Money money(Money money) {
        long scale = pow10(money.scale());
        long units = money.minor() / scale;
        long nanos = (money.minor() % scale) * (NANOS_PER_UNIT / scale);
        return com.google.type.Money.newBuilder().setCurrencyCode(money.currency().getCurrencyCode())
                .setUnits(units).setNanos((int) nanos).build();
    }

    Cart cart(PricedCart priced) {
        dev.cartflow.model.Cart cart = priced.cart();
        LineWarehouses warehouses = LineWarehouses.of(cart);
        Cart.Builder message = Cart.newBuilder().setId(cart.id().toString()).setVersion(cart.version())
                .setState(cart.state().name()).setKind(cart.kind().name())
                .setOwner(cart.owner() instanceof CartOwner.Customer ? "CUSTOMER" : "GUEST")
                .setCurrency(cart.currency().getCurrencyCode()).setCountry(cart.country())
                .addAllLines(priced.lines().stream().limit(INLINE_LINES).map(l -> line(warehouses, l)).toList())
                .setLinesPage(page(priced.lines().size(), 0, INLINE_LINES))
                .setTotals(totals(priced))
                .setMetadataJson(cart.metadata())
                .setExpiresAt(timestamp(cart.expiresAt())).setUpdatedAt(timestamp(cart.updatedAt()));
        Optional.ofNullable(cart.customerGroup()).ifPresent(message::setCustomerGroup);
        Optional.ofNullable(cart.shippingMethod()).ifPresent(message::setShippingMethod);
        Optional.ofNullable(cart.freeze()).ifPresent(f -> message.setFrozenUntil(timestamp(f.until())));
        priced.codes().forEach(c -> message.addCodes(Code.newBuilder().setCode(c.code()).setState(c.state().name())));
        priced.taxes().forEach(t -> message.addTaxes(TaxAmount.newBuilder().setRate(t.rate().toString())
                .setAmount(money(t.amount()))));
        priced.promotions().forEach(p -> {
            Promotion.Builder promotion = Promotion.newBuilder().setPromotionId(p.promotionId())
                    .setResult(p.result().name()).setAmount(money(p.amount()));
            Optional.ofNullable(p.code()).ifPresent(promotion::setCode);
            Optional.ofNullable(p.reason()).ifPresent(promotion::setReason);
            Optional.ofNullable(descriptions.describe(p.promotionId())).ifPresent(promotion::setDescription);
            message.addPromotions(promotion);
        });
        priced.priceChanges().forEach(c -> message.addPriceChanges(PriceChange.newBuilder()
                .setLineId(c.lineId().toString()).setSku(c.sku().value()).setPrevious(money(c.previous()))
                .setCurrent(money(c.current()))));
        priced.hints().forEach(h -> {
            Hint.Builder hint = Hint.newBuilder().setSubject(h.subject().name()).setId(h.id())
                    .setKind(h.kind().name()).setMissingUnits(h.missingUnits());
            Optional.ofNullable(h.missingAmount()).ifPresent(m -> hint.setMissingAmount(money(m)));
            Optional.ofNullable(descriptions.describe(h.id())).ifPresent(hint::setDescription);
            message.addHints(hint);
        });
        priced.unavailableLines().forEach(l -> message.addUnavailableLines(l.toString()));
        priced.fallbacks().stream().sorted().forEach(message::addFallbacks);
        return message.build();
    }

    Cart checkout(CheckoutResult result) {
        return cart(result.priced()).toBuilder().setCheckout(CheckoutHandOff.newBuilder()
                .setReservationId(result.reservationId()).addAllRedeemed(result.redeemed())).build();
    }

    Cart merge(MergeResult result, PricedCart priced) {
        MergeReport.Builder report = MergeReport.newBuilder().setPreview(result.preview())
                .setGuestCartId(result.guestCart().id().toString()).addAllCodes(result.codes());
        result.lines().forEach(l -> {
            MergeLine.Builder line = MergeLine.newBuilder().setSku(l.sku().value()).setWarehouse(l.warehouse())
                    .setGuestQuantity(l.guestQuantity()).setCustomerQuantity(l.customerQuantity())
                    .setResultQuantity(l.resultQuantity()).setOutcome(l.outcome().name());
            Optional.ofNullable(l.reason()).ifPresent(line::setReason);
            report.addLines(line);
        });
        return cart(priced).toBuilder().setMerge(report).build();
    }

    ListLinesResponse lines(PricedCart priced, int offset, int limit) {
        dev.cartflow.model.Cart cart = priced.cart();
        LineWarehouses warehouses = LineWarehouses.of(cart);
        List<PricedLine> all = priced.lines();
        return ListLinesResponse.newBuilder().setCartId(cart.id().toString()).setVersion(cart.version())
                .addAllLines(all.stream().skip(offset).limit(limit).map(l -> line(warehouses, l)).toList())
                .setPage(page(all.size(), offset, limit)).build();
    }

    static dev.cartflow.service.grpc.v1.CartEvent event(CartEvent event) {
        Builder message = dev.cartflow.service.grpc.v1.CartEvent.newBuilder().setCartId(event.cartId().toString())
                .setVersion(event.sequence()).setIndex(event.index()).setType(event.type().name())
                .setAt(timestamp(event.at()));
        return message.putAllData(event.data()).build();
    }

    private static Totals totals(PricedCart priced) {
        return Totals.newBuilder().setSubtotal(money(priced.subtotal())).setDiscount(money(priced.discount()))
                .setShipping(money(priced.shipping())).setShippingDiscount(money(priced.shippingDiscount()))
                .setShippingTax(money(priced.shippingTax())).setTax(money(priced.tax()))
                .setTotal(money(priced.total())).setNet(money(priced.net())).build();
    }

    private static LinesPage page(int total, int offset, int limit) {
        return LinesPage.newBuilder().setOffset(offset).setLimit(limit).setTotal(total)
                .setHasMore((long) offset + limit < total).build();
    }

    private static Line line(LineWarehouses warehouses, PricedLine line) {
        Line.Builder message = Line.newBuilder().setLineId(line.lineId().toString()).setSku(line.sku().value())
                .setQuantity(line.quantity()).setWarehouse(warehouses.of(line.lineId()))
                .setUnitPrice(money(line.unitPrice())).setSubtotal(money(line.subtotal()))
                .setDiscount(money(line.discount())).setTax(money(line.tax())).setTotal(money(line.total()));
        line.discounts().forEach(d -> message.addDiscounts(LineDiscount.newBuilder().setPromotionId(d.promotionId())
                .setAmount(money(d.amount()))));
        return message.build();
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }

    private static long pow10(int exponent) {
        long value = 1;
        for (int i = 0; i < exponent; i++) {
            value *= 10;
        }
        return value;
    }
}
