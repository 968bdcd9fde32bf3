package dev.cartflow.spi;

import dev.cartflow.model.ShippingMethod;
import java.util.Currency;
import java.util.List;

/** The host's shipping methods. */
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
}
