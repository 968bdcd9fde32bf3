package dev.cartflow.core.internal.snapshot;

import dev.cartflow.model.Cart;
import dev.cartflow.model.CartOwner;
import dev.cartflow.model.Sku;
import dev.cartflow.spi.CatalogProvider;
import dev.cartflow.spi.CustomerProvider;
import dev.cartflow.spi.ExchangeRateProvider;
import dev.cartflow.spi.InventoryProvider;
import dev.cartflow.spi.PricingProvider;
import dev.cartflow.spi.PromotionProvider;
import dev.cartflow.spi.PromotionUsageStore;
import dev.cartflow.spi.ShippingProvider;
import dev.cartflow.spi.StockKey;
import dev.cartflow.spi.TaxProvider;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The host's read-side providers, from which each attempt of an operation opens its own
 * {@link Snapshot}.
 *
 * @param catalog       products
 * @param pricing       price quotes
 * @param tax           rates of tax categories
 * @param exchangeRates conversions, or null when quotes must be in the cart's currency
 * @param inventory     stock levels
 * @param promotions    promotions
 * @param usage         redemption counts (read here; redeemed by the checkout)
 * @param shipping      shipping methods
 * @param rounding      rounding of converted prices
 * @param customers     customer profiles (group, tax exemption), asked only for customer carts; null for none
 */
public record ProviderSet(CatalogProvider catalog, PricingProvider pricing, TaxProvider tax,
                          ExchangeRateProvider exchangeRates, InventoryProvider inventory,
                          PromotionProvider promotions, PromotionUsageStore usage, ShippingProvider shipping,
                          RoundingMode rounding, @Nullable CustomerProvider customers) {

    /**
     * The providers without customer profiles.
     *
     * @param catalog       products
     * @param pricing       price quotes
     * @param tax           rates of tax categories
     * @param exchangeRates conversions, or null
     * @param inventory     stock levels
     * @param promotions    promotions
     * @param usage         redemption counts
     * @param shipping      shipping methods
     * @param rounding      rounding of converted prices
     */
    public ProviderSet(CatalogProvider catalog, PricingProvider pricing, TaxProvider tax,
                       ExchangeRateProvider exchangeRates, InventoryProvider inventory, PromotionProvider promotions,
                       PromotionUsageStore usage, ShippingProvider shipping, RoundingMode rounding) {
        this(catalog, pricing, tax, exchangeRates, inventory, promotions, usage, shipping, rounding, null);
    }

    /**
     * A snapshot for one attempt on {@code cart}.
     *
     * @param cart      the cart whose currency, country, group and codes the providers are asked for
     * @param now       the attempt's instant
     * @param skus      every sku the attempt may need (the one catalog and pricing batch)
     * @param stockKeys every stock key the attempt may need (the one inventory batch)
     * @return a snapshot that has asked nothing yet
     */
    public Snapshot open(Cart cart, Instant now, Set<Sku> skus, Set<StockKey> stockKeys) {
        return new Snapshot(this, cart, cart.owner(), now, skus, stockKeys);
    }

    /**
     * A snapshot for one attempt on {@code cart} by an actor whose promotion uses are counted under
     * {@code usageOwner} (a guest with an identity is counted by it, not by its cart's token).
     *
     * @param cart       the cart
     * @param usageOwner whom per-customer promotion limits count, or null when promotions limited per
     *                   customer are spent for this actor (a guest without identity, by policy)
     * @param now        the attempt's instant
     * @param skus       every sku the attempt may need
     * @param stockKeys  every stock key the attempt may need
     * @return a snapshot that has asked nothing yet
     */
    public Snapshot open(Cart cart, @Nullable CartOwner usageOwner, Instant now, Set<Sku> skus,
                         Set<StockKey> stockKeys) {
        return new Snapshot(this, cart, usageOwner, now, skus, stockKeys);
    }

    /**
     * Whether any of these providers is a {@link FallbackReporting} decorator, so that a snapshot
     * needs reporting views of them at all.
     *
     * @return true when at least one can report a fallback answer
     */
    public boolean reportsFallbacks() {
        return catalog instanceof FallbackReporting<?> || pricing instanceof FallbackReporting<?>
                || tax instanceof FallbackReporting<?> || exchangeRates instanceof FallbackReporting<?>
                || inventory instanceof FallbackReporting<?> || promotions instanceof FallbackReporting<?>
                || usage instanceof FallbackReporting<?> || shipping instanceof FallbackReporting<?>
                || customers instanceof FallbackReporting<?>;
    }
}
