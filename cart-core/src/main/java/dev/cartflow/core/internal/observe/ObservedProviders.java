package dev.cartflow.core.internal.observe;

import dev.cartflow.core.internal.snapshot.ProviderSet;
import dev.cartflow.core.observe.CartObserver;
import dev.cartflow.spi.CatalogProvider;
import dev.cartflow.spi.CustomerProvider;
import dev.cartflow.spi.ExchangeRateProvider;
import dev.cartflow.spi.InventoryProvider;
import dev.cartflow.spi.PricingProvider;
import dev.cartflow.spi.PromotionProvider;
import dev.cartflow.spi.PromotionUsageStore;
import dev.cartflow.spi.ShippingProvider;
import dev.cartflow.spi.StockReservations;
import dev.cartflow.spi.TaxProvider;

/**
 * The outermost decorators of the host's providers (decision 6: metrics, then cache, then
 * resilience, then the provider): each call is timed and reported with its outcome under the
 * provider's name, the {@code provider} tag of metrics. Each decorator keeps every interface of
 * the provider it wraps ({@link ObservingProxy}).
 */
public final class ObservedProviders {
    /** Provider names, as reported to {@link CartObserver#providerCalled}. */
    public static final String CATALOG = "catalog";
    /** The pricing provider's name. */
    public static final String PRICING = "pricing";
    /** The tax provider's name. */
    public static final String TAX = "tax";
    /** The exchange-rate provider's name. */
    public static final String EXCHANGE_RATES = "exchange-rates";
    /** The inventory's name. */
    public static final String INVENTORY = "inventory";
    /** The promotion provider's name. */
    public static final String PROMOTIONS = "promotions";
    /** The redemption store's name. */
    public static final String PROMOTION_USAGE = "promotion-usage";
    /** The shipping provider's name. */
    public static final String SHIPPING = "shipping";
    /** The stock reservations' name. */
    public static final String RESERVATIONS = "reservations";
    /** The customer profiles' name. */
    public static final String CUSTOMERS = "customers";

    private ObservedProviders() {
    }

    /**
     * Every provider of the set behind a timing decorator.
     *
     * @param providers the host's providers
     * @param usage     the observed redemption store (shared with the checkout)
     * @param observer  the guarded observer
     * @return the observed set
     */
    public static ProviderSet around(ProviderSet providers, PromotionUsageStore usage, CartObserver observer) {
        return new ProviderSet(
                ObservingProxy.wrap(CatalogProvider.class, providers.catalog(), CATALOG, observer),
                ObservingProxy.wrap(PricingProvider.class, providers.pricing(), PRICING, observer),
                ObservingProxy.wrap(TaxProvider.class, providers.tax(), TAX, observer),
                providers.exchangeRates() == null ? null : ObservingProxy.wrap(ExchangeRateProvider.class,
                        providers.exchangeRates(), EXCHANGE_RATES, observer),
                ObservingProxy.wrap(InventoryProvider.class, providers.inventory(), INVENTORY, observer),
                ObservingProxy.wrap(PromotionProvider.class, providers.promotions(), PROMOTIONS, observer),
                usage,
                ObservingProxy.wrap(ShippingProvider.class, providers.shipping(), SHIPPING, observer),
                providers.rounding(),
                providers.customers() == null ? null
                        : ObservingProxy.wrap(CustomerProvider.class, providers.customers(), CUSTOMERS, observer));
    }

    /**
     * The redemption store behind a timing decorator.
     *
     * @param delegate the host's store
     * @param observer the guarded observer
     * @return the observed store
     */
    public static PromotionUsageStore usage(PromotionUsageStore delegate, CartObserver observer) {
        return ObservingProxy.wrap(PromotionUsageStore.class, delegate, PROMOTION_USAGE, observer);
    }

    /**
     * The stock reservations behind a timing decorator.
     *
     * @param delegate the host's reservations
     * @param observer the guarded observer
     * @return the observed reservations
     */
    public static StockReservations reservations(StockReservations delegate, CartObserver observer) {
        return ObservingProxy.wrap(StockReservations.class, delegate, RESERVATIONS, observer);
    }
}
