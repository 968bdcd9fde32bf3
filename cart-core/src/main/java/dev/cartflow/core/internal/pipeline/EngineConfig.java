package dev.cartflow.core.internal.pipeline;

import dev.cartflow.core.CartLimits;
import dev.cartflow.core.internal.snapshot.ProviderSet;
import dev.cartflow.core.internal.pricing.CartPricer;
import dev.cartflow.model.PricingPolicy;
import dev.cartflow.core.internal.support.Pseudonyms;
import dev.cartflow.core.health.HealthContributor;
import dev.cartflow.core.observe.CartObserver;
import dev.cartflow.core.ratelimit.RateLimits;
import dev.cartflow.core.security.SecurityPolicy;
import dev.cartflow.core.residency.Region;
import dev.cartflow.spi.AuditLog;
import dev.cartflow.spi.CartEventLog;
import dev.cartflow.spi.CartEventPublisher;
import dev.cartflow.spi.CartMaintenanceStore;
import dev.cartflow.spi.CartRepository;
import dev.cartflow.spi.PromotionUsageStore;
import dev.cartflow.spi.RateLimiter;
import dev.cartflow.spi.StockReservations;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The wiring of one engine, fixed when it is built.
 *
 * @param repository          cart storage
 * @param eventLog            the event log, or null
 * @param maintenanceStore    the maintenance scans, or null
 * @param providers           the read-side providers
 * @param usage               redemption counting
 * @param reservations        stock reservations
 * @param events              the in-process publisher
 * @param clock               the only source of time
 * @param pricingPolicy       tax mode, calculation and rounding
 * @param pricer              the pricing function
 * @param limits              per-cart limits
 * @param guestTtl            life of a guest cart after its last change
 * @param customerTtl         life of a customer cart after its last change
 * @param idempotencyTtl      life of a stored response
 * @param conflictRetryBudget how long an operation re-applies itself after version conflicts
 * @param maxMetadataBytes    largest metadata
 * @param random              source of guest tokens
 * @param observer            the observation hook (guarded: it never throws)
 * @param healthContributors  the parts {@code health()} asks, the repository probe first
 * @param security            what guests may do and what is required of them
 * @param checkoutWithFallbacks whether checkout accepts money figures from a provider's fallback
 * @param freezeAndRecovery   recovery links' time to live, default and longest freeze
 * @param audit               the audit trail
 * @param personalDataStores  the extra stores that keep personal data, for erasure, export and retention
 * @param rateLimits          the rate limits per operation
 * @param rateLimiter         the buckets the rate limits take from
 * @param pseudonyms          keyed pseudonyms of personal identifiers
 * @param region              the data-residency region this engine serves, or null for none
 * @param kindLimits          the limits of the kinds of carts that have their own (others have {@code limits})
 * @param customerCarts       the repository's listing of a customer's carts, or null when it has none
 * @param sharing             the bounds of shared carts
 */
public record EngineConfig(
        CartRepository repository,
        CartEventLog eventLog,
        CartMaintenanceStore maintenanceStore,
        ProviderSet providers,
        PromotionUsageStore usage,
        StockReservations reservations,
        CartEventPublisher events,
        Clock clock,
        PricingPolicy pricingPolicy,
        CartPricer pricer,
        CartLimits limits,
        Duration guestTtl,
        Duration customerTtl,
        Duration idempotencyTtl,
        Duration conflictRetryBudget,
        int maxMetadataBytes,
        // observability
        CartObserver observer,
        List<HealthContributor> healthContributors,
        // resilience
        boolean checkoutWithFallbacks,
        // security
        SecurityPolicy security,
        AuditLog audit,
        // rate limits
        RateLimits rateLimits,
        RateLimiter rateLimiter,
        // data protection
        java.util.List<dev.cartflow.core.internal.privacy.NamedStore> personalDataStores,
        Pseudonyms pseudonyms,
        Region region,
        // addresses and the customer
        // several carts
        java.util.Map<dev.cartflow.model.CartKind, CartLimits> kindLimits,
        dev.cartflow.spi.CustomerCarts customerCarts,
        // shared carts
        dev.cartflow.core.ShareSettings sharing,
        // recovery and freezing
        dev.cartflow.core.FreezeAndRecoverySettings freezeAndRecovery,
        SecureRandom random) {

    /** Now, by the injected clock (a clock that throws is a host bug, reported as {@code INTERNAL}). */
    public Instant now() {
        return clock.instant();
    }
}
