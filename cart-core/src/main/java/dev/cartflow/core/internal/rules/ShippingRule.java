package dev.cartflow.core.internal.rules;

import dev.cartflow.core.internal.snapshot.Snapshot;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.Product;
import dev.cartflow.model.ShippingMethod;
import dev.cartflow.model.Sku;
import dev.cartflow.spi.Destination;
import java.util.Map;

/**
 * Shipping selection: a method must exist for the cart's currency, ship to its destination (the
 * provider answers per destination: country, subdivision and postal code) and take its weight; a
 * change that would leave the selected method unable to ship is refused.
 */
public final class ShippingRule {
    private ShippingRule() {
    }

    /** Selects a method, or none with null; null when nothing changes. */
    static Change select(Cart cart, String methodId, Snapshot snapshot) {
        if (methodId == null) {
            if (cart.shippingMethod() == null) {
                return null;
            }
            return new Change(cart.toBuilder().shippingMethod(null).build(),
                    java.util.List.of(PendingEvent.of(CartEvent.Type.SHIPPING_SELECTED, "method", "")));
        }
        requireAvailable(cart, methodId, cart.country(), snapshot);
        if (methodId.equals(cart.shippingMethod())) {
            return null;
        }
        return new Change(cart.toBuilder().shippingMethod(methodId).build(),
                java.util.List.of(PendingEvent.of(CartEvent.Type.SHIPPING_SELECTED, "method", methodId)));
    }

    /**
     * Fails with {@code SHIPPING_NOT_AVAILABLE} unless {@code methodId} ships the cart's lines to
     * {@code country}.
     */
    public static void requireAvailable(Cart cart, String methodId, String country, Snapshot snapshot) {
        long weight = Snapshot.weight(cart.lines(), snapshot.products(Snapshot.skusOf(cart)));
        if (find(methodId, country, weight, snapshot) == null) {
            throw new CartException(CartErrorCode.SHIPPING_NOT_AVAILABLE,
                    "shipping method " + methodId + " does not ship this cart to " + country);
        }
    }

    /**
     * Fails with {@code SHIPPING_NOT_AVAILABLE} unless {@code methodId} ships the cart's lines to
     * {@code destination} (the message names only its country: the postal code is personal data).
     */
    static void requireAvailable(Cart cart, String methodId, Destination destination, Snapshot snapshot) {
        long weight = Snapshot.weight(cart.lines(), snapshot.products(Snapshot.skusOf(cart)));
        boolean ships = snapshot.shippingMethods(destination).stream()
                .anyMatch(m -> m.id().equals(methodId) && m.available(destination.country(), weight));
        if (!ships) {
            throw new CartException(CartErrorCode.SHIPPING_NOT_AVAILABLE, "shipping method " + methodId
                    + " does not ship this cart to the new address in " + destination.country());
        }
    }

    /** The cart's selected method if it can still ship the cart, else null (priced without shipping). */
    public static ShippingMethod selected(Cart cart, Map<Sku, Product> products, Snapshot snapshot) {
        if (cart.shippingMethod() == null) {
            return null;
        }
        return find(cart.shippingMethod(), cart.country(), Snapshot.weight(cart.lines(), products), snapshot);
    }

    /** A line that grows must not make the cart too heavy for the selected shipping method. */
    static void requireWeightAllowed(Cart cart, Map<Sku, Long> units, Map<Sku, Product> products,
                                     Snapshot snapshot) {
        long before = Snapshot.weight(cart.lines(), products);
        long after = 0;
        for (Map.Entry<Sku, Long> e : units.entrySet()) {
            Product product = products.get(e.getKey());
            if (product != null) {
                after = Math.addExact(after, Math.multiplyExact(product.weightGrams(), e.getValue()));
            }
        }
        if (after <= before) {
            return;
        }
        if (find(cart.shippingMethod(), cart.country(), after, snapshot) == null) {
            throw new CartException(CartErrorCode.SHIPPING_NOT_AVAILABLE, "the selected shipping method "
                    + cart.shippingMethod() + " does not take " + after + " g");
        }
    }

    private static ShippingMethod find(String methodId, String country, long weight, Snapshot snapshot) {
        return snapshot.shippingMethods(country).stream()
                .filter(m -> m.id().equals(methodId) && m.available(country, weight))
                .findFirst().orElse(null);
    }
}
