package dev.cartflow.core;

import dev.cartflow.core.memory.InMemoryCartRepository;
import dev.cartflow.core.memory.InMemoryCatalog;
import dev.cartflow.core.memory.InMemoryInventory;
import dev.cartflow.core.memory.InMemoryPricing;
import dev.cartflow.core.memory.InMemoryPromotions;
import dev.cartflow.core.memory.InMemoryShipping;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.Money;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.Product;
import dev.cartflow.model.Promotion;
import dev.cartflow.model.Rate;
import dev.cartflow.model.ShippingMethod;
import dev.cartflow.model.Sku;
import dev.cartflow.tck.MutableClock;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/** An engine on in-memory providers with a small catalog and a movable clock. */
final class TestWorld {
    static final Currency EUR = Currency.getInstance("EUR");
    final InMemoryCartRepository repository = new InMemoryCartRepository();
    final InMemoryCatalog catalog = new InMemoryCatalog();
    final InMemoryPricing pricing = new InMemoryPricing();
    final InMemoryInventory inventory = new InMemoryInventory();
    final InMemoryPromotions promotions = new InMemoryPromotions();
    final InMemoryShipping shipping = new InMemoryShipping();
    final List<CartEvent> published = new CopyOnWriteArrayList<>();
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));

    TestWorld() {
        product("A", "10.00", Set.of(), 1, 5, 1, 1000);
        product("B", "3.00", Set.of(), 1, 100, 2, 500);
        product("US-ONLY", "7.00", Set.of("US"), 1, 100, 1, 0);
        product("C", "1.00", Set.of(), 1, Integer.MAX_VALUE, 1, 100);
        inventory.setStock(new Sku("A"), "default", 8);
        promotions.put(new Promotion("P10", "SAVE10", 0, Promotion.Stacking.STACKABLE, Promotion.Basis.RUNNING,
                Promotion.Target.all(Promotion.Scope.ORDER), new Promotion.Action.Percent(Rate.percent("10")),
                Promotion.Conditions.NONE, null, 0, 0));
        shipping.put(new ShippingMethod("STD", money("4.90"), null, List.of(), 5_000, Set.of("DE", "AT")));
    }

    void product(String sku, String price, Set<String> countries, int min, int max, int step, long weight) {
        catalog.put(new Product(new Sku(sku), null, null, weight, countries, min, max, step));
        pricing.put(new PriceQuote(new Sku(sku), money(price), List.of(Rate.parse("0.19")), null));
    }

    static Money money(String amount) {
        return Money.parse(amount, EUR);
    }

    CartEngineBuilder builder() {
        return CartEngine.builder().repository(repository).catalog(catalog).pricing(pricing).inventory(inventory)
                .promotions(promotions).shipping(shipping).clock(clock).events(published::addAll)
                .limits(new CartLimits(3, 50, money("500.00")));
    }

    CartEngine engine() {
        return builder().build();
    }
}
