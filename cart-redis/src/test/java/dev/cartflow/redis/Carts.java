package dev.cartflow.redis;

import dev.cartflow.model.Cart;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CartOwner;
import dev.cartflow.model.CartState;
import dev.cartflow.model.LineId;
import dev.cartflow.model.LineItem;
import dev.cartflow.model.Money;
import dev.cartflow.model.Sku;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/** Carts for this module's own tests, dated now so that cache lifetimes are realistic. */
final class Carts {
    static final Currency EUR = Currency.getInstance("EUR");

    private Carts() {
    }

    static Cart guest() {
        Instant now = Instant.now();
        return new Cart(CartId.random(), new CartOwner.Guest("ab".repeat(32)), null, EUR, "DE", CartState.ACTIVE, 1,
                List.of(), List.of(), null, "{}", now, now, now.plus(Duration.ofDays(7)), null);
    }

    /** The next version with one more unit of the sku. */
    static Cart add(Cart cart, String sku) {
        List<LineItem> lines = new ArrayList<>(cart.lines());
            int at = -1;
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).sku().value().equals(sku)) {
                    at = i;
                }
            }
            if (at >= 0) {
                lines.set(at, lines.get(at).withQuantity(lines.get(at).quantity() + 1));
            } else {
                lines.add(new LineItem(new LineId("l-" + sku), Sku.of(sku), 1, LineItem.DEFAULT_WAREHOUSE,
                        Money.ofMinor(999, EUR), cart.updatedAt()));
            }
        return cart.toBuilder().lines(lines).version(cart.version() + 1).build();
    }

    static Cart withState(Cart cart, CartState state) {
        return cart.toBuilder().state(state).version(cart.version() + 1).build();
    }
}
