package dev.cartflow.spi;

import dev.cartflow.model.Rate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Resolves tax categories to rates for a ship-to country. */
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
}
