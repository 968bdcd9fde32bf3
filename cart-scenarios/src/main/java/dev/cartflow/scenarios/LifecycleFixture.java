package dev.cartflow.scenarios;

import dev.cartflow.core.CartEngine;
import dev.cartflow.core.CartLimits;
import dev.cartflow.core.memory.InMemoryCatalog;
import dev.cartflow.core.memory.InMemoryPricing;
import dev.cartflow.core.memory.InMemoryPromotions;
import dev.cartflow.core.memory.InMemoryShipping;
import dev.cartflow.model.Money;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.Product;
import dev.cartflow.model.Promotion;
import dev.cartflow.model.Rate;
import dev.cartflow.model.ShippingMethod;
import dev.cartflow.model.Sku;
import dev.cartflow.spi.CartRepository;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** An engine on in-memory providers over the repository under test, for the lifecycle contract tests. */
final class LifecycleFixture {
    private static final java.util.Currency EUR = java.util.Currency.getInstance("EUR");

    private LifecycleFixture() {
    }

    static CartEngine engine(CartRepository repository) {
        InMemoryCatalog catalog = new InMemoryCatalog();
        InMemoryPricing pricing = new InMemoryPricing();
        for (String sku : List.of("HOT", "A", "B", "C")) {
            catalog.put(new Product(new Sku(sku), null, null, 10, Set.of(), 1, 1_000_000, 1));
            pricing.put(PriceQuote.of(new Sku(sku), Money.parse("1.00", EUR), Rate.parse("0.19")));
        }
        InMemoryPromotions promotions = new InMemoryPromotions().put(new Promotion("P10", "SAVE10", 0,
                Promotion.Stacking.STACKABLE, Promotion.Basis.RUNNING, Promotion.Target.all(Promotion.Scope.ORDER),
                new Promotion.Action.Percent(Rate.percent("10")), Promotion.Conditions.NONE, null, 0, 0));
        InMemoryShipping shipping = new InMemoryShipping().put(new ShippingMethod("STD",
                Money.parse("4.90", EUR), null, List.of(), Long.MAX_VALUE, Set.of()));
        return CartEngine.builder()
                .repository(repository)
                .catalog(catalog)
                .pricing(pricing)
                .promotions(promotions)
                .shipping(shipping)
                .limits(new CartLimits(50, 10_000_000, null))
                .conflictRetryBudget(Duration.ofSeconds(60))
                .build();
    }
}
