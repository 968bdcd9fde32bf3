package dev.cartflow.core.internal.snapshot;

import dev.cartflow.core.internal.support.Failures;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartOwner;
import dev.cartflow.model.ExchangeRate;
import dev.cartflow.model.LineItem;
import dev.cartflow.model.Money;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.PricedCart;
import dev.cartflow.model.Product;
import dev.cartflow.model.Promotion;
import dev.cartflow.model.Rate;
import dev.cartflow.model.ShippingMethod;
import dev.cartflow.model.Sku;
import dev.cartflow.spi.CatalogProvider;
import dev.cartflow.spi.CustomerProfile;
import dev.cartflow.spi.CustomerProvider;
import dev.cartflow.spi.Destination;
import dev.cartflow.spi.ExchangeRateProvider;
import dev.cartflow.spi.InventoryProvider;
import dev.cartflow.spi.PriceRequest;
import dev.cartflow.spi.PricingProvider;
import dev.cartflow.spi.PromotionProvider;
import dev.cartflow.spi.PromotionQuery;
import dev.cartflow.spi.PromotionUsageStore;
import dev.cartflow.spi.ShippingProvider;
import dev.cartflow.spi.StockKey;
import dev.cartflow.spi.UsageLimits;
import dev.cartflow.spi.TaxProvider;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * What the providers answered during one attempt of one operation. Each provider is asked at most
 * once, lazily, with the whole batch of keys the attempt declared (so rules can ask for any part
 * of it without a second call), and only when a rule needs a non-empty part: a removal never
 * waits on a catalog that is down. Not thread-safe: an attempt runs on one thread.
 */
public final class Snapshot {
    private final ProviderSet providers;
    private final Cart cart;
    private final Instant now;
    private final Batch<Sku, Product> products;
    private final Batch<Sku, PriceQuote> rawQuotes;
    private final Batch<StockKey, Long> stock;
    private Map<String, List<Rate>> categoryRates;
    private final Map<Currency, Optional<ExchangeRate>> exchangeRates = new HashMap<>();
    private List<Promotion> promotions;
    private Set<String> exhausted;
    /** Whom per-customer limits count; null: promotions limited per customer are spent. */
    private final @Nullable CartOwner usageOwner;
    private final Map<Destination, List<ShippingMethod>> methodsByDestination = new HashMap<>();
    /** The customer's profile once asked; null until a rule needs it. */
    private @Nullable Optional<CustomerProfile> profile;
    private final Map<String, List<Promotion>> byCode = new HashMap<>();
    /** The providers whose fallback answered, in name order; null until one does (most attempts). */
    private @Nullable Set<String> fallbacks;
    private final ProviderSet ask;

    Snapshot(ProviderSet providers, Cart cart, @Nullable CartOwner usageOwner, Instant now, Set<Sku> skus,
             Set<StockKey> stockKeys) {
        this.providers = providers;
        // Views are built only when a provider can report a fallback: without resilience decorators
        // an attempt asks the providers themselves and allocates nothing for fallbacks.
        this.ask = providers.reportsFallbacks() ? reportingViews(providers, this::fellBack) : providers;
        this.cart = cart;
        this.usageOwner = usageOwner;
        this.now = now;
        this.products = new Batch<>("catalog", skus, batch -> ask.catalog().products(batch));
        this.rawQuotes = new Batch<>("pricing", skus, batch -> ask.pricing().prices(
                new PriceRequest(batch, cart.currency(), cart.country(), customerGroup())));
        this.stock = new Batch<>("inventory", stockKeys, batch -> ask.inventory().available(batch));
    }

    /** The providers as this attempt asks them: decorators that can report a fallback answer do so to it. */
    private static ProviderSet reportingViews(ProviderSet p, Consumer<String> onFallback) {
        return new ProviderSet(Fallbacks.view(p.catalog(), CatalogProvider.class, onFallback),
                Fallbacks.view(p.pricing(), PricingProvider.class, onFallback),
                Fallbacks.view(p.tax(), TaxProvider.class, onFallback),
                p.exchangeRates() == null ? null
                        : Fallbacks.view(p.exchangeRates(), ExchangeRateProvider.class, onFallback),
                Fallbacks.view(p.inventory(), InventoryProvider.class, onFallback),
                Fallbacks.view(p.promotions(), PromotionProvider.class, onFallback),
                Fallbacks.view(p.usage(), PromotionUsageStore.class, onFallback),
                Fallbacks.view(p.shipping(), ShippingProvider.class, onFallback), p.rounding(),
                p.customers() == null ? null : Fallbacks.view(p.customers(), CustomerProvider.class, onFallback));
    }

    private void fellBack(String provider) {
        if (fallbacks == null) {
            fallbacks = new TreeSet<>();
        }
        fallbacks.add(provider);
    }

    /**
     * The providers whose fallback answered during this attempt so far (names of {@link Fallbacks}).
     *
     * @return a copy
     */
    public Set<String> fallbacks() {
        return fallbacks == null ? Set.of() : Set.copyOf(fallbacks);
    }

    /**
     * The priced cart flagged with the fallbacks of this attempt: called by the stage that priced it,
     * after pricing, so that the pure pricing never knows where its inputs came from.
     *
     * @param priced the figures priced from this snapshot
     * @return the same figures with {@link PricedCart#fallbacks()} set
     */
    public PricedCart flag(PricedCart priced) {
        return fallbacks == null ? priced : priced.withFallbacks(fallbacks);
    }

    /** The money-relevant providers ({@link Fallbacks#MONEY}) whose fallback answered during this attempt. */
    public Set<String> moneyFallbacks() {
        Set<String> money = fallbacks == null ? new TreeSet<>() : new TreeSet<>(fallbacks);
        money.retainAll(Fallbacks.MONEY);
        return money;
    }

    /** The skus of a cart's lines. */
    public static Set<Sku> skusOf(Cart cart) {
        Set<Sku> skus = new LinkedHashSet<>();
        cart.lines().forEach(l -> skus.add(l.sku()));
        return skus;
    }

    /** The stock keys of a cart's lines. */
    public static Set<StockKey> stockKeysOf(Cart cart) {
        Set<StockKey> keys = new LinkedHashSet<>();
        cart.lines().forEach(l -> keys.add(new StockKey(l.sku(), l.warehouse())));
        return keys;
    }

    /** The instant of this attempt. */
    public Instant now() {
        return now;
    }

    /**
     * The catalog's products, by sku; the catalog is asked on the first non-empty need.
     *
     * @param needed the skus the caller is about to look up
     * @return the products of the whole batch (absent skus are unknown products)
     */
    public Map<Sku, Product> products(Collection<Sku> needed) {
        return products.get(needed);
    }

    /**
     * Quotes of {@code needed} in the cart's currency with tax categories resolved. A quote in a
     * currency without an exchange rate fails with {@code CURRENCY_MISMATCH} only when needed.
     *
     * @param needed the skus to quote
     * @return their quotes (an unquoted sku is absent) and the exchange rate used
     */
    public Quotes quotes(Collection<Sku> needed) {
        if (needed.isEmpty()) {
            return new Quotes(Map.of(), null);
        }
        Map<Sku, PriceQuote> raw = rawQuotes.get(needed);
        Map<Sku, PriceQuote> resolved = new LinkedHashMap<>();
        Set<ExchangeRate> used = new HashSet<>();
        for (Sku sku : needed) {
            PriceQuote quote = raw.get(sku);
            if (quote == null) {
                continue;
            }
            List<Rate> taxRates = quote.taxRates();
            if (taxRates.isEmpty() && quote.taxCategory() != null) {
                taxRates = categoryRates(raw).getOrDefault(quote.taxCategory(), List.of());
            }
            Money price = quote.unitPrice();
            if (!price.currency().equals(cart.currency())) {
                ExchangeRate rate = exchangeRate(price.currency());
                used.add(rate);
                price = convert(price, rate);
            }
            resolved.put(sku, new PriceQuote(quote.sku(), price, taxRates, quote.taxCategory()));
        }
        return new Quotes(resolved, used.size() == 1 ? used.iterator().next() : null);
    }

    /**
     * Units available by stock key; the inventory is asked on the first non-empty need.
     *
     * @param needed the keys the caller is about to look up
     * @return the levels of the whole batch (an absent key is untracked)
     */
    public Map<StockKey, Long> stock(Collection<StockKey> needed) {
        return stock.get(needed);
    }

    /** The promotions to consider for the cart (its skus, codes, group and country, now). */
    public List<Promotion> promotions() {
        if (promotions == null) {
            PromotionQuery query = new PromotionQuery(cart.currency(), cart.country(), customerGroup(),
                    new HashSet<>(skusOf(cart)), cart.codes(), now);
            promotions = List.copyOf(Failures.provider("promotions", () -> ask.promotions().promotions(query)));
        }
        return promotions;
    }

    /** The promotions a code activates. */
    public List<Promotion> byCode(String code) {
        return byCode.computeIfAbsent(code, c -> List.copyOf(Failures.provider("promotions",
                () -> ask.promotions().byCode(c, cart.currency()))));
    }

    /** Among the cart's {@link #promotions()}, the ids whose uses are spent for this cart's owner. */
    public Set<String> exhausted() {
        if (exhausted == null) {
            List<Promotion> candidates = promotions();
            CartOwner counted = usageOwner != null ? usageOwner : cart.owner();
            Set<String> spent = candidates.isEmpty() ? Set.of() : Failures.provider("promotion usage",
                    () -> ask.usage().exhausted(candidates, cart.id(), counted));
            if (usageOwner == null) {
                // Only here is the store's answer extended; otherwise it is copied once, as it is.
                Set<String> all = new HashSet<>(spent);
                candidates.stream().filter(UsageLimits::isLimitedPerCustomer).forEach(p -> all.add(p.id()));
                spent = all;
            }
            exhausted = Set.copyOf(spent);
        }
        return exhausted;
    }

    /**
     * The shipping methods offered for the cart's currency to {@code country}: to the cart's own
     * destination (with its address's subdivision and postal code) when it is the cart's country,
     * else to the country alone (an address belongs to one country).
     */
    public List<ShippingMethod> shippingMethods(String country) {
        return shippingMethods(country.equals(cart.country()) ? destination() : Destination.country(country));
    }

    /** The shipping methods offered for the cart's currency to a destination; the provider is asked once per destination. */
    public List<ShippingMethod> shippingMethods(Destination destination) {
        return methodsByDestination.computeIfAbsent(destination, d -> List.copyOf(Failures.provider("shipping",
                () -> ask.shipping().methods(cart.currency(), d))));
    }

    /** Where the cart ships to now: its country with its address's subdivision and postal code. */
    public Destination destination() {
        return Destination.of(cart);
    }

    /**
     * The owner's profile: asked at most once per attempt, only for a customer cart, only when a
     * rule needs it and only when the engine has a customer provider (a guest cart never asks).
     *
     * @return the profile, or empty for a guest cart or a customer the host knows nothing about
     */
    public Optional<CustomerProfile> profile() {
        if (profile == null) {
            profile = cart.customerId().isEmpty() || ask.customers() == null ? Optional.empty()
                    : Failures.provider("customers", () -> ask.customers().profile(cart.customerId().get()));
        }
        return profile;
    }

    /**
     * The group prices and promotions are chosen for: the profile's when it names one, else the
     * group the cart was created with.
     *
     * @return the group, or null for none
     */
    public @Nullable String customerGroup() {
        String group = profile().map(CustomerProfile::customerGroup).orElse(null);
        return group != null ? group : cart.customerGroup();
    }

    /** True when the owner's profile says the customer pays no tax. */
    public boolean taxExempt() {
        return profile().map(CustomerProfile::taxExempt).orElse(false);
    }

    private Map<String, List<Rate>> categoryRates(Map<Sku, PriceQuote> raw) {
        if (categoryRates == null) {
            Set<String> categories = new HashSet<>();
            for (PriceQuote quote : raw.values()) {
                if (quote.taxRates().isEmpty() && quote.taxCategory() != null) {
                    categories.add(quote.taxCategory());
                }
            }
            Set<String> batch = Set.copyOf(categories);
            Destination to = destination();
            categoryRates = Map.copyOf(Failures.provider("tax", () -> ask.tax().rates(to, batch)));
        }
        return categoryRates;
    }

    private ExchangeRate exchangeRate(Currency from) {
        Optional<ExchangeRate> rate = exchangeRates.computeIfAbsent(from, f -> ask.exchangeRates() == null
                ? Optional.empty()
                : Failures.provider("exchange rates", () -> ask.exchangeRates().rate(f, cart.currency())));
        return rate.orElseThrow(() -> new CartException(CartErrorCode.CURRENCY_MISMATCH,
                "prices in " + from + " for a cart in " + cart.currency()));
    }

    private Money convert(Money price, ExchangeRate rate) {
        Currency to = cart.currency();
        BigDecimal converted = price.toDecimal().multiply(rate.rate().toDecimal())
                .setScale(Math.max(to.getDefaultFractionDigits(), 0), providers.rounding());
        try {
            return new Money(converted.unscaledValue().longValueExact(), to);
        } catch (ArithmeticException e) {
            throw CartException.invalidInput("converted price overflows");
        }
    }

    /** Total weight in grams of lines with their products; exact, so that no overflow goes unseen. */
    public static long weight(Collection<LineItem> lines, Map<Sku, Product> products) {
        long grams = 0;
        for (LineItem line : lines) {
            Product p = products.get(line.sku());
            if (p != null) {
                grams = Math.addExact(grams, Math.multiplyExact(p.weightGrams(), (long) line.quantity()));
            }
        }
        return grams;
    }
}
