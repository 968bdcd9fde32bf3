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
}
