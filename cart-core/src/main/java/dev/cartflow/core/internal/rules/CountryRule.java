package dev.cartflow.core.internal.rules;

import dev.cartflow.core.internal.snapshot.Snapshot;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.LineItem;
import dev.cartflow.model.Product;
import dev.cartflow.model.Sku;
import java.util.List;
import java.util.Map;

/** A country change: every line must be sold there and the selected method must ship there. */
final class CountryRule {
    private CountryRule() {
    }

    static Change change(Cart cart, String country, Snapshot snapshot) {
        if (country.equals(cart.country())) {
            return null;
        }
        Map<Sku, Product> products = snapshot.products(Snapshot.skusOf(cart));
        for (LineItem line : cart.lines()) {
            Product product = products.get(line.sku());
            if (product != null && !product.sellableIn(country)) {
                throw new CartException(CartErrorCode.COUNTRY_RESTRICTED, line.sku() + " is not sold in " + country);
            }
        }
        if (cart.shippingMethod() != null) {
            ShippingRule.requireAvailable(cart, cart.shippingMethod(), country, snapshot);
        }
        return new Change(cart.toBuilder().country(country).build(),
                List.of(PendingEvent.of(CartEvent.Type.COUNTRY_CHANGED, "from", cart.country(), "to", country)));
    }
}
