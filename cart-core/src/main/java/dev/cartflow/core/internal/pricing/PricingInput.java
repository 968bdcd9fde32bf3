package dev.cartflow.core.internal.pricing;

import dev.cartflow.model.Cart;
import dev.cartflow.model.ExchangeRate;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.PricingPolicy;
import dev.cartflow.model.Product;
import dev.cartflow.model.Promotion;
import dev.cartflow.model.ShippingMethod;
import dev.cartflow.model.Sku;
import dev.cartflow.error.CartException;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything pricing needs, fetched by the engine beforehand (pricing does no I/O). Internal to
 * cart-core, not API.
 *
 * @param cart           the cart to price
 * @param products       the products of every line; a line without one is priced as unavailable
 * @param prices         the quote of every line (a line without one is unavailable), in the cart's currency, with tax rates resolved
 *                       for the cart's country ({@link PriceQuote#taxCategory()} is ignored)
 * @param promotions     every promotion to consider and explain, automatic and coded, in any order
 * @param exhausted      ids of promotions with no uses left for this cart's customer
 * @param shippingMethod the selected method, or null; availability was checked by the engine
 * @param policy         tax mode, tax calculation and rounding
 * @param exchangeRate   the rate the prices were converted with, or null
 * @param now            the instant promotions' validity windows are judged at
 */
public record PricingInput(Cart cart, Map<Sku, Product> products, Map<Sku, PriceQuote> prices,
                           List<Promotion> promotions, Set<String> exhausted, ShippingMethod shippingMethod,
                           PricingPolicy policy, ExchangeRate exchangeRate, Instant now) {
    /** Validates and copies. */
    public PricingInput {
        if (cart == null || products == null || prices == null || promotions == null || exhausted == null
                || policy == null || now == null || hasNull(promotions) || hasNull(exhausted)) {
            throw CartException.invalidInput("incomplete pricing input");
        }
        // not Map.copyOf: its open addressing clusters badly on sequential skus ("SKU-0001",
        // "SKU-0002", ... have consecutive hash codes) and made lookups quadratic at 1000 lines
        products = Collections.unmodifiableMap(new HashMap<>(products));
        prices = Collections.unmodifiableMap(new HashMap<>(prices));
        promotions = List.copyOf(promotions);
        exhausted = Set.copyOf(exhausted);
    }

    // not contains(null): the immutable collections throw on it
    private static boolean hasNull(Collection<?> values) {
        for (Object value : values) {
            if (value == null) {
                return true;
            }
        }
        return false;
    }
}
