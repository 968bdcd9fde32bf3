package dev.cartflow.spring;

import dev.cartflow.core.CartEngine;
import dev.cartflow.core.CartEngineBuilder;
import dev.cartflow.core.CartLimits;
import dev.cartflow.core.health.HealthContributor;
import dev.cartflow.core.memory.InMemoryCartRepository;
import dev.cartflow.core.memory.InMemoryCatalog;
import dev.cartflow.core.memory.InMemoryPricing;
import dev.cartflow.core.observe.CartObserver;
import dev.cartflow.model.Money;
import dev.cartflow.spi.AuditLog;
import dev.cartflow.spi.CartEventPublisher;
import dev.cartflow.spi.CartRepository;
import dev.cartflow.spi.CatalogProvider;
import dev.cartflow.spi.CustomerProvider;
import dev.cartflow.spi.ExchangeRateProvider;
import dev.cartflow.spi.InventoryProvider;
import dev.cartflow.spi.PricingProvider;
import dev.cartflow.spi.PromotionProvider;
import dev.cartflow.spi.PromotionUsageStore;
import dev.cartflow.spi.RateLimiter;
import dev.cartflow.spi.ShippingProvider;
import dev.cartflow.spi.StockReservations;
import dev.cartflow.spi.TaxProvider;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Base64;
import java.util.Currency;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The engine. Every SPI bean of the application is picked up by type (catalog, prices, tax,
 * exchange rates, stock, reservations, promotions, promotion usage, shipping, customer profiles, event publisher,
 * observer, audit log, rate limiter, health contributors, clock); where the application has none,
 * the engine's in-memory defaults apply, so an application with no bean at all starts with
 * in-memory carts and an empty catalog. Storage auto-configurations (cart-jdbi, cart-redis) run
 * before this one and contribute the repository and the layers around it (the Redis cache). {@link CartEngineCustomizer} beans run last.
 */
@AutoConfiguration(afterName = {
        "dev.cartflow.spring.CartFlowJdbiAutoConfiguration",
        "dev.cartflow.spring.CartFlowRedisAutoConfiguration",
        "dev.cartflow.spring.CartFlowEncryptionAutoConfiguration",
        "dev.cartflow.spring.CartFlowMetricsAutoConfiguration"})
@EnableConfigurationProperties({CartFlowProperties.class, CartFlowResilienceProperties.class,
        CartFlowRateLimitProperties.class, CartFlowCacheProperties.class, CartFlowCartsProperties.class})
public class CartFlowEngineAutoConfiguration {

    /** Creates the configuration; Spring calls it. */
    public CartFlowEngineAutoConfiguration() {
    }

    /**
     * In-memory carts, when the application stores them nowhere else.
     *
     * @return the repository
     */
    @Bean
    @ConditionalOnMissingBean(CartRepository.class)
    public InMemoryCartRepository cartFlowInMemoryRepository() {
        return new InMemoryCartRepository();
    }

    /**
     * The catalog and price caches, for invalidation by the application.
     *
     * @return the caches (empty until the engine is built)
     */
    @Bean
    @ConditionalOnMissingBean
    public ProviderCaches cartFlowProviderCaches() {
        return new ProviderCaches();
    }

    /**
     * The engine.
     *
     * @param properties   the cartflow.* properties
     * @param resilience   the cartflow.resilience.* properties
     * @param rateLimits   the cartflow.rate-limits.* properties
     * @param repository   the cart repository
     * @param catalog      the catalog, if any
     * @param pricing      the price source, if any
     * @param tax          the tax rates, if any
     * @param rates        the exchange rates, if any
     * @param inventory    the stock, if any
     * @param reservations the stock reservations, if any
     * @param promotions   the promotions, if any
     * @param usage        the promotion usage store, if any
     * @param shipping     the shipping methods, if any
     * @param events       the event publisher, if any
     * @param observer     the observer, if any
     * @param audit        the audit log, if any
     * @param limiter      the rate limiter, if any
     * @param clock        the clock, if any
     * @param health       CartFlow health contributors
     * @param customizers  the customizers, in order
     * @param layers       the decorators of the repository (cache, resilience), in order
     * @param cacheSettings the cartflow.cache.* properties
     * @param caches       the provider caches
     * @param broadcasts   the cross-instance invalidation of provider caches, if any
     * @param carts        the cartflow.carts.* properties
     * @param customers    the customer profiles, if any
     * @param beans        the bean factory, asked whether cart-jdbi's outbox delivers the events
     * @return the engine
     */
    @Bean
    @ConditionalOnMissingBean
    public CartEngine cartEngine(CartFlowProperties properties, CartFlowResilienceProperties resilience,
                                 CartFlowRateLimitProperties rateLimits,
                                 CartRepository repository,
                                 ObjectProvider<CatalogProvider> catalog, ObjectProvider<PricingProvider> pricing,
                                 ObjectProvider<TaxProvider> tax, ObjectProvider<ExchangeRateProvider> rates,
                                 ObjectProvider<InventoryProvider> inventory,
                                 ObjectProvider<StockReservations> reservations,
                                 ObjectProvider<PromotionProvider> promotions,
                                 ObjectProvider<PromotionUsageStore> usage, ObjectProvider<ShippingProvider> shipping,
                                 ObjectProvider<CartEventPublisher> events, ObjectProvider<CartObserver> observer,
                                 ObjectProvider<AuditLog> audit, ObjectProvider<RateLimiter> limiter,
                                 ObjectProvider<Clock> clock, ObjectProvider<HealthContributor> health,
                                 ObjectProvider<CartEngineCustomizer> customizers,
                                 ObjectProvider<RepositoryLayer> layers, CartFlowCacheProperties cacheSettings,
                                 ProviderCaches caches, ObjectProvider<CacheBroadcast> broadcasts,
                                 CartFlowCartsProperties carts, ObjectProvider<CustomerProvider> customers,
                                 org.springframework.beans.factory.ListableBeanFactory beans) {
        CartRepository layered = repository;
        for (RepositoryLayer layer : layers.orderedStream().toList()) {
            layered = layer.wrap(layered);
        }
        HostProviders host = new HostProviders(layered, catalog.getIfUnique(InMemoryCatalog::new),
                pricing.getIfUnique(InMemoryPricing::new), tax.getIfUnique(), rates.getIfUnique(),
                inventory.getIfUnique(), reservations.getIfUnique(), promotions.getIfUnique(), usage.getIfUnique(),
                shipping.getIfUnique());
        ProviderResilience resilient = new ProviderResilience(resilience, observer.getIfUnique());
        if (resilient.any()) {
            host = resilient.wrapAll(host);
        }
        CacheBroadcast broadcast = broadcasts.getIfUnique();
        host = new HostProviders(host.repository(),
                caches.catalog(host.catalog(), cacheSettings.getCatalog(), broadcast),
                caches.pricing(host.pricing(), cacheSettings.getPricing(), broadcast), host.tax(),
                host.exchangeRates(), host.inventory(), host.reservations(), host.promotions(),
                host.promotionUsage(), host.shipping());
        CartEngineBuilder builder = CartEngine.builder()
                .repository(host.repository())
                .catalog(host.catalog())
                .pricing(host.pricing())
                .pricingPolicy(properties.getPricing().policy())
                .limits(limits(properties.getLimits()))
                .guestTtl(properties.getGuestTtl())
                .customerTtl(properties.getCustomerTtl())
                .idempotencyTtl(properties.getIdempotencyTtl())
                .conflictRetryBudget(properties.getConflictRetryBudget())
                .maxMetadataBytes(properties.getMaxMetadataBytes())
                .rateLimits(rateLimits.toRateLimits())
                .sharing(carts.sharing())
                .freezeAndRecovery(carts.freezeAndRecovery());
        carts.getKindLimits().forEach((kind, kindLimits) -> builder.limits(kind, limits(kindLimits)));
        customers.ifUnique(builder::customers);
        optional(host.tax(), builder::tax);
        optional(host.exchangeRates(), builder::exchangeRates);
        optional(host.inventory(), builder::inventory);
        optional(host.reservations(), builder::reservations);
        optional(host.promotions(), builder::promotions);
        optional(host.promotionUsage(), builder::promotionUsage);
        optional(host.shipping(), builder::shipping);
        if (!OutboxDelivery.delivers(repository, beans)) {
            // with the outbox on, its dispatcher publishes; publishing here too would send each event twice
            events.ifUnique(builder::events);
        }
        observer.ifUnique(builder::observer);
        audit.ifUnique(builder::audit);
        limiter.ifUnique(builder::rateLimiter);
        clock.ifUnique(builder::clock);
        health.orderedStream().forEach(builder::healthContributor);
        if (properties.getPseudonymKey() != null) {
            builder.pseudonymKey(Base64.getDecoder().decode(properties.getPseudonymKey()));
        }
        customizers.orderedStream().forEach(c -> c.customize(builder));
        return builder.build();
    }

    private static <T> void optional(@org.jspecify.annotations.Nullable T provider, java.util.function.Consumer<T> setter) {
        if (provider != null) {
            setter.accept(provider);
        }
    }

    private static CartLimits limits(CartFlowProperties.Limits l) {
        BigDecimal max = l.getMaxSubtotal();
        Money subtotal = max == null ? null : subtotal(max, l.getMaxSubtotalCurrency());
        return new CartLimits(l.getMaxLines(), l.getMaxTotalQuantity(), subtotal, l.getMaxCodes());
    }

    private static Money subtotal(BigDecimal max, String currency) {
        try {
            return Money.parse(max.toPlainString(), Currency.getInstance(currency));
        } catch (dev.cartflow.error.CartException e) {
            throw new IllegalStateException("cartflow.limits.max-subtotal must have at most the minor-unit digits of "
                    + currency, e);
        }
    }
}
