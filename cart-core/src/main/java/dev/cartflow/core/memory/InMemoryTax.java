package dev.cartflow.core.memory;

import dev.cartflow.error.CartException;
import dev.cartflow.model.Checks;
import dev.cartflow.model.Rate;
import dev.cartflow.spi.Destination;
import dev.cartflow.spi.TaxProvider;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Thread-safe tax rates in memory, by category and destination: a country's rates, and rates of a
 * subdivision (a state, a province) that replace the country's there. Each entry is a list of rates
 * on the same base, so that Canada reads as GST alone where no province is known, GST and PST
 * together in British Columbia ({@code 0.05} and {@code 0.07}), and HST in Ontario ({@code 0.13});
 * and US sales tax as one rate per state with none for the country.
 */
public final class InMemoryTax implements TaxProvider {
    /** A category in a country, or in one subdivision of it ({@code ""} for the whole country). */
    private record Key(String category, String country, String subdivision) {
    }

    private final Map<Key, List<Rate>> rates = new ConcurrentHashMap<>();

    /** No rates: every category is untaxed everywhere. */
    public InMemoryTax() {
    }

    /**
     * Sets the rates of a category in a whole country (where no subdivision rate applies).
     *
     * @param category the tax category quoted by the pricing provider
     * @param country  ISO 3166-1 alpha-2
     * @param rates    the rates, on the same base; empty for untaxed
     * @return this
     */
    public InMemoryTax put(String category, String country, List<Rate> rates) {
        this.rates.put(new Key(Checks.text(category, "tax category", 64), Checks.country(country, "country"), ""),
                copy(rates));
        return this;
    }

    /**
     * Sets the rates of a category in one subdivision; they replace the country's rates there.
     *
     * @param category    the tax category
     * @param country     ISO 3166-1 alpha-2
     * @param subdivision the state or province code ({@code CA} for {@code US-CA})
     * @param rates       every rate that applies there, on the same base (the country's included)
     * @return this
     */
    public InMemoryTax put(String category, String country, String subdivision, List<Rate> rates) {
        this.rates.put(new Key(Checks.text(category, "tax category", 64), Checks.country(country, "country"),
                Checks.region(subdivision, "subdivision")), copy(rates));
        return this;
    }

    private static List<Rate> copy(List<Rate> rates) {
        CartException.requireNonNull(rates, "rates");
        rates.forEach(r -> CartException.requireNonNull(r, "rate"));
        return List.copyOf(rates);
    }

    @Override
    public Map<String, List<Rate>> rates(String country, Set<String> categories) {
        return rates(Destination.country(country), categories);
    }

    @Override
    public Map<String, List<Rate>> rates(Destination destination, Set<String> categories) {
        CartException.requireNonNull(destination, "destination");
        CartException.requireNonNull(categories, "categories");
        Map<String, List<Rate>> answer = new HashMap<>();
        for (String category : categories) {
            List<Rate> found = destination.subdivision() == null ? null
                    : rates.get(new Key(category, destination.country(), destination.subdivision()));
            if (found == null) {
                found = rates.get(new Key(category, destination.country(), ""));
            }
            if (found != null) {
                answer.put(category, found);
            }
        }
        return answer;
    }
}
