package dev.cartflow.core;

import static dev.cartflow.core.internal.support.Failures.positive;
import static dev.cartflow.core.internal.support.Failures.required;

import dev.cartflow.core.health.HealthContributor;
import dev.cartflow.core.internal.privacy.NamedStore;
import dev.cartflow.spi.PersonalDataStore;
import dev.cartflow.core.observe.CartObserver;
import dev.cartflow.core.ratelimit.InMemoryRateLimiter;
import dev.cartflow.core.ratelimit.RateLimits;
import dev.cartflow.core.security.SecurityPolicy;
import dev.cartflow.core.residency.Region;
import dev.cartflow.spi.AuditLog;
import dev.cartflow.core.internal.pricing.CartPricer;
import dev.cartflow.model.PricingPolicy;
import dev.cartflow.spi.CartEventPublisher;
import dev.cartflow.error.CartException;
import dev.cartflow.spi.CartEventLog;
import dev.cartflow.spi.CartMaintenanceStore;
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
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Wires a {@link CartEngine}. Every collaborator is given explicitly; nothing is discovered or read
 * from the environment. Required: {@link #repository}, {@link #catalog} and {@link #pricing}. Each
 * setter validates its argument once (a null collaborator is {@code INVALID_INPUT}); {@link #build()}
 * may be called more than once.
 */
public final class CartEngineBuilder {
    CartRepository repository;
    CartEventLog eventLog;
    CartMaintenanceStore maintenanceStore;
    CatalogProvider catalog;
    PricingProvider pricing;
    TaxProvider tax = (country, categories) -> Map.of();
    ExchangeRateProvider exchangeRates;
    InventoryProvider inventory = EngineWiring.UNTRACKED_INVENTORY;
    StockReservations reservations;
    PromotionProvider promotions = EngineWiring.NO_PROMOTIONS;
    PromotionUsageStore promotionUsage;
    ShippingProvider shipping = (currency, country) -> List.of();
    CartEventPublisher events = CartEventPublisher.NONE;
    Clock clock = Clock.systemUTC();
    PricingPolicy pricingPolicy = PricingPolicy.DEFAULT;
    CartPricer pricer = CartPricer.standard();
    CartLimits limits = CartLimits.DEFAULT;
    Duration guestTtl = Duration.ofDays(30);
    Duration customerTtl = Duration.ofDays(90);
    Duration idempotencyTtl = Duration.ofHours(24);
    Duration conflictRetryBudget = Duration.ofSeconds(5);
    int maxMetadataBytes = 4096;
    SecureRandom random = new SecureRandom();
    // observability
    CartObserver observer = CartObserver.NONE;
    final List<HealthContributor> healthContributors = new ArrayList<>();
    // resilience
    boolean checkoutWithFallbacks;
    // security
    SecurityPolicy security = SecurityPolicy.DEFAULT;
    AuditLog audit = AuditLog.NONE;
    // rate limits
    RateLimits rateLimits = RateLimits.NONE;
    RateLimiter rateLimiter;
    // data protection
    final List<NamedStore> personalDataStores = new java.util.ArrayList<>();
    byte[] pseudonymKey;
    Region region;
    // addresses and the customer
    CustomerProvider customers;
    // several carts
    final Map<dev.cartflow.model.CartKind, CartLimits> kindLimits = new java.util.EnumMap<>(dev.cartflow.model.CartKind.class);
    // shared carts
    ShareSettings sharing = ShareSettings.DEFAULT;
    // recovery and freezing
    FreezeAndRecoverySettings freezeAndRecovery = FreezeAndRecoverySettings.DEFAULT;

    CartEngineBuilder() {
    }

    /**
     * Where carts are stored (required).
     *
     * @param repository the cart store; not null ({@code INVALID_INPUT})
     * @return this builder
     */
    public CartEngineBuilder repository(CartRepository repository) {
        this.repository = required(repository, "repository");
        return this;
    }

    /**
     * The store of cart events for {@link CartEngine#changesSince}; by default the repository, when
     * it is a {@link CartEventLog}.
     *
     * @param eventLog the event store; not null. Without one (and with a repository that is not a
     *                 {@link CartEventLog}) {@link CartEngine#changesSince} fails with {@code INTERNAL}
     * @return this builder
     */
    public CartEngineBuilder eventLog(CartEventLog eventLog) {
        this.eventLog = required(eventLog, "event log");
        return this;
    }

    /**
     * The scans and deletes of the maintenance jobs; by default the repository, when it is a
     * {@link CartMaintenanceStore}.
     *
     * @param maintenanceStore the store of the batch jobs; not null. Without one (and with a repository
     *                         that is not a {@link CartMaintenanceStore}) {@link CartMaintenance} fails with
     *                         {@code INTERNAL}
     * @return this builder
     */
    public CartEngineBuilder maintenanceStore(CartMaintenanceStore maintenanceStore) {
        this.maintenanceStore = required(maintenanceStore, "maintenance store");
        return this;
    }

    /**
     * The catalog (required).
     *
     * @param catalog the products; not null
     * @return this builder
     */
    public CartEngineBuilder catalog(CatalogProvider catalog) {
        this.catalog = required(catalog, "catalog");
        return this;
    }

    /**
     * The prices (required).
     *
     * @param pricing the unit prices; not null
     * @return this builder
     */
    public CartEngineBuilder pricing(PricingProvider pricing) {
        this.pricing = required(pricing, "pricing");
        return this;
    }

    /**
     * Resolves tax categories quoted by the pricing provider; by default categories are untaxed.
     *
     * @param tax the tax rates per country and category; not null
     * @return this builder
     */
    public CartEngineBuilder tax(TaxProvider tax) {
        this.tax = required(tax, "tax");
        return this;
    }

    /**
     * Converts quotes in another currency; by default such a quote is a {@code CURRENCY_MISMATCH}.
     *
     * @param exchangeRates the rates; not null
     * @return this builder
     */
    public CartEngineBuilder exchangeRates(ExchangeRateProvider exchangeRates) {
        this.exchangeRates = required(exchangeRates, "exchange rates");
        return this;
    }

    /**
     * Stock; by default stock is not tracked.
     *
     * @param inventory the stock levels; not null
     * @return this builder
     */
    public CartEngineBuilder inventory(InventoryProvider inventory) {
        this.inventory = required(inventory, "inventory");
        return this;
    }

    /**
     * Stock reservations made at checkout; by default the inventory when it is a
     * {@link StockReservations}, else none (a host with only a stock feed).
     *
     * @param reservations where checkout reserves stock; not null
     * @return this builder
     */
    public CartEngineBuilder reservations(StockReservations reservations) {
        this.reservations = required(reservations, "reservations");
        return this;
    }

    /**
     * Promotions; by default there are none.
     *
     * @param promotions the automatic and code promotions; not null
     * @return this builder
     */
    public CartEngineBuilder promotions(PromotionProvider promotions) {
        this.promotions = required(promotions, "promotions");
        return this;
    }

    /**
     * Redemption counting; by default in memory.
     *
     * @param promotionUsage the redemption counts of {@code maxUses} and {@code maxUsesPerCustomer};
     *                       not null. The in-memory default counts per engine, so give several instances
     *                       one shared store
     * @return this builder
     */
    public CartEngineBuilder promotionUsage(PromotionUsageStore promotionUsage) {
        this.promotionUsage = required(promotionUsage, "promotion usage");
        return this;
    }

    /**
     * Shipping methods; by default there are none.
     *
     * @param shipping the shipping methods; not null
     * @return this builder
     */
    public CartEngineBuilder shipping(ShippingProvider shipping) {
        this.shipping = required(shipping, "shipping");
        return this;
    }

    /**
     * Receives events after each stored change; by default none.
     *
     * @param events the publisher; not null
     * @return this builder
     */
    public CartEngineBuilder events(CartEventPublisher events) {
        this.events = required(events, "events");
        return this;
    }

    /**
     * The clock for expiry, validity windows and timestamps; by default the UTC system clock.
     *
     * @param clock the clock; not null
     * @return this builder
     */
    public CartEngineBuilder clock(Clock clock) {
        this.clock = required(clock, "clock");
        return this;
    }

    /**
     * Tax mode, tax calculation and rounding; by default net prices, per line, HALF_EVEN.
     *
     * @param pricingPolicy the policy; not null
     * @return this builder
     */
    public CartEngineBuilder pricingPolicy(PricingPolicy pricingPolicy) {
        this.pricingPolicy = required(pricingPolicy, "pricing policy");
        return this;
    }

    /** Replaces the pricing function; for tests only, since the pricer is not public API. */
    CartEngineBuilder pricer(CartPricer pricer) {
        this.pricer = required(pricer, "pricer");
        return this;
    }

    /**
     * Per-cart limits.
     *
     * @param limits the limits of shopping carts, and of every kind without its own; not null.
     *               Default {@link CartLimits#DEFAULT}
     * @return this builder
     */
    public CartEngineBuilder limits(CartLimits limits) {
        this.limits = required(limits, "limits");
        return this;
    }

    /**
     * How long a guest cart lives after its last change; default 30 days.
     *
     * @param ttl positive ({@code INVALID_INPUT} else)
     * @return this builder
     */
    public CartEngineBuilder guestTtl(Duration ttl) {
        this.guestTtl = positive(ttl, "guest ttl");
        return this;
    }

    /**
     * How long a customer cart lives after its last change; default 90 days.
     *
     * @param ttl positive ({@code INVALID_INPUT} else)
     * @return this builder
     */
    public CartEngineBuilder customerTtl(Duration ttl) {
        this.customerTtl = positive(ttl, "customer ttl");
        return this;
    }

    /**
     * How long an idempotency key is remembered; default 24 hours.
     *
     * @param ttl positive ({@code INVALID_INPUT} else)
     * @return this builder
     */
    public CartEngineBuilder idempotencyTtl(Duration ttl) {
        this.idempotencyTtl = positive(ttl, "idempotency ttl");
        return this;
    }

    /**
     * How long a mutation without an expected version keeps re-applying itself after concurrent
     * changes before it gives up with {@code VERSION_CONFLICT}; default 5 seconds. A time budget
     * rather than a count, because on a hot cart most attempts conflict.
     *
     * @param budget positive ({@code INVALID_INPUT} else)
     * @return this builder
     */
    public CartEngineBuilder conflictRetryBudget(Duration budget) {
        this.conflictRetryBudget = positive(budget, "conflict retry budget");
        return this;
    }

    /**
     * Largest metadata JSON in UTF-8 bytes; default 4096.
     *
     * @param bytes the limit, at least 2 (the empty object {@code {}}); {@code INVALID_INPUT} below
     * @return this builder
     */
    public CartEngineBuilder maxMetadataBytes(int bytes) {
        if (bytes < 2) {
            throw CartException.invalidInput("metadata limit must be at least 2 bytes");
        }
        this.maxMetadataBytes = bytes;
        return this;
    }

    // --- observability ---

    /**
     * Told of every operation, provider call, retry and business event; by default nobody.
     *
     * @param observer the observer; not null. Its exceptions are swallowed, never failing an operation
     * @return this builder
     */
    public CartEngineBuilder observer(CartObserver observer) {
        this.observer = required(observer, "observer");
        return this;
    }

    /**
     * A part {@link CartEngine#health()} also asks (the outbox, a cache, a service the host relies
     * on); repeatable. The repository, and any repository or provider that is a
     * {@link HealthContributor} itself, are asked without being added here.
     *
     * @param contributor one more part; not null
     * @return this builder
     */
    public CartEngineBuilder healthContributor(HealthContributor contributor) {
        this.healthContributors.add(required(contributor, "health contributor"));
        return this;
    }

    // --- resilience ---

    /**
     * Whether checkout accepts a cart whose money figures (prices, tax rates, exchange rates,
     * promotions, shipping) came from a provider's fallback ({@code core.resilience}: a last known
     * good answer or a configured default). By default it does not: such a checkout fails with
     * {@code PROVIDER_UNAVAILABLE} and the cart stays as it was, so that a shop never silently
     * charges a stale price. Fallbacks of the catalog, the stock levels or the redemption counts
     * never block a checkout (its reservation and redemption are the authoritative checks).
     *
     * @param accept true to let such a cart check out
     * @return this builder
     */
    public CartEngineBuilder checkoutWithFallbacks(boolean accept) {
        this.checkoutWithFallbacks = accept;
        return this;
    }

    // --- security ---

    /**
     * What guests may do and what an operation requires of them (see {@link SecurityPolicy}); by
     * default {@link SecurityPolicy#DEFAULT}.
     *
     * @param policy the policy; not null
     * @return this builder
     */
    public CartEngineBuilder security(SecurityPolicy policy) {
        this.security = required(policy, "security policy");
        return this;
    }

    /**
     * Where privileged and security-relevant actions are recorded; by default nowhere.
     *
     * @param audit the audit log; not null
     * @return this builder
     */
    public CartEngineBuilder audit(AuditLog audit) {
        this.audit = required(audit, "audit log");
        return this;
    }

    // --- rate limits ---

    /**
     * The rate limits per operation, per actor and per cart; none by default. A call over a limit
     * fails with {@code RATE_LIMITED} and a retry-after, and changes nothing.
     *
     * @param rateLimits the limits; not null
     * @return this builder
     */
    public CartEngineBuilder rateLimits(RateLimits rateLimits) {
        this.rateLimits = required(rateLimits, "rate limits");
        return this;
    }

    /**
     * Where the rate limits keep their buckets; by default, when limits are set, an
     * {@link InMemoryRateLimiter} on the engine's clock (one instance; it needs bucket4j on the class
     * path). Give every instance of a shop the same shared limiter (cart-redis) and the same
     * {@link #pseudonymKey} so that the limits hold across instances.
     *
     * @param rateLimiter the limiter; not null
     * @return this builder
     */
    public CartEngineBuilder rateLimiter(RateLimiter rateLimiter) {
        this.rateLimiter = required(rateLimiter, "rate limiter");
        return this;
    }

    // --- data protection ---

    /**
     * An extra store that keeps personal data (a host's order notes, a loyalty table), asked by every
     * erasure and export of {@link CartEngine#dataProtection()} after the repository and the promotion
     * usage store, and by the retention job when it is a {@link dev.cartflow.spi.RetentionStore}.
     *
     * @param name  its name in erasure reports and exports: lowercase letters, digits, dots and dashes,
     *              not {@code repository}, {@code promotionUsage}, {@code maintenanceStore}, {@code audit} or {@code customerProfiles}
     * @param store the store
     * @return this builder
     */
    public CartEngineBuilder personalDataStore(String name, PersonalDataStore store) {
        NamedStore named = new NamedStore(name, store);
        if (personalDataStores.stream().anyMatch(s -> s.name().equals(name))) {
            throw CartException.invalidInput("a personal data store named " + name + " is already configured");
        }
        personalDataStores.add(named);
        return this;
    }

    /**
     * The secret key of the keyed pseudonyms that stand for customers in logs, metrics and the
     * audit trail (HMAC-SHA256, at least 16 bytes). Give every instance of a shop the same key so
     * that a customer's audit entries can be found for an erasure; by default a random key per engine.
     *
     * @param key the key, at least 16 bytes ({@code INVALID_INPUT} else); copied
     * @return this builder
     */
    public CartEngineBuilder pseudonymKey(byte[] key) {
        if (key == null || key.length < 16) {
            throw CartException.invalidInput("pseudonym key must have at least 16 bytes");
        }
        this.pseudonymKey = key.clone();
        return this;
    }

    /**
     * The data-residency region this engine serves: new carts are created in it with ids carrying its
     * code, carts of another region are {@code ACCESS_DENIED} (docs/data-protection.md, "Data
     * residency"). By default none: carts get the region their {@link NewCart} names, or none.
     *
     * @param region the region; not null
     * @return this builder
     */
    public CartEngineBuilder region(Region region) {
        this.region = required(region, "region");
        return this;
    }

    // --- addresses and the customer ---

    /**
     * Customer profiles (group, tax exemption); by default none: a cart keeps its group, everyone pays tax.
     *
     * @param customers the profiles; not null
     * @return this builder
     */
    public CartEngineBuilder customers(CustomerProvider customers) {
        this.customers = required(customers, "customers");
        return this;
    }

    // --- several carts ---

    /**
     * The limits of one kind of cart; a kind without its own has {@link #limits(CartLimits)}, which SHOPPING sets.
     *
     * @param kind   the kind; {@code SHOPPING} sets the same limits as {@link #limits(CartLimits)}
     * @param limits its limits; not null
     * @return this builder
     */
    public CartEngineBuilder limits(dev.cartflow.model.CartKind kind, CartLimits limits) {
        if (required(kind, "cart kind") == dev.cartflow.model.CartKind.SHOPPING) {
            return limits(limits);
        }
        kindLimits.put(kind, required(limits, "limits"));
        return this;
    }

    // --- shared carts ---

    /**
     * Participants per shared cart and the longest invitation; {@link ShareSettings#DEFAULT} by default.
     *
     * @param settings the settings; not null
     * @return this builder
     */
    public CartEngineBuilder sharing(ShareSettings settings) {
        this.sharing = required(settings, "share settings");
        return this;
    }

    // --- recovery and freezing ---

    /**
     * Recovery links' time to live and freeze times; {@link FreezeAndRecoverySettings#DEFAULT} by default.
     *
     * @param settings the settings; not null
     * @return this builder
     */
    public CartEngineBuilder freezeAndRecovery(FreezeAndRecoverySettings settings) {
        this.freezeAndRecovery = required(settings, "freeze and recovery settings");
        return this;
    }

    /**
     * Builds the engine; fails with {@code INVALID_INPUT} when a required collaborator is missing.
     *
     * @return a new engine over the collaborators and settings given so far
     */
    public CartEngine build() {
        return EngineWiring.wire(this);
    }
}
