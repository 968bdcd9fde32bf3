package dev.cartflow.service.demo;

import dev.cartflow.core.memory.InMemoryTax;
import dev.cartflow.model.Money;
import dev.cartflow.model.Rate;
import dev.cartflow.model.ShippingMethod;
import dev.cartflow.spi.Destination;
import dev.cartflow.spi.ShippingProvider;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The demo shop's shipping: each method as offered in one currency to some countries, at its own
 * price and free-above threshold, so that STANDARD costs 4.90 EUR in Germany and 6.90 EUR in France.
 * A method is taxed at the standard rate of where it ships to (none in a US cart without a state).
 */
final class DemoShipping implements ShippingProvider {
    private static final Set<String> DACH = Set.of("DE", "AT");
    private static final Set<String> FR_NL = Set.of("FR", "NL");
    private static final Set<String> EU = Set.of("DE", "AT", "FR", "NL");
    private static final Set<String> US = Set.of("US");
    private static final long NO_WEIGHT_LIMIT = Long.MAX_VALUE;

    /**
     * A method as offered in one currency to some countries.
     *
     * @param id             the method id carts select
     * @param name           its name on the page
     * @param price          the net price
     * @param freeAbove      the items' amount from which it is free, or null for never
     * @param maxWeightGrams the heaviest cart it takes
     * @param countries      where it ships to
     */
    record Offer(String id, String name, Money price, @Nullable Money freeAbove, long maxWeightGrams,
                 Set<String> countries) {
    }

    /** Every offer, in the order the page lists them. */
    static final List<Offer> OFFERS = List.of(
            // STANDARD in DE and AT is the placeholder's method, unchanged: other tests use it
            new Offer("STANDARD", "Standard, 2-4 days", eur("4.90"), eur("50.00"), 30_000, DACH),
            new Offer("STANDARD", "Standard, 3-5 days", eur("6.90"), eur("75.00"), 30_000, FR_NL),
            new Offer("EXPRESS", "Express, next day", eur("9.90"), null, 10_000, DACH),
            new Offer("EXPRESS", "Express, 1-2 days", eur("12.90"), null, 10_000, FR_NL),
            new Offer("PICKUP", "Pick up in our Berlin store", eur("0.00"), null, NO_WEIGHT_LIMIT, Set.of("DE")),
            new Offer("INTERNATIONAL", "International, 7-10 days", eur("24.90"), eur("150.00"), 20_000, US),
            new Offer("STANDARD", "Standard, 3-5 days", usd("5.90"), usd("60.00"), 30_000, US),
            new Offer("EXPRESS", "Express, 1-2 days", usd("14.90"), null, 10_000, US),
            new Offer("INTERNATIONAL", "International, 7-10 days", usd("24.90"), usd("150.00"), 20_000, EU));

    private final InMemoryTax tax;

    DemoShipping(InMemoryTax tax) {
        this.tax = tax;
    }

    @Override
    public List<ShippingMethod> methods(Currency currency, String country) {
        return methods(currency, Destination.country(country));
    }

    @Override
    public List<ShippingMethod> methods(Currency currency, Destination destination) {
        List<Rate> rates = tax.rates(destination, Set.of(DemoCatalog.STANDARD))
                .getOrDefault(DemoCatalog.STANDARD, List.of());
        return OFFERS.stream()
                .filter(o -> o.price().currency().equals(currency) && o.countries().contains(destination.country()))
                .map(o -> new ShippingMethod(o.id(), o.price(), o.freeAbove(), rates, o.maxWeightGrams(),
                        o.countries()))
                .toList();
    }

    /** The offers in a currency, for the page. */
    static List<Offer> offers(Currency currency) {
        return OFFERS.stream().filter(o -> o.price().currency().equals(currency)).toList();
    }

    private static Money eur(String amount) {
        return Money.parse(amount, DemoCatalog.EUR);
    }

    private static Money usd(String amount) {
        return Money.parse(amount, DemoCatalog.USD);
    }
}
