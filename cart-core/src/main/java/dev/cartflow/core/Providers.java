package dev.cartflow.core;

import dev.cartflow.model.Cart;
import dev.cartflow.model.ExchangeRate;
import dev.cartflow.model.Money;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.Product;
import dev.cartflow.model.Promotion;
import dev.cartflow.model.Rate;
import dev.cartflow.model.ShippingMethod;
import dev.cartflow.model.Sku;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.spi.PriceRequest;
import dev.cartflow.spi.PromotionQuery;
import dev.cartflow.spi.StockKey;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The engine's view of the host's providers: one batched call per provider per operation, every
 * failure of a provider turned into {@code PROVIDER_UNAVAILABLE}, quotes converted to the cart's
 * currency and tax categories resolved to rates.
 */
final class Providers {
    private final CartEngineBuilder config;

    Providers(CartEngineBuilder config) {
        this.config = config;
    }

    static <T> T call(String what, Supplier<T> call) {
        try {
            T result = call.get();
            if (result == null) {
                throw new CartException(CartErrorCode.PROVIDER_UNAVAILABLE, what + " returned null");
            }
            return result;
        } catch (CartException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new CartException(CartErrorCode.PROVIDER_UNAVAILABLE, what + " failed", e);
        }
    }

    static void run(String what, Runnable call) {
        call(what, () -> {
            call.run();
            return Boolean.TRUE;
        });
    }

    Map<Sku, Product> products(Set<Sku> skus) {
        if (skus.isEmpty()) {
            return Map.of();
        }
        return call("catalog", () -> config.catalog.products(Set.copyOf(skus)));
    }

    Map<StockKey, Long> stock(Set<StockKey> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        return call("inventory", () -> config.inventory.available(Set.copyOf(keys)));
    }

    /** Quotes in the cart's currency with tax rates resolved; the exchange rate used, if any. */
    Quotes quotes(Cart cart, Set<Sku> skus) {
        if (skus.isEmpty()) {
            return new Quotes(Map.of(), null);
        }
        Map<Sku, PriceQuote> raw = call("pricing", () -> config.pricing.prices(
                new PriceRequest(skus, cart.currency(), cart.country(), cart.customerGroup())));
        Set<String> categories = new HashSet<>();
        Set<Currency> foreign = new LinkedHashSet<>();
        for (PriceQuote quote : raw.values()) {
            if (quote.taxRates().isEmpty() && quote.taxCategory() != null) {
                categories.add(quote.taxCategory());
            }
            if (!quote.unitPrice().currency().equals(cart.currency())) {
                foreign.add(quote.unitPrice().currency());
            }
        }
        Map<String, List<Rate>> categoryRates = categories.isEmpty() ? Map.of()
                : call("tax", () -> config.tax.rates(cart.country(), Set.copyOf(categories)));
        Map<Currency, ExchangeRate> rates = new HashMap<>();
        for (Currency from : foreign) {
            Optional<ExchangeRate> rate = config.exchangeRates == null ? Optional.empty()
                    : call("exchange rates", () -> config.exchangeRates.rate(from, cart.currency()));
            rates.put(from, rate.orElseThrow(() -> new CartException(CartErrorCode.CURRENCY_MISMATCH,
                    "prices in " + from + " for a cart in " + cart.currency())));
        }
        Map<Sku, PriceQuote> resolved = new HashMap<>();
        for (Map.Entry<Sku, PriceQuote> e : raw.entrySet()) {
            PriceQuote quote = e.getValue();
            List<Rate> taxRates = quote.taxRates().isEmpty() && quote.taxCategory() != null
                    ? categoryRates.getOrDefault(quote.taxCategory(), List.of()) : quote.taxRates();
            Money price = quote.unitPrice();
            ExchangeRate rate = rates.get(price.currency());
            if (rate != null) {
                price = convert(price, rate, cart.currency());
            }
            resolved.put(e.getKey(), new PriceQuote(quote.sku(), price, taxRates, quote.taxCategory()));
        }
        ExchangeRate used = rates.size() == 1 ? rates.values().iterator().next() : null;
        return new Quotes(resolved, used);
    }

    private Money convert(Money price, ExchangeRate rate, Currency to) {
        BigDecimal converted = price.toDecimal().multiply(rate.rate().toDecimal())
                .setScale(Math.max(to.getDefaultFractionDigits(), 0), config.pricingPolicy.rounding());
        try {
            return new Money(converted.unscaledValue().longValueExact(), to);
        } catch (ArithmeticException e) {
            throw CartException.invalidInput("converted price overflows");
        }
    }

    List<Promotion> promotions(Cart cart, Instant now) {
        Set<Sku> skus = new HashSet<>();
        cart.lines().forEach(l -> skus.add(l.sku()));
        return call("promotions", () -> config.promotions.promotions(new PromotionQuery(cart.currency(),
                cart.country(), cart.customerGroup(), skus, cart.codes(), now)));
    }

    List<Promotion> byCode(String code, Currency currency) {
        return call("promotions", () -> config.promotions.byCode(code, currency));
    }

    List<ShippingMethod> shippingMethods(Cart cart, String country) {
        return call("shipping", () -> config.shipping.methods(cart.currency(), country));
    }

    /** Total weight of the cart's lines in grams. */
    static long weight(Cart cart, Map<Sku, Product> products) {
        long grams = 0;
        for (var line : cart.lines()) {
            Product p = products.get(line.sku());
            if (p != null) {
                grams = Math.addExact(grams, Math.multiplyExact(p.weightGrams(), (long) line.quantity()));
            }
        }
        return grams;
    }

    /** Quotes by sku and the exchange rate used (null when none was needed or several were). */
    record Quotes(Map<Sku, PriceQuote> bySku, ExchangeRate exchangeRate) {
    }
}
