package dev.cartflow.tck;

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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/** Builders of carts and events for contract tests. */
public final class CartFixtures {
    /** The instant fixtures are created at. */
    public static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    /** Euro. */
    public static final Currency EUR = Currency.getInstance("EUR");

    private CartFixtures() {
    }

    /**
     * A new guest cart at version 1 with no lines.
     *
     * @return the cart, with a fresh random id
     */
    public static Cart guestCart() {
        return new Cart(CartId.random(), new CartOwner.Guest("a".repeat(64)), null, EUR, "DE", CartState.ACTIVE, 1,
                List.of(), List.of(), null, "{}", T0, T0, T0.plus(Duration.ofDays(30)), null);
    }

    /**
     * A new customer cart at version 1 with no lines.
     *
     * @param customerId the owner's customer id
     * @param updatedAt  its last change, from which its expiry is counted
     * @return the cart, with a fresh random id
     */
    public static Cart customerCart(String customerId, Instant updatedAt) {
        return new Cart(CartId.random(), new CartOwner.Customer(new CustomerId(customerId)), "vip", EUR, "DE",
                CartState.ACTIVE, 1, List.of(), List.of(), null, "{}", T0, updatedAt,
                updatedAt.plus(Duration.ofDays(90)), null);
    }

    /**
     * The next version of a cart with one more unit of {@code sku} (a new line when absent).
     *
     * @param cart the cart as stored
     * @param sku  the product to add one unit of
     * @return the cart at the next version
     */
    public static Cart addUnit(Cart cart, String sku) {
        Sku s = new Sku(sku);
        List<LineItem> lines = new ArrayList<>(cart.lines());
        int index = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).holds(s, LineItem.DEFAULT_WAREHOUSE)) {
                index = i;
            }
        }
        if (index < 0) {
            lines.add(new LineItem(new LineId("l" + (lines.size() + 1) + "-" + sku.hashCode()), s, 1,
                    LineItem.DEFAULT_WAREHOUSE, Money.parse("9.99", cart.currency()), cart.updatedAt()));
        } else {
            lines.set(index, lines.get(index).withQuantity(lines.get(index).quantity() + 1));
        }
        return cart.toBuilder().lines(lines).version(cart.version() + 1).build();
    }

    /**
     * The same cart at the next version, in another state.
     *
     * @param cart  the cart as stored
     * @param state the state it moves to
     * @return the cart at the next version
     */
    public static Cart withState(Cart cart, CartState state) {
        return cart.toBuilder().state(state).version(cart.version() + 1).build();
    }

    /**
     * One event of the change that produced {@code cart}.
     *
     * @param cart the cart after the change
     * @param type what happened
     * @return the event, numbered by the cart's version, index 0
     */
    public static CartEvent event(Cart cart, CartEvent.Type type) {
        return new CartEvent(cart.id(), cart.version(), 0, type, cart.updatedAt(), Map.of("v", "" + cart.version()));
    }
}
