package dev.cartflow.spi;

import dev.cartflow.model.ShippingMethod;
import java.util.Currency;
import java.util.List;

/**
 * The host's shipping methods for a currency and ship-to country.
 *
 * <p>Thread-safe: the engine calls it from any number of threads at once. A failure is reported as
 * a {@code CartException} (a plain exception becomes {@code PROVIDER_UNAVAILABLE} in the engine);
 * a null answer is a failure too.
 */
@FunctionalInterface
public interface ShippingProvider {
    /**
     * Shipping methods priced in a currency; the engine checks country and weight itself.
     *
     * @param currency the cart's currency
     * @param country  ship-to country
     * @return the methods
     */
    List<ShippingMethod> methods(Currency currency, String country);

    /**
     * Shipping methods priced in a currency for a destination, for zones below the country (a method
     * limited to some postal codes or states). The engine always calls this method; by default it
     * answers the country's methods, so a provider that knows only countries keeps working. A
     * decorator forwards it to its delegate's same method, never to the country-only one.
     *
     * @param currency    the cart's currency
     * @param destination the ship-to country with the subdivision and postal code of the cart's address
     * @return the methods that ship there; the engine still checks country and weight itself
     */
    default List<ShippingMethod> methods(Currency currency, Destination destination) {
        return methods(currency, destination.country());
    }
}
