package dev.cartflow.spi;

import dev.cartflow.model.Rate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves tax categories to rates for a ship-to country, for quotes that name a category instead
 * of rates.
 *
 * <p>Thread-safe: the engine calls it from any number of threads at once. A failure is reported as
 * a {@code CartException} (a plain exception becomes {@code PROVIDER_UNAVAILABLE} in the engine);
 * a null answer is a failure too.
 */
@FunctionalInterface
public interface TaxProvider {
    /**
     * The rates of each category in a country; a category missing from the result is untaxed there.
     *
     * @param country    ISO 3166-1 alpha-2 ship-to country
     * @param categories the categories quoted by the pricing provider
     * @return rates by category
     */
    Map<String, List<Rate>> rates(String country, Set<String> categories);

    /**
     * The rates of each category at a destination, for sub-national tax (a US state's sales tax,
     * Canada's GST with a province's PST, or its HST). The engine always calls this method; by
     * default it answers the country's rates, so a provider that knows only countries keeps working.
     * A decorator forwards it to its delegate's same method, never to the country-only one.
     *
     * @param destination the ship-to country with the subdivision and postal code of the cart's address
     * @param categories  the categories quoted by the pricing provider
     * @return rates by category
     */
    default Map<String, List<Rate>> rates(Destination destination, Set<String> categories) {
        return rates(destination.country(), categories);
    }
}
