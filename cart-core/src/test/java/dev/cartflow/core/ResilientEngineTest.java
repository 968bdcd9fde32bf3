package dev.cartflow.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.core.cache.CachingPricingProvider;
import dev.cartflow.core.memory.InMemoryPromotionUsageStore;
import dev.cartflow.core.merge.MergePolicy;
import dev.cartflow.core.merge.MergeRequest;
import dev.cartflow.core.merge.MergeResult;
import dev.cartflow.core.resilience.ProviderPolicy;
import dev.cartflow.core.resilience.Resilience;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartState;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.PricedCart;
import dev.cartflow.model.Promotion;
import dev.cartflow.model.Sku;
import dev.cartflow.spi.CatalogProvider;
import dev.cartflow.spi.PricingProvider;
import dev.cartflow.spi.PromotionProvider;
import dev.cartflow.spi.PromotionQuery;
import dev.cartflow.spi.StockKey;
import java.time.Duration;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * An engine over the in-memory providers behind the resilience decorators: the normal flows run
 * unchanged, a fallback answer is flagged in the priced cart, and checkout refuses fallback money
 * figures unless configured to accept them.
 */
class ResilientEngineTest {
    private static final StockKey A_STOCK = new StockKey(new Sku("A"), "default");

    private final TestWorld world = new TestWorld();
    private final AtomicBoolean pricingDown = new AtomicBoolean();
    private final AtomicBoolean catalogDown = new AtomicBoolean();
    private final AtomicBoolean promotionsDown = new AtomicBoolean();
    private final AtomicInteger pricingCalls = new AtomicInteger();

    private final PricingProvider hostPricing = request -> {
        pricingCalls.incrementAndGet();
        if (pricingDown.get()) {
            throw new IllegalStateException("pricing service down");
        }
        return world.pricing.prices(request);
    };
    private final CatalogProvider hostCatalog = skus -> {
        if (catalogDown.get()) {
            throw new IllegalStateException("catalog service down");
        }
        return world.catalog.products(skus);
    };
    private final PromotionProvider hostPromotions = new PromotionProvider() {
        @Override
        public List<Promotion> promotions(PromotionQuery query) {
            if (promotionsDown.get()) {
                throw new IllegalStateException("promotion service down");
            }
            return world.promotions.promotions(query);
        }

        @Override
        public List<Promotion> byCode(String code, Currency currency) {
            if (promotionsDown.get()) {
                throw new IllegalStateException("promotion service down");
            }
            return world.promotions.byCode(code, currency);
        }
    };

    private static ProviderPolicy remembering() {
        return ProviderPolicy.builder().timeout(Duration.ofSeconds(5)).retries(1)
                .backoff(Duration.ofMillis(1), Duration.ofMillis(5)).lastKnownGood(1_000, Duration.ofHours(1)).build();
    }

    /** Every provider and the storage guarded; prices and catalog remember their last good answers. */
    private CartEngineBuilder guarded() {
        ProviderPolicy plain = ProviderPolicy.builder().timeout(Duration.ofSeconds(5)).build();
        return world.builder()
                .repository(Resilience.storage(world.repository, plain))
                .catalog(Resilience.catalog(hostCatalog, remembering()))
                .pricing(Resilience.pricing(hostPricing, remembering()))
                .inventory(Resilience.inventory(world.inventory, plain))
                .promotions(Resilience.promotions(hostPromotions, remembering(), new PromotionProvider() {
                    @Override
                    public List<Promotion> promotions(PromotionQuery query) {
                        return List.of();
                    }

                    @Override
                    public List<Promotion> byCode(String code, Currency currency) {
                        return List.of();
                    }
                }))
                .promotionUsage(Resilience.promotionUsage(new InMemoryPromotionUsageStore(), plain))
                .shipping(Resilience.shipping(world.shipping, plain))
                .tax(Resilience.tax((country, categories) -> Map.of(), plain));
    }

    private CreatedCart cartWithA(CartEngine engine, int quantity) {
        CreatedCart cart = engine.createGuestCart(NewCart.of("EUR", "DE"));
        engine.addItem(cart.actor(), cart.cart().id(), new Sku("A"), quantity);
        return cart;
    }

    private long stockOfA() {
        return world.inventory.available(Set.of(A_STOCK)).get(A_STOCK);
    }

    private static CartException failure(Runnable call) {
        try {
            call.run();
        } catch (CartException e) {
            return e;
        }
        throw new AssertionError("expected a CartException");
    }

    @Test
    void engine_overGuardedInMemoryProviders_runsTheNormalFlows() {
        CartEngine engine = guarded().build();
        CreatedCart guest = cartWithA(engine, 2);
        engine.applyCode(guest.actor(), guest.cart().id(), "SAVE10");
        engine.selectShipping(guest.actor(), guest.cart().id(), "STD");
        PricedCart priced = engine.price(guest.actor(), guest.cart().id());
        assertThat(priced.subtotal()).isEqualTo(TestWorld.money("20.00"));
        assertThat(priced.discount()).isEqualTo(TestWorld.money("2.00"));
        assertThat(priced.fallbacks()).isEmpty();
        assertThat(priced.degraded()).isFalse();

        CustomerId alice = new CustomerId("alice");
        Actor aliceActor = Actor.customer(alice);
        Cart customer = engine.createCustomerCart(aliceActor, alice, NewCart.of("EUR", "DE"));
        engine.addItem(aliceActor, customer.id(), new Sku("B"), 2);
        MergeResult merged = engine.merge(aliceActor, new MergeRequest(guest.cart().id(), guest.token(), alice,
                MergePolicy.SUM));
        assertThat(merged.cart().lines()).hasSize(2);

        CheckoutResult result = engine.checkout(aliceActor, customer.id(), Mutation.none());
        assertThat(result.cart().state()).isEqualTo(CartState.CHECKED_OUT);
        assertThat(result.priced().fallbacks()).isEmpty();
        assertThat(stockOfA()).as("the reservation went through the guarded inventory").isEqualTo(6);
    }

    @Test
    void price_pricingDownWithALastKnownAnswer_figuresFlaggedAsPricingFallback() {
        CartEngine engine = guarded().build();
        CreatedCart cart = cartWithA(engine, 2);
        PricedCart fresh = engine.price(cart.actor(), cart.cart().id());
        pricingDown.set(true);
        PricedCart fallback = engine.price(cart.actor(), cart.cart().id());
        assertThat(fallback.total()).isEqualTo(fresh.total());
        assertThat(fallback.fallbacks()).containsExactly("pricing");
        assertThat(fallback.degraded()).isTrue();
    }

    @Test
    void price_pricingDownWithoutALastKnownAnswer_unavailable() {
        CartEngine engine = world.builder().pricing(Resilience.pricing(hostPricing, ProviderPolicy.builder()
                .retries(0).build())).build();
        CreatedCart cart = cartWithA(engine, 1);
        pricingDown.set(true);
        CartException e = failure(() -> engine.price(cart.actor(), cart.cart().id()));
        assertThat(e).isExactlyInstanceOf(CartException.class);
        assertThat(e.code()).isEqualTo(CartErrorCode.PROVIDER_UNAVAILABLE);
    }

    @Test
    void checkout_fallbackPrices_refusedAndTheCartLeftAsItWas() {
        CartEngine engine = guarded().build();
        CreatedCart cart = cartWithA(engine, 2);
        engine.price(cart.actor(), cart.cart().id());
        pricingDown.set(true);
        Cart before = engine.get(cart.actor(), cart.cart().id());
        CartException e = failure(() -> engine.checkout(cart.actor(), cart.cart().id(), Mutation.none()));
        assertThat(e.code()).isEqualTo(CartErrorCode.PROVIDER_UNAVAILABLE);
        assertThat(e.getMessage()).contains("pricing");
        assertThat(engine.get(cart.actor(), cart.cart().id())).isEqualTo(before);
        assertThat(stockOfA()).isEqualTo(8);
    }

    @Test
    void checkout_fallbackPricesAccepted_checksOutWithTheFlags() {
        CartEngine engine = guarded().checkoutWithFallbacks(true).build();
        CreatedCart cart = cartWithA(engine, 2);
        engine.price(cart.actor(), cart.cart().id());
        pricingDown.set(true);
        CheckoutResult result = engine.checkout(cart.actor(), cart.cart().id(), Mutation.none());
        assertThat(result.cart().state()).isEqualTo(CartState.CHECKED_OUT);
        assertThat(result.priced().fallbacks()).containsExactly("pricing");
        assertThat(result.priced().total()).isEqualTo(TestWorld.money("23.80"));
    }

    @Test
    void checkout_idempotentReplayOfAFallbackCheckout_keepsTheFlags() {
        CartEngine engine = guarded().checkoutWithFallbacks(true).build();
        CreatedCart cart = cartWithA(engine, 2);
        engine.price(cart.actor(), cart.cart().id());
        pricingDown.set(true);
        CheckoutResult first = engine.checkout(cart.actor(), cart.cart().id(), Mutation.idempotent("order-1"));
        CheckoutResult replay = engine.checkout(cart.actor(), cart.cart().id(), Mutation.idempotent("order-1"));
        assertThat(replay.priced().fallbacks()).containsExactly("pricing");
        assertThat(replay).isEqualTo(first);
    }

    @Test
    void checkout_defaultPromotions_refusedAsAMoneyFallback() {
        CartEngine engine = guarded().build();
        CreatedCart cart = cartWithA(engine, 1);
        promotionsDown.set(true);
        PricedCart priced = engine.price(cart.actor(), cart.cart().id());
        assertThat(priced.fallbacks()).contains("promotions");
        CartException e = failure(() -> engine.checkout(cart.actor(), cart.cart().id(), Mutation.none()));
        assertThat(e.code()).isEqualTo(CartErrorCode.PROVIDER_UNAVAILABLE);
    }

    @Test
    void checkout_catalogFallbackOnly_notRefused() {
        CartEngine engine = guarded().build();
        CreatedCart cart = cartWithA(engine, 1);
        catalogDown.set(true);
        CheckoutResult result = engine.checkout(cart.actor(), cart.cart().id(), Mutation.none());
        assertThat(result.cart().state()).isEqualTo(CartState.CHECKED_OUT);
        assertThat(result.priced().fallbacks()).containsExactly("catalog");
    }

    @Test
    void price_throughAProviderCache_flaggedAndTheFallbackNeverCached() {
        CachingPricingProvider cache = CachingPricingProvider.builder(Resilience.pricing(hostPricing, remembering()))
                .build();
        CartEngine engine = guarded().pricing(cache).build();
        CreatedCart cart = cartWithA(engine, 1);
        engine.price(cart.actor(), cart.cart().id());
        cache.invalidateAll();
        pricingDown.set(true);
        assertThat(engine.price(cart.actor(), cart.cart().id()).fallbacks()).containsExactly("pricing");
        pricingDown.set(false);
        int before = pricingCalls.get();
        PricedCart recovered = engine.price(cart.actor(), cart.cart().id());
        assertThat(recovered.fallbacks()).isEmpty();
        assertThat(pricingCalls.get()).as("the fallback answer was not cached: the host is asked again")
                .isGreaterThan(before);
        engine.price(cart.actor(), cart.cart().id());
        assertThat(cache.hits()).isPositive();
    }

    @Test
    void pricedCart_existingConstructors_noFallbacks() {
        CartEngine engine = world.engine();
        CreatedCart cart = cartWithA(engine, 1);
        PricedCart p = engine.price(cart.actor(), cart.cart().id());
        PricedCart copy = new PricedCart(p.cart(), p.currency(), p.lines(), p.subtotal(), p.discount(), p.shipping(),
                p.shippingDiscount(), p.shippingTax(), p.tax(), p.taxes(), p.total(), p.net(), p.promotions(),
                p.codes(), p.priceChanges(), p.exchangeRate(), p.pricedAt());
        assertThat(copy.fallbacks()).isEmpty();
        assertThat(copy.withFallbacks(Set.of("tax", "pricing")).fallbacks()).containsExactly("pricing", "tax");
    }
}
