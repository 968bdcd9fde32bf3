package dev.cartflow.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.core.resilience.ProviderPolicy;
import dev.cartflow.core.resilience.Resilience;
import dev.cartflow.model.Hint;
import dev.cartflow.model.Money;
import dev.cartflow.model.PricedCart;
import dev.cartflow.model.Promotion;
import dev.cartflow.model.ShippingMethod;
import dev.cartflow.model.Sku;
import dev.cartflow.spi.PricingProvider;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Hints through the engine: on every read, kept when a fallback answered, none on checkout's final prices. */
class EngineHintsTest {
    private final TestWorld world = new TestWorld();
    private final AtomicBoolean pricingDown = new AtomicBoolean();
    private final PricingProvider hostPricing = request -> {
        if (pricingDown.get()) {
            throw new IllegalStateException("pricing service down");
        }
        return world.pricing.prices(request);
    };

    EngineHintsTest() {
        world.promotions.put(new Promotion("SPEND30", null, 1, Promotion.Stacking.STACKABLE, Promotion.Basis.RUNNING,
                Promotion.Target.all(Promotion.Scope.ORDER),
                new Promotion.Action.Amount(TestWorld.money("2.00"), Promotion.Per.ORDER),
                new Promotion.Conditions(TestWorld.money("30.00"), 0, Set.of(), Set.of(), null, null), null, 0, 0));
        world.shipping.put(new ShippingMethod("FREE40", TestWorld.money("4.90"), TestWorld.money("40.00"), List.of(),
                5_000, Set.of("DE")));
    }

    private static Hint amount(String id, String missing) {
        return Hint.amount(id, TestWorld.money(missing));
    }

    private static CreatedCart cartWithA(CartEngine engine, int quantity) {
        CreatedCart cart = engine.createGuestCart(NewCart.of("EUR", "DE"));
        engine.addItem(cart.actor(), cart.cart().id(), new Sku("A"), quantity);
        engine.selectShipping(cart.actor(), cart.cart().id(), "FREE40");
        return cart;
    }

    @Test
    void price_belowThresholds_pricedCartCarriesTheGaps() {
        CartEngine engine = world.engine();
        CreatedCart cart = cartWithA(engine, 2);
        PricedCart priced = engine.price(cart.actor(), cart.cart().id());
        assertThat(priced.hints()).containsExactly(amount("SPEND30", "10.00"),
                Hint.freeShipping(TestWorld.money("20.00")));
        engine.addItem(cart.actor(), cart.cart().id(), new Sku("A"), 2);
        assertThat(engine.price(cart.actor(), cart.cart().id()).hints()).as("40.00 - 2.00 = 38.00")
                .containsExactly(Hint.freeShipping(TestWorld.money("2.00")));
    }

    @Test
    void checkout_cartWithHints_finalPricesHaveNone() {
        CartEngine engine = world.engine();
        CreatedCart cart = cartWithA(engine, 1);
        assertThat(engine.price(cart.actor(), cart.cart().id()).hints()).hasSize(2);
        CheckoutResult result = engine.checkout(cart.actor(), cart.cart().id(), Mutation.idempotent("order-1"));
        CheckoutResult replay = engine.checkout(cart.actor(), cart.cart().id(), Mutation.idempotent("order-1"));
        assertThat(result.priced().hints()).as("a checked-out cart has nothing left to qualify for").isEmpty();
        assertThat(replay.priced()).isEqualTo(result.priced());
    }

    @Test
    void price_pricesFromTheFallback_hintsKept() {
        ProviderPolicy remembering = ProviderPolicy.builder().timeout(Duration.ofSeconds(5)).retries(1)
                .backoff(Duration.ofMillis(1), Duration.ofMillis(5)).lastKnownGood(1_000, Duration.ofHours(1)).build();
        CartEngine engine = world.builder().pricing(Resilience.pricing(hostPricing, remembering)).build();
        CreatedCart cart = cartWithA(engine, 2);
        PricedCart fresh = engine.price(cart.actor(), cart.cart().id());
        pricingDown.set(true);
        PricedCart fallback = engine.price(cart.actor(), cart.cart().id());
        assertThat(fallback.degraded()).isTrue();
        assertThat(fallback.hints()).isEqualTo(fresh.hints()).isNotEmpty();
        Money missing = fallback.hints().get(0).missingAmount();
        assertThat(missing).isEqualTo(TestWorld.money("10.00"));
    }
}
