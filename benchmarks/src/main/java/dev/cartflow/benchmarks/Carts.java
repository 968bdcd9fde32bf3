package dev.cartflow.benchmarks;

import dev.cartflow.core.internal.pricing.PricingInput;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CartOwner;
import dev.cartflow.model.CartState;
import dev.cartflow.model.LineId;
import dev.cartflow.model.LineItem;
import dev.cartflow.model.Money;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.PricingPolicy;
import dev.cartflow.model.Product;
import dev.cartflow.model.Promotion;
import dev.cartflow.model.Rate;
import dev.cartflow.model.ShippingMethod;
import dev.cartflow.model.Sku;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/** Deterministic benchmark inputs: carts of n lines and a mix of k promotions of every kind. */
final class Carts {
    static final Currency EUR = Currency.getInstance("EUR");
    static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    private static final String[] CATEGORIES = {"shoes", "shirts", "pants", "hats"};
    private static final String[] BRANDS = {"acme", "globex", "initech"};

    private Carts() {
    }

    static PricingInput input(int lines, int promotions, PricingPolicy.TaxMode mode) {
        SplittableRandom random = new SplittableRandom(42);
        Map<Sku, Product> products = new HashMap<>();
        Map<Sku, PriceQuote> prices = new HashMap<>();
        List<LineItem> items = new ArrayList<>();
        Rate vat = Rate.parse("0.19");
        Rate reduced = Rate.parse("0.07");
        for (int i = 0; i < lines; i++) {
            Sku sku = Sku.of("SKU-" + i);
            products.put(sku, new Product(sku, CATEGORIES[i % CATEGORIES.length], BRANDS[i % BRANDS.length], 100,
                    Set.of(), 1, Integer.MAX_VALUE, 1));
            Money price = Money.ofMinor(99 + random.nextInt(20_000), EUR);
            prices.put(sku, PriceQuote.of(sku, price, i % 5 == 0 ? reduced : vat));
            items.add(new LineItem(new LineId("l" + i), sku, 1 + random.nextInt(5), LineItem.DEFAULT_WAREHOUSE, price,
                    NOW));
        }
        Cart cart = new Cart(new CartId(new UUID(1, 2)), new CartOwner.Guest("bench"), null, EUR, "DE",
                CartState.ACTIVE, 1, items, List.of("CODE"), "STD", "{}", NOW, NOW, NOW.plusSeconds(3600), null);
        ShippingMethod shipping = new ShippingMethod("STD", Money.ofMinor(490, EUR), Money.ofMinor(1_000_000, EUR),
                List.of(vat), Long.MAX_VALUE, Set.of());
        return new PricingInput(cart, products, prices, promotions(promotions), Set.of(), shipping,
                new PricingPolicy(mode, PricingPolicy.TaxCalculation.LINE, RoundingMode.HALF_EVEN), null, NOW);
    }

    /** Every action, scope and stacking mode; the last two of a set of five or more stop or exclude. */
    static List<Promotion> promotions(int k) {
        List<Promotion> out = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            Promotion.Stacking stacking = k >= 5 && i == k - 1 ? Promotion.Stacking.EXCLUSIVE
                    : k >= 5 && i == k - 2 ? Promotion.Stacking.STOP_FURTHER : Promotion.Stacking.STACKABLE;
            Promotion.Scope scope = Promotion.Scope.ITEMS;
            Promotion.Target target;
            Promotion.Action action;
            switch (i % 6) {
                case 0 -> action = new Promotion.Action.Percent(Rate.percent("10"));
                case 1 -> {
                    scope = Promotion.Scope.ORDER;
                    action = new Promotion.Action.Amount(Money.ofMinor(500, EUR), Promotion.Per.ORDER);
                }
                case 2 -> action = new Promotion.Action.BuyXGetY(2, 1, Rate.percent("50"));
                case 3 -> action = new Promotion.Action.FixedPrice(Money.ofMinor(5_000, EUR));
                case 4 -> {
                    scope = Promotion.Scope.SHIPPING;
                    action = new Promotion.Action.Percent(Rate.percent("50"));
                }
                default -> {
                    scope = Promotion.Scope.ORDER;
                    action = new Promotion.Action.Percent(Rate.percent("5"));
                }
            }
            target = switch (i % 3) {
                case 0 -> new Promotion.Target(scope, Set.of(), Set.of(CATEGORIES[i % CATEGORIES.length]), Set.of());
                case 1 -> new Promotion.Target(scope, Set.of(), Set.of(), Set.of(BRANDS[i % BRANDS.length]));
                default -> Promotion.Target.all(scope);
            };
            out.add(new Promotion("P" + i, i % 4 == 3 ? "CODE" : null, i, stacking, Promotion.Basis.RUNNING, target,
                    action, Promotion.Conditions.NONE, null, 0, 0));
        }
        return out;
    }
}
