package dev.cartflow.core;

import dev.cartflow.core.health.HealthContributor;
import dev.cartflow.core.internal.observe.HealthParts;
import dev.cartflow.core.internal.observe.ObservedProviders;
import dev.cartflow.core.internal.observe.ObservedRepository;
import dev.cartflow.core.internal.observe.SafeObserver;
import dev.cartflow.core.internal.pipeline.EngineConfig;
import dev.cartflow.core.internal.support.Pseudonyms;
import dev.cartflow.core.observe.CartObserver;
import dev.cartflow.core.ratelimit.InMemoryRateLimiter;
import dev.cartflow.core.internal.residency.RegionGuard;
import dev.cartflow.core.internal.snapshot.ProviderSet;
import dev.cartflow.core.memory.InMemoryPromotionUsageStore;
import dev.cartflow.error.CartException;
import dev.cartflow.spi.CartEventLog;
import dev.cartflow.spi.CartMaintenanceStore;
import dev.cartflow.spi.CartRepository;
import dev.cartflow.spi.PromotionUsageStore;
import dev.cartflow.spi.RateLimiter;
import dev.cartflow.spi.InventoryProvider;
import dev.cartflow.spi.PromotionProvider;
import dev.cartflow.spi.StockReservations;
import java.util.Map;
import java.util.List;

/**
 * Assembles an engine from a builder's settings: the defaults the builder leaves open, the
 * decorators in their order (region guard inside, the observing decorators outermost, decision 6),
 * the health parts found on the host's objects, and the rate limiter. Kept apart from
 * {@link CartEngineBuilder}, whose job is to take and validate settings.
 */
final class EngineWiring {
    /** Never asked: without limits the throttle takes no tokens. */
    private static final RateLimiter NO_RATE_LIMITER = (bucket, limit, tokens) -> RateLimiter.Answer.taken();

    /** The builder's default stock: not tracked. */
    static final InventoryProvider UNTRACKED_INVENTORY = keys -> Map.of();

    /** The builder's default promotions: none. */
    static final PromotionProvider NO_PROMOTIONS = new PromotionProvider() {
        @Override
        public List<dev.cartflow.model.Promotion> promotions(dev.cartflow.spi.PromotionQuery query) {
            return List.of();
        }

        @Override
        public List<dev.cartflow.model.Promotion> byCode(String code, java.util.Currency currency) {
            return List.of();
        }
    };

    private EngineWiring() {
    }

    /** The engine the builder describes; fails with {@code INVALID_INPUT} when a required part is missing. */
    static CartEngine wire(CartEngineBuilder b) {
        if (b.repository == null || b.catalog == null || b.pricing == null) {
            throw CartException.invalidInput("repository, catalog and pricing are required");
        }
        CartEventLog log = b.eventLog != null ? b.eventLog : b.repository instanceof CartEventLog l ? l : null;
        CartMaintenanceStore store = b.maintenanceStore != null ? b.maintenanceStore
                : b.repository instanceof CartMaintenanceStore m ? m : null;
        RegionGuard guard = b.region == null ? null : RegionGuard.of(b.repository, b.region);
        if (guard != null && store != null) {
            store = guard.maintenance(store);
        }
        StockReservations reserving = b.reservations != null ? b.reservations
                : b.inventory instanceof StockReservations r ? r : StockReservations.NONE;
        PromotionUsageStore usage = b.promotionUsage != null ? b.promotionUsage : new InMemoryPromotionUsageStore();
        ProviderSet providers = new ProviderSet(b.catalog, b.pricing, b.tax, b.exchangeRates, b.inventory,
                b.promotions, usage, b.shipping, b.pricingPolicy.rounding(), b.customers);
        // observability: the health parts are found on the host's objects; then every provider and
        // the store get the outermost, timing decorator (decision 6), only when someone listens
        CartObserver watching = SafeObserver.of(b.observer);
        List<HealthContributor> health = HealthParts.of(b.repository, providers, List.of(reserving, b.events),
                b.healthContributors);
        CartRepository storing = guard != null ? guard : b.repository;
        if (SafeObserver.listening(watching)) {
            storing = ObservedRepository.of(storing, watching);
            log = log == null ? null : ObservedRepository.eventLog(log, watching);
            store = store == null ? null : ObservedRepository.maintenance(store, watching);
            usage = ObservedProviders.usage(usage, watching);
            reserving = ObservedProviders.reservations(reserving, watching);
            providers = ObservedProviders.around(providers, usage, watching);
        }
        byte[] key = b.pseudonymKey;
        if (key == null) {
            key = new byte[32];
            b.random.nextBytes(key);
        }
        return new DefaultCartEngine(new EngineConfig(
                storing,
                log,
                store,
                providers,
                usage,
                reserving,
                b.events,
                b.clock,
                b.pricingPolicy,
                b.pricer,
                b.limits,
                b.guestTtl,
                b.customerTtl,
                b.idempotencyTtl,
                b.conflictRetryBudget,
                b.maxMetadataBytes,
                // observability
                watching,
                health,
                // resilience
                b.checkoutWithFallbacks,
                // security
                b.security,
                b.audit,
                // rate limits
                b.rateLimits,
                limiter(b),
                // data protection
                List.copyOf(b.personalDataStores),
                new Pseudonyms(key),
                b.region,
                // addresses and the customer
                // several carts
                Map.copyOf(b.kindLimits),
                dev.cartflow.core.internal.carts.CustomerCartsView.of(storing, b.repository, b.region),
                // shared carts
                b.sharing,
                // recovery and freezing
                b.freezeAndRecovery,
                b.random));
    }

    /** The limiter given, or the in-memory one when limits need one; bucket4j is loaded only then. */
    private static RateLimiter limiter(CartEngineBuilder b) {
        if (b.rateLimiter != null) {
            return b.rateLimiter;
        }
        if (b.rateLimits.isEmpty()) {
            return NO_RATE_LIMITER;
        }
        try {
            return new InMemoryRateLimiter(b.clock, InMemoryRateLimiter.DEFAULT_MAX_BUCKETS);
        } catch (LinkageError e) {
            throw CartException.invalidInput("rate limits need a rate limiter: add com.bucket4j:bucket4j_jdk17-core"
                    + " for the in-memory one, or set rateLimiter(..)");
        }
    }
}
