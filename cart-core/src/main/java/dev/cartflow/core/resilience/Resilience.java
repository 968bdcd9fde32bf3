package dev.cartflow.core.resilience;

import dev.cartflow.error.CartException;
import dev.cartflow.spi.CartRepository;
import dev.cartflow.spi.CartStorage;
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
 * Decorators that guard the host's providers and storage with Failsafe: a timeout per attempt,
 * retries with back-off and jitter for reads (never for writes), a circuit breaker, an optional
 * bulkhead, and a fallback chosen per provider ({@link ProviderPolicy}). Each decorator has the
 * SPI type of what it guards and is also a {@link dev.cartflow.core.health.HealthContributor}
 * named {@code breaker.<provider>} (UP when the circuit is closed, DEGRADED when half-open or when
 * open with a fallback, DOWN when open without one).
 *
 * <p>What the caller sees: the provider's answer; a {@code CartException} the provider threw,
 * unchanged and not retried; or {@code CartException} with {@code PROVIDER_UNAVAILABLE} (cause
 * kept) for a timeout, an open circuit, a full bulkhead, a null answer or any other exception,
 * when no fallback answers. No Failsafe type ever reaches it.
 *
 * <p>Fallbacks, tried in order when a read fails: the last known good answer (when the policy
 * keeps them, {@link ProviderPolicy.Builder#lastKnownGood}), then the configured default provider
 * (the overloads with {@code defaults}: a static price list, an empty promotion list, a flat
 * shipping rate), else {@code PROVIDER_UNAVAILABLE}. An engine learns which figures came from a
 * fallback and flags them in {@code PricedCart.fallbacks()}; writes never fall back.
 *
 * <p>Wiring order (decision 6), outermost first: metrics, cache, resilience, the host's provider:
 * <pre>{@code
 * ProviderPolicy policy = ProviderPolicy.builder().timeout(Duration.ofMillis(500))
 *         .lastKnownGood(50_000, Duration.ofHours(6)).observer(observer).build();
 * PricingProvider prices = CachingPricingProvider.builder(Resilience.pricing(hostPrices, policy)).build();
 * CartEngine engine = CartEngine.builder().repository(Resilience.storage(store, ProviderPolicy.defaults()))
 *         .catalog(CachingCatalogProvider.builder(Resilience.catalog(hostCatalog, policy)).build())
 *         .pricing(prices).build();
 * }</pre>
 * Needs Failsafe ({@code dev.failsafe:failsafe}) on the class path: an optional dependency of
 * cart-core that a host using these decorators adds. Every decorator is thread-safe.
 */
public final class Resilience {
    private Resilience() {
    }

    /**
     * The catalog, guarded.
     *
     * @param delegate the host's catalog
     * @param policy   its policy
     * @return the decorator
     */
    public static CatalogProvider catalog(CatalogProvider delegate, ProviderPolicy policy) {
        return new ResilientCatalog(required(delegate, "catalog"), required(policy, "policy"), null);
    }

    /**
     * The catalog, guarded, with a default provider for products no last known answer covers.
     *
     * @param delegate the host's catalog
     * @param policy   its policy
     * @param defaults asked when the catalog fails
     * @return the decorator
     */
    public static CatalogProvider catalog(CatalogProvider delegate, ProviderPolicy policy, CatalogProvider defaults) {
        return new ResilientCatalog(required(delegate, "catalog"), required(policy, "policy"),
                required(defaults, "defaults"));
    }

    /**
     * The prices, guarded.
     *
     * @param delegate the host's prices
     * @param policy   its policy
     * @return the decorator
     */
    public static PricingProvider pricing(PricingProvider delegate, ProviderPolicy policy) {
        return new ResilientPricing(required(delegate, "pricing"), required(policy, "policy"), null);
    }

    /**
     * The prices, guarded, with a default price list for quotes no last known answer covers.
     *
     * @param delegate the host's prices
     * @param policy   its policy
     * @param defaults asked when the prices fail
     * @return the decorator
     */
    public static PricingProvider pricing(PricingProvider delegate, ProviderPolicy policy, PricingProvider defaults) {
        return new ResilientPricing(required(delegate, "pricing"), required(policy, "policy"),
                required(defaults, "defaults"));
    }

    /**
     * The tax rates, guarded.
     *
     * @param delegate the host's tax rates
     * @param policy   its policy
     * @return the decorator
     */
    public static TaxProvider tax(TaxProvider delegate, ProviderPolicy policy) {
        return new ResilientTax(required(delegate, "tax"), required(policy, "policy"), null);
    }

    /**
     * The tax rates, guarded, with default rates for categories no last known answer covers.
     *
     * @param delegate the host's tax rates
     * @param policy   its policy
     * @param defaults asked when the tax rates fail
     * @return the decorator
     */
    public static TaxProvider tax(TaxProvider delegate, ProviderPolicy policy, TaxProvider defaults) {
        return new ResilientTax(required(delegate, "tax"), required(policy, "policy"), required(defaults, "defaults"));
    }

    /**
     * The exchange rates, guarded.
     *
     * @param delegate the host's exchange rates
     * @param policy   its policy
     * @return the decorator
     */
    public static ExchangeRateProvider exchangeRates(ExchangeRateProvider delegate, ProviderPolicy policy) {
        return new ResilientExchangeRates(required(delegate, "exchange rates"), required(policy, "policy"), null);
    }

    /**
     * The exchange rates, guarded, with default rates.
     *
     * @param delegate the host's exchange rates
     * @param policy   its policy
     * @param defaults asked when the exchange rates fail and no last known rate covers the pair
     * @return the decorator
     */
    public static ExchangeRateProvider exchangeRates(ExchangeRateProvider delegate, ProviderPolicy policy,
                                                     ExchangeRateProvider defaults) {
        return new ResilientExchangeRates(required(delegate, "exchange rates"), required(policy, "policy"),
                required(defaults, "defaults"));
    }

    /**
     * The stock levels, guarded. When the inventory also reserves ({@link StockReservations}), so
     * does the decorator, through the same breaker: reservations are writes, never retried and never
     * answered by a fallback.
     *
     * @param delegate the host's inventory
     * @param policy   its policy
     * @return the decorator
     */
    public static InventoryProvider inventory(InventoryProvider delegate, ProviderPolicy policy) {
        return ResilientInventory.of(required(delegate, "inventory"), required(policy, "policy"), null);
    }

    /**
     * The stock levels, guarded, with default levels (for example none tracked,
     * {@code keys -> Map.of()}: checkout's reservation still decides).
     *
     * @param delegate the host's inventory
     * @param policy   its policy
     * @param defaults asked when the inventory fails
     * @return the decorator
     */
    public static InventoryProvider inventory(InventoryProvider delegate, ProviderPolicy policy,
                                              InventoryProvider defaults) {
        return ResilientInventory.of(required(delegate, "inventory"), required(policy, "policy"),
                required(defaults, "defaults"));
    }

    /**
     * Stock reservations, guarded: timeout, breaker and bulkhead; never retried, no fallback.
     *
     * @param delegate the host's reservations
     * @param policy   its policy (its retries and fallback do not apply)
     * @return the decorator
     */
    public static StockReservations reservations(StockReservations delegate, ProviderPolicy policy) {
        return new ResilientReservations(required(delegate, "reservations"), required(policy, "policy"));
    }

    /**
     * The promotions, guarded.
     *
     * @param delegate the host's promotions
     * @param policy   its policy
     * @return the decorator
     */
    public static PromotionProvider promotions(PromotionProvider delegate, ProviderPolicy policy) {
        return new ResilientPromotions(required(delegate, "promotions"), required(policy, "policy"), null);
    }

    /**
     * The promotions, guarded, with default promotions (for example none).
     *
     * @param delegate the host's promotions
     * @param policy   its policy
     * @param defaults asked when the promotions fail
     * @return the decorator
     */
    public static PromotionProvider promotions(PromotionProvider delegate, ProviderPolicy policy,
                                               PromotionProvider defaults) {
        return new ResilientPromotions(required(delegate, "promotions"), required(policy, "policy"),
                required(defaults, "defaults"));
    }

    /**
     * Redemption counting, guarded: {@code redeem} and {@code release} are writes (never retried, no
     * fallback); {@code exhausted} is a read, which may fall back to the last known answer.
     *
     * @param delegate the host's store
     * @param policy   its policy
     * @return the decorator
     */
    public static PromotionUsageStore promotionUsage(PromotionUsageStore delegate, ProviderPolicy policy) {
        return new ResilientPromotionUsage(required(delegate, "promotion usage"), required(policy, "policy"));
    }

    /**
     * The shipping methods, guarded.
     *
     * @param delegate the host's shipping methods
     * @param policy   its policy
     * @return the decorator
     */
    public static ShippingProvider shipping(ShippingProvider delegate, ProviderPolicy policy) {
        return new ResilientShipping(required(delegate, "shipping"), required(policy, "policy"), null);
    }

    /**
     * The shipping methods, guarded, with default methods (for example one flat rate).
     *
     * @param delegate the host's shipping methods
     * @param policy   its policy
     * @param defaults asked when the shipping methods fail
     * @return the decorator
     */
    public static ShippingProvider shipping(ShippingProvider delegate, ProviderPolicy policy,
                                            ShippingProvider defaults) {
        return new ResilientShipping(required(delegate, "shipping"), required(policy, "policy"),
                required(defaults, "defaults"));
    }

    /**
     * The customer profiles, guarded.
     *
     * @param delegate the host's profiles
     * @param policy   its policy
     * @return the decorator
     */
    public static CustomerProvider customers(CustomerProvider delegate, ProviderPolicy policy) {
        return new ResilientCustomers(required(delegate, "customers"), required(policy, "policy"), null);
    }

    /**
     * The customer profiles, guarded, with default profiles (for example none,
     * {@link CustomerProvider#NONE}: the cart's own group, tax paid).
     *
     * @param delegate the host's profiles
     * @param policy   its policy
     * @param defaults asked when the profiles fail and no last known profile covers the customer
     * @return the decorator
     */
    public static CustomerProvider customers(CustomerProvider delegate, ProviderPolicy policy,
                                             CustomerProvider defaults) {
        return new ResilientCustomers(required(delegate, "customers"), required(policy, "policy"),
                required(defaults, "defaults"));
    }

    /**
     * Cart storage, guarded: reads retried, writes tried once, no fallback. The decorator keeps the
     * delegate's optional capabilities ({@code CartEventLog}, {@code CartMaintenanceStore},
     * {@code CustomerCarts}, whose listing is a read), so that the engine's builder finds them as before.
     *
     * @param delegate the store
     * @param policy   its policy (its fallback does not apply)
     * @return the decorator
     */
    public static CartRepository repository(CartRepository delegate, ProviderPolicy policy) {
        return ResilientRepository.of(required(delegate, "repository"), required(policy, "policy"));
    }

    /**
     * A store with every capability, guarded (as {@link #repository}).
     *
     * @param delegate the store
     * @param policy   its policy
     * @return the decorator, a {@link CartStorage} too, and a {@code CustomerCarts} when the store is one
     */
    public static CartStorage storage(CartStorage delegate, ProviderPolicy policy) {
        return ResilientRepository.storage(required(delegate, "storage"), required(policy, "policy"));
    }

    private static <T> T required(T value, String name) {
        return CartException.requireNonNull(value, name);
    }
}
