package dev.cartflow.core.internal.rules;

import dev.cartflow.core.internal.snapshot.Snapshot;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.LineItem;
import dev.cartflow.model.Product;
import dev.cartflow.model.Sku;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A country change: every line must be sold there and the selected method must ship there. The
 * shipping address belongs to the old country (its subdivision and postal code mean nothing in
 * another one), so a change to another country clears it; the billing country stays.
 */
final class CountryRule {
    private CountryRule() {
    }

    static Change change(Cart cart, String country, Snapshot snapshot) {
        if (country.equals(cart.country())) {
            return null;
        }
        requireSellable(cart, country, snapshot);
        if (cart.shippingMethod() != null) {
            ShippingRule.requireAvailable(cart, cart.shippingMethod(), country, snapshot);
        }
        List<PendingEvent> events = new ArrayList<>();
        events.add(changed(cart.country(), country));
        if (cart.shippingAddress() != null) {
            events.add(AddressRule.changed(country, null));
        }
        return new Change(cart.toBuilder().country(country).shippingAddress(null).build(), events);
    }

    /** Fails with {@code COUNTRY_RESTRICTED} when a line of the cart is not sold in {@code country}. */
    static void requireSellable(Cart cart, String country, Snapshot snapshot) {
        Map<Sku, Product> products = snapshot.products(Snapshot.skusOf(cart));
        for (LineItem line : cart.lines()) {
            Product product = products.get(line.sku());
            if (product != null && !product.sellableIn(country)) {
                throw new CartException(CartErrorCode.COUNTRY_RESTRICTED, line.sku() + " is not sold in " + country);
            }
        }
    }

    static PendingEvent changed(String from, String to) {
        return PendingEvent.of(CartEvent.Type.COUNTRY_CHANGED, "from", from, "to", to);
    }
}
