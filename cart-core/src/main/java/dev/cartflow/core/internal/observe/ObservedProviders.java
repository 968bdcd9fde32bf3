package dev.cartflow.core.internal.observe;

import dev.cartflow.core.internal.snapshot.ProviderSet;
import dev.cartflow.core.observe.CartObserver;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CartOwner;
import dev.cartflow.model.Promotion;
import dev.cartflow.spi.CatalogProvider;
import dev.cartflow.spi.ExchangeRateProvider;
import dev.cartflow.spi.InventoryProvider;
import dev.cartflow.spi.PriceRequest;
import dev.cartflow.spi.PricingProvider;
import dev.cartflow.spi.PromotionProvider;
import dev.cartflow.spi.PromotionQuery;
import dev.cartflow.spi.PromotionUsageStore;
import dev.cartflow.spi.ShippingProvider;
import dev.cartflow.spi.StockKey;
import dev.cartflow.spi.StockReservations;
import dev.cartflow.spi.TaxProvider;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The outermost decorators of the host's providers (decision 6: metrics, then cache, then
 * resilience, then the provider): each call is timed and reported with its outcome under the
 * provider's name, the {@code provider} tag of metrics.
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
        return new ProviderSet(catalog(providers.catalog(), observer), pricing(providers.pricing(), observer),
                tax(providers.tax(), observer),
                providers.exchangeRates() == null ? null : exchangeRates(providers.exchangeRates(), observer),
                inventory(providers.inventory(), observer), promotions(providers.promotions(), observer), usage,
                shipping(providers.shipping(), observer), providers.rounding());
    }

    static CatalogProvider catalog(CatalogProvider delegate, CartObserver observer) {
        CallTimer timer = new CallTimer(CATALOG, observer);
        return skus -> timer.call(() -> delegate.products(skus));
    }

    static PricingProvider pricing(PricingProvider delegate, CartObserver observer) {
        CallTimer timer = new CallTimer(PRICING, observer);
        return (PriceRequest request) -> timer.call(() -> delegate.prices(request));
    }

    static TaxProvider tax(TaxProvider delegate, CartObserver observer) {
        CallTimer timer = new CallTimer(TAX, observer);
        return (String country, Set<String> categories) -> timer.call(() -> delegate.rates(country, categories));
    }

    static ExchangeRateProvider exchangeRates(ExchangeRateProvider delegate, CartObserver observer) {
        CallTimer timer = new CallTimer(EXCHANGE_RATES, observer);
        return (Currency from, Currency to) -> timer.call(() -> delegate.rate(from, to));
    }

    static InventoryProvider inventory(InventoryProvider delegate, CartObserver observer) {
        CallTimer timer = new CallTimer(INVENTORY, observer);
        return keys -> timer.call(() -> delegate.available(keys));
    }

    static ShippingProvider shipping(ShippingProvider delegate, CartObserver observer) {
        CallTimer timer = new CallTimer(SHIPPING, observer);
        return (Currency currency, String country) -> timer.call(() -> delegate.methods(currency, country));
    }

    static PromotionProvider promotions(PromotionProvider delegate, CartObserver observer) {
        CallTimer timer = new CallTimer(PROMOTIONS, observer);
        return new PromotionProvider() {
            @Override
            public List<Promotion> promotions(PromotionQuery query) {
                return timer.call(() -> delegate.promotions(query));
            }

            @Override
            public List<Promotion> byCode(String code, Currency currency) {
                return timer.call(() -> delegate.byCode(code, currency));
            }
        };
    }

    /**
     * The redemption store behind a timing decorator.
     *
     * @param delegate the host's store
     * @param observer the guarded observer
     * @return the observed store
     */
    public static PromotionUsageStore usage(PromotionUsageStore delegate, CartObserver observer) {
        CallTimer timer = new CallTimer(PROMOTION_USAGE, observer);
        return new PromotionUsageStore() {
            @Override
            public Set<String> redeem(Collection<Promotion> promotions, CartId cartId, CartOwner owner) {
                return timer.call(() -> delegate.redeem(promotions, cartId, owner));
            }

            @Override
            public void release(CartId cartId) {
                timer.run(() -> delegate.release(cartId));
            }

            @Override
            public Set<String> exhausted(Collection<Promotion> promotions, CartId cartId, CartOwner owner) {
                return timer.call(() -> delegate.exhausted(promotions, cartId, owner));
            }
        };
    }

    /**
     * The stock reservations behind a timing decorator.
     *
     * @param delegate the host's reservations
     * @param observer the guarded observer
     * @return the observed reservations
     */
    public static StockReservations reservations(StockReservations delegate, CartObserver observer) {
        CallTimer timer = new CallTimer(RESERVATIONS, observer);
        return new StockReservations() {
            @Override
            public void reserve(String reservationId, Map<StockKey, Integer> units) {
                timer.run(() -> delegate.reserve(reservationId, units));
            }

            @Override
            public void release(String reservationId) {
                timer.run(() -> delegate.release(reservationId));
            }
        };
    }
}
