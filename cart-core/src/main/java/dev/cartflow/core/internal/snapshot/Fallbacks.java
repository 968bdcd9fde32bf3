package dev.cartflow.core.internal.snapshot;

import java.util.Set;
import java.util.function.Consumer;

/**
 * The names under which providers are flagged in {@code PricedCart.fallbacks()} and reported by
 * their circuit breakers, and which of them give money figures.
 */
public final class Fallbacks {
    /** Products. */
    public static final String CATALOG = "catalog";
    /** Unit prices. */
    public static final String PRICING = "pricing";
    /** Rates of tax categories. */
    public static final String TAX = "tax";
    /** Currency conversions. */
    public static final String EXCHANGE_RATES = "exchange-rates";
    /** Stock levels. */
    public static final String INVENTORY = "inventory";
    /** Stock reservations at checkout (a write: never a fallback). */
    public static final String RESERVATIONS = "reservations";
    /** Promotions and codes. */
    public static final String PROMOTIONS = "promotions";
    /** Redemption counts. */
    public static final String PROMOTION_USAGE = "promotion-usage";
    /** Shipping methods. */
    public static final String SHIPPING = "shipping";
    /** Customer profiles (group, tax exemption). */
    public static final String CUSTOMERS = "customers";
    /** Cart storage (never a fallback). */
    public static final String REPOSITORY = "repository";

    /**
     * The providers whose answers become amounts the customer pays: unit prices, tax rates,
     * conversions, discounts, shipping prices, and the customer's profile (its group chooses prices
     * and promotions, its exemption removes tax). The catalog (restrictions, weights), stock levels
     * and redemption counts are not among them: checkout's reservation and redemption are the
     * authoritative checks of the last two.
     */
    public static final Set<String> MONEY = Set.of(PRICING, TAX, EXCHANGE_RATES, PROMOTIONS, SHIPPING, CUSTOMERS);

    private Fallbacks() {
    }

    /**
     * The provider as the snapshot of one attempt should ask it: a reporting view when it is a
     * {@link FallbackReporting} decorator of this interface, else the provider itself.
     *
     * @param provider   the configured provider
     * @param type       its interface
     * @param onFallback told the name of each provider whose fallback answered
     * @param <P>        the interface
     * @return what to call
     */
    public static <P> P view(P provider, Class<P> type, Consumer<String> onFallback) {
        if (provider instanceof FallbackReporting<?> reporting) {
            Object view = reporting.reportingTo(onFallback);
            if (type.isInstance(view)) {
                return type.cast(view);
            }
        }
        return provider;
    }
}
