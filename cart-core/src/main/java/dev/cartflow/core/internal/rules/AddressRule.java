package dev.cartflow.core.internal.rules;

import dev.cartflow.core.CartCommand.ChangeAddress;
import dev.cartflow.core.internal.snapshot.Snapshot;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.ShippingAddress;
import dev.cartflow.spi.Destination;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A change of address: the address and billing country are replaced, the country too when the
 * command names one. A new country must sell every line; the selected shipping method must ship to
 * the new destination, else the change fails with {@code SHIPPING_NOT_AVAILABLE} and the cart stays
 * as it was (as for a country change: the shopper picks another method, nothing is dropped
 * silently). The event says only the country and the subdivision, never the postal code, the city
 * or the street.
 */
final class AddressRule {
    private AddressRule() {
    }

    static Change change(Cart cart, ChangeAddress command, Snapshot snapshot) {
        String country = command.country() != null ? command.country() : cart.country();
        ShippingAddress address = command.address();
        if (country.equals(cart.country()) && Objects.equals(address, cart.shippingAddress())
                && Objects.equals(command.billingCountry(), cart.billingCountry())) {
            return null;
        }
        List<PendingEvent> events = new ArrayList<>();
        if (!country.equals(cart.country())) {
            CountryRule.requireSellable(cart, country, snapshot);
            events.add(CountryRule.changed(cart.country(), country));
        }
        Destination to = Destination.of(country, address);
        if (cart.shippingMethod() != null && !to.equals(snapshot.destination())) {
            ShippingRule.requireAvailable(cart, cart.shippingMethod(), to, snapshot);
        }
        events.add(changed(country, address));
        return new Change(cart.toBuilder().country(country).shippingAddress(address)
                .billingCountry(command.billingCountry()).build(), events);
    }

    /** {@code ADDRESS_CHANGED} with the country and the subdivision (empty when none), nothing else. */
    static PendingEvent changed(String country, ShippingAddress address) {
        String subdivision = address == null || address.subdivision() == null ? "" : address.subdivision();
        return PendingEvent.of(CartEvent.Type.ADDRESS_CHANGED, "country", country, "subdivision", subdivision);
    }
}
