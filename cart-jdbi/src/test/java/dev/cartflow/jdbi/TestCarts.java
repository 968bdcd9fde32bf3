package dev.cartflow.jdbi;

import dev.cartflow.model.Cart;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CartOwner;
import dev.cartflow.model.CartState;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.LineId;
import dev.cartflow.model.LineItem;
import dev.cartflow.model.Money;
import dev.cartflow.model.Sku;
import dev.cartflow.spi.CartWrite;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/** Builds carts and writes for tests. */
final class TestCarts {
    static final Currency EUR = Currency.getInstance("EUR");
    static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123456Z");

    private TestCarts() {
    }

    static Cart guestCart(CartId id) {
        return new Cart(id, new CartOwner.Guest("ab".repeat(32)), null, EUR, "DE", CartState.ACTIVE, 1,
                List.of(), List.of(), null, "{}", T0, T0, T0.plus(Duration.ofDays(30)), null);
    }

    static Cart customerCart(CartId id, String customer, Instant updatedAt) {
        return new Cart(id, new CartOwner.Customer(new CustomerId(customer)), "retail", EUR, "FR", CartState.ACTIVE,
                1, List.of(), List.of(), null, "{}", T0, updatedAt, updatedAt.plus(Duration.ofDays(30)), null);
    }

    static LineItem line(String sku, int quantity, long priceMinor, Instant at) {
        return new LineItem(new LineId("l-" + sku.hashCode() + "-" + sku.length()), Sku.of(sku), quantity,
                LineItem.DEFAULT_WAREHOUSE, Money.ofMinor(priceMinor, EUR), at);
    }

    /** The next snapshot with one more line, and its write with a LINE_ADDED event. */
    static CartWrite addLine(Cart cart, String sku, int quantity) {
        Instant at = cart.updatedAt().plusMillis(1);
        List<LineItem> lines = new ArrayList<>(cart.lines());
        lines.add(line(sku, quantity, 1999, at));
        Cart next = cart.toBuilder().version(cart.version() + 1).lines(lines).updatedAt(at).build();
        CartEvent event = new CartEvent(cart.id(), next.version(), 0, CartEvent.Type.LINE_ADDED, at,
                Map.of("sku", sku, "quantity", Integer.toString(quantity)));
        return new CartWrite(next, cart.version(), List.of(event), null);
    }

    /** A write that bumps the quantity of a line (or adds it) without new events data. */
    static CartWrite bump(Cart cart, String sku) {
        Instant at = cart.updatedAt().plusNanos(1000);
        List<LineItem> lines = new ArrayList<>();
        boolean found = false;
        for (LineItem l : cart.lines()) {
            if (l.sku().value().equals(sku)) {
                lines.add(l.withQuantity(l.quantity() + 1));
                found = true;
            } else {
                lines.add(l);
            }
        }
        if (!found) {
            lines.add(line(sku, 1, 500, at));
        }
        Cart next = cart.toBuilder().version(cart.version() + 1).lines(lines).updatedAt(at).build();
        CartEvent event = new CartEvent(cart.id(), next.version(), 0,
                found(cart, sku) ? CartEvent.Type.QUANTITY_CHANGED : CartEvent.Type.LINE_ADDED, at,
                Map.of("sku", sku));
        return new CartWrite(next, cart.version(), List.of(event), null);
    }

    private static boolean found(Cart cart, String sku) {
        return cart.lines().stream().anyMatch(l -> l.sku().value().equals(sku));
    }

    static CartWrite create(Cart cart) {
        return new CartWrite(cart, 0, List.of(new CartEvent(cart.id(), cart.version(), 0, CartEvent.Type.CREATED,
                cart.createdAt(), Map.of())), null);
    }
}
