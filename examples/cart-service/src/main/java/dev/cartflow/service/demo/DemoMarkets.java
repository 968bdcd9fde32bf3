package dev.cartflow.service.demo;

import dev.cartflow.core.memory.InMemoryTax;
import dev.cartflow.model.Rate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where the demo shop sells and how each place taxes: VAT per country (a standard and a reduced
 * rate), and US sales tax per state with none for the country as a whole, so that a US cart is
 * taxed once its address names a state (the sub-national region of the demo).
 */
final class DemoMarkets {

    /**
     * A state or province with its own tax.
     *
     * @param code     the ISO 3166-2 subdivision code without the country ({@code CA})
     * @param name     its name
     * @param standard the standard rate there
     * @param reduced  the reduced rate there (groceries, books)
     */
    record Subdivision(String code, String name, String standard, String reduced) {
    }

    /**
     * A country the shop ships to.
     *
     * @param code         ISO 3166-1 alpha-2
     * @param name         its English name
     * @param currency     the currency its shoppers usually pay in
     * @param standard     the country's standard rate, or null where only subdivisions tax
     * @param reduced      the country's reduced rate, or null where only subdivisions tax
     * @param subdivisions the subdivisions with their own rates
     */
    record Country(String code, String name, String currency, @Nullable String standard, @Nullable String reduced,
                   List<Subdivision> subdivisions) {
    }

    /** Every country, in the order the page lists them. */
    static final List<Country> COUNTRIES = List.of(
            new Country("DE", "Germany", "EUR", "0.19", "0.07", List.of()),
            new Country("AT", "Austria", "EUR", "0.20", "0.10", List.of()),
            new Country("FR", "France", "EUR", "0.20", "0.055", List.of()),
            new Country("NL", "Netherlands", "EUR", "0.21", "0.09", List.of()),
            new Country("US", "United States", "USD", null, null, List.of(
                    new Subdivision("CA", "California", "0.0725", "0"),
                    new Subdivision("NY", "New York", "0.04", "0"),
                    new Subdivision("TX", "Texas", "0.0625", "0"),
                    new Subdivision("WA", "Washington", "0.065", "0"))));

    private DemoMarkets() {
    }

    /** The rates of every country and subdivision, by the tax categories the prices name. */
    static InMemoryTax tax() {
        InMemoryTax tax = new InMemoryTax();
        for (Country country : COUNTRIES) {
            if (country.standard() != null) {
                tax.put(DemoCatalog.STANDARD, country.code(), rates(country.standard()));
                tax.put(DemoCatalog.REDUCED, country.code(), rates(country.reduced()));
            }
            for (Subdivision subdivision : country.subdivisions()) {
                tax.put(DemoCatalog.STANDARD, country.code(), subdivision.code(), rates(subdivision.standard()));
                tax.put(DemoCatalog.REDUCED, country.code(), subdivision.code(), rates(subdivision.reduced()));
            }
        }
        return tax;
    }

    private static List<Rate> rates(String rate) {
        // a zero rate is no tax at all, not a 0 % line in the cart's tax table
        return Rate.parse(rate).compareTo(Rate.ZERO) == 0 ? List.of() : List.of(Rate.parse(rate));
    }
}
