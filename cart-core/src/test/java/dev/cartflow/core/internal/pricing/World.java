package dev.cartflow.core.internal.pricing;

import dev.cartflow.model.Cart;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CartOwner;
import dev.cartflow.model.CartState;
import dev.cartflow.model.ExchangeRate;
import dev.cartflow.model.LineId;
import dev.cartflow.model.LineItem;
import dev.cartflow.model.Money;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.PricedCart;
import dev.cartflow.model.PricedLine;
import dev.cartflow.model.PricingPolicy;
import dev.cartflow.model.Product;
import dev.cartflow.model.Promotion;
import dev.cartflow.model.PromotionExplanation;
import dev.cartflow.model.Rate;
import dev.cartflow.model.ShippingMethod;
import dev.cartflow.model.Sku;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** A small mutable world for tests: catalog, cart lines, promotions, shipping; priced on demand. */
final class World {
    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    static final Currency EUR = Currency.getInstance("EUR");

    Currency currency = EUR;
    String country = "DE";
    String customerGroup;
    PricingPolicy policy = PricingPolicy.DEFAULT;
    Instant now = NOW;
    final Map<Sku, Product> products = new LinkedHashMap<>();
    final Map<Sku, PriceQuote> prices = new LinkedHashMap<>();
    final List<LineItem> lines = new ArrayList<>();
    final List<Promotion> promotions = new ArrayList<>();
    final List<String> codes = new ArrayList<>();
    final Set<String> exhausted = new HashSet<>();
    ShippingMethod shipping;
    ExchangeRate exchangeRate;
    private int lineSeq;

    static World eur() {
        return new World();
    }

    World currency(String code) {
        currency = Currency.getInstance(code);
        return this;
    }

    World policy(PricingPolicy.TaxMode mode, PricingPolicy.TaxCalculation calc, RoundingMode rounding) {
        policy = new PricingPolicy(mode, calc, rounding);
        return this;
    }

    World inclusive() {
        return policy(PricingPolicy.TaxMode.INCLUSIVE, policy.taxCalculation(), policy.rounding());
    }

    World unitTax() {
        return policy(policy.taxMode(), PricingPolicy.TaxCalculation.UNIT, policy.rounding());
    }

    World rounding(RoundingMode mode) {
        return policy(policy.taxMode(), policy.taxCalculation(), mode);
    }

    Money money(String amount) {
        return Money.parse(amount, currency);
    }

    World product(String sku, String price, String... taxRates) {
        return item(sku, price, null, null, taxRates);
    }

    /** A product with category and brand (either may be null). */
    World item(String sku, String price, String category, String brand, String... taxRates) {
        Sku s = Sku.of(sku);
        products.put(s, new Product(s, category, brand, 0, Set.of(), 1, Integer.MAX_VALUE, 1));
        List<Rate> rates = new ArrayList<>();
        for (String r : taxRates) {
            rates.add(Rate.parse(r));
        }
        prices.put(s, new PriceQuote(s, money(price), rates, null));
        return this;
    }

    World add(String sku, int qty) {
        Sku s = Sku.of(sku);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).sku().equals(s)) {
                lines.set(i, lines.get(i).withQuantity(lines.get(i).quantity() + qty));
                return this;
            }
        }
        PriceQuote quote = prices.get(s);
        lines.add(new LineItem(new LineId("l" + (++lineSeq)), s, qty, LineItem.DEFAULT_WAREHOUSE,
                quote == null ? null : quote.unitPrice(), NOW));
        return this;
    }

    World setQuantity(String sku, int qty) {
        Sku s = Sku.of(sku);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).sku().equals(s)) {
                if (qty == 0) {
                    lines.remove(i);
                } else {
                    lines.set(i, lines.get(i).withQuantity(qty));
                }
                return this;
            }
        }
        throw new IllegalArgumentException("no line " + sku);
    }

    World remove(String sku) {
        return setQuantity(sku, 0);
    }

    World promo(Promotion promotion) {
        promotions.add(promotion);
        return this;
    }

    World promo(PromoBuilder builder) {
        return promo(builder.build(currency));
    }

    World code(String code) {
        codes.add(code);
        return this;
    }

    World shipping(String price, String freeAbove, String... taxRates) {
        List<Rate> rates = new ArrayList<>();
        for (String r : taxRates) {
            rates.add(Rate.parse(r));
        }
        shipping = new ShippingMethod("STD", money(price), freeAbove == null ? null : money(freeAbove), rates,
                Long.MAX_VALUE, Set.of());
        return this;
    }

    Cart cart() {
        return new Cart(new CartId(new UUID(0, 1)), new CartOwner.Guest("guest"), customerGroup, currency, country,
                CartState.ACTIVE, 1, lines, codes, shipping == null ? null : shipping.id(), "{}", NOW, NOW,
                NOW.plusSeconds(86400), null);
    }

    PricingInput input() {
        return new PricingInput(cart(), products, prices, promotions, exhausted, shipping, policy, exchangeRate, now);
    }

    PricedCart price() {
        return CartPricer.standard().price(input());
    }

    static PricedLine line(PricedCart priced, String sku) {
        return priced.lines().stream().filter(l -> l.sku().value().equals(sku)).findFirst().orElseThrow();
    }

    static PromotionExplanation explanation(PricedCart priced, String id) {
        return priced.promotions().stream().filter(e -> e.promotionId().equals(id)).findFirst().orElseThrow();
    }
}
