package dev.cartflow.docs.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cartflow.core.CartCommand;
import dev.cartflow.core.CartEngine;
import dev.cartflow.core.CreatedCart;
import dev.cartflow.core.Mutation;
import dev.cartflow.core.NewCart;
import dev.cartflow.core.cache.CachingCatalogProvider;
import dev.cartflow.core.cache.CachingPricingProvider;
import dev.cartflow.core.memory.InMemoryCartRepository;
import dev.cartflow.core.memory.InMemoryCatalog;
import dev.cartflow.core.memory.InMemoryInventory;
import dev.cartflow.core.memory.InMemoryPricing;
import dev.cartflow.core.memory.InMemoryPromotions;
import dev.cartflow.core.observe.CartObserver;
import dev.cartflow.core.ratelimit.InMemoryRateLimiter;
import dev.cartflow.core.ratelimit.LimiterOutage;
import dev.cartflow.core.ratelimit.RateLimits;
import dev.cartflow.core.resilience.ProviderPolicy;
import dev.cartflow.core.resilience.Resilience;
import dev.cartflow.core.security.SecurityPolicy;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.micrometer.MicrometerCartObserver;
import dev.cartflow.model.Actor;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CartOperation;
import dev.cartflow.model.Money;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.PricedCart;
import dev.cartflow.model.Product;
import dev.cartflow.model.Rate;
import dev.cartflow.model.ShippingMethod;
import dev.cartflow.model.Sku;
import dev.cartflow.spi.CatalogProvider;
import dev.cartflow.spi.PricingProvider;
import dev.cartflow.spi.PromotionProvider;
import dev.cartflow.spi.ShippingProvider;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The samples of docs/operations.md: resilience, metrics, guest policies and rate limits, on memory. */
class OperationsSample {
    private static final Currency EUR = Currency.getInstance("EUR");

    private final InMemoryCartRepository carts = new InMemoryCartRepository();
    private final CatalogProvider hostCatalog = new InMemoryCatalog().put(Product.builder(Sku.of("MUG")).build());
    private final PricingProvider hostPrices = new InMemoryPricing()
            .put(PriceQuote.of(Sku.of("MUG"), Money.parse("12.50", EUR), Rate.parse("0.19")));
    private final PromotionProvider hostPromotions = new InMemoryPromotions();
    private final SimpleMeterRegistry meterRegistry = new SimpleMeterRegistry();

    @Test
    void resilience_shippingServiceDown_flatRateAnswersFlaggedAndCheckoutRefused() {
        InMemoryInventory hostStock = new InMemoryInventory().setStock(Sku.of("MUG"), "default", 10);
        ShippingProvider hostShipping = (currency, country) -> {
            throw new IllegalStateException("shipping service down");
        };
        ShippingMethod flatRate = new ShippingMethod("FLAT", Money.parse("5.00", EUR), null, List.of(),
                Long.MAX_VALUE, Set.of());

        // tag::resilience[]
        CartObserver observer = new MicrometerCartObserver(meterRegistry); // any CartObserver
        ProviderPolicy prices = ProviderPolicy.builder()
                .timeout(Duration.ofMillis(500)).retries(2)
                .breaker(5, 20).breakerDelay(Duration.ofSeconds(15))
                .lastKnownGood(100_000, Duration.ofHours(6))
                .observer(observer).build();
        ProviderPolicy stock = ProviderPolicy.builder()
                .timeout(Duration.ofMillis(300)).bulkhead(32, Duration.ofMillis(50))
                .observer(observer).build();

        CartEngine engine = CartEngine.builder()
                .repository(Resilience.storage(carts, ProviderPolicy.builder()
                        .timeout(Duration.ofSeconds(2)).observer(observer).build()))
                .catalog(CachingCatalogProvider.builder(Resilience.catalog(hostCatalog, prices)).build())
                .pricing(CachingPricingProvider.builder(Resilience.pricing(hostPrices, prices)).build())
                .inventory(Resilience.inventory(hostStock, stock, keys -> Map.of())) // reserves too, if hostStock does
                .promotions(Resilience.promotions(hostPromotions, prices))
                .shipping(Resilience.shipping(hostShipping, prices, (currency, country) -> List.of(flatRate)))
                .checkoutWithFallbacks(false) // the default: never charge a stale price
                .build();
        // end::resilience[]

        CreatedCart created = engine.createGuestCart(NewCart.of("EUR", "DE"));
        Actor guest = Actor.guest(created.token());
        CartId id = created.cart().id();
        engine.addItem(guest, id, Sku.of("MUG"), 1);
        engine.selectShipping(guest, id, "FLAT");
        PricedCart priced = engine.price(guest, id);

        assertThat(priced.fallbacks()).containsExactly("shipping");
        assertThat(priced.degraded()).isTrue();
        CartException refused = catchThrowableOfType(CartException.class,
                () -> engine.checkout(guest, id, Mutation.none()));
        assertThat(refused.code()).isEqualTo(CartErrorCode.PROVIDER_UNAVAILABLE);
        assertThat(engine.health().components()).containsKey("breaker.shipping");
        // every failed read of the shipping methods was tried twice more, as retries(2) says
        double retries = meterRegistry.get("cartflow.provider.retries").tag("provider", "shipping").counter().count();
        assertThat(retries).isPositive();
        assertThat(retries % 2).isZero();
    }

    @Test
    void metrics_oneObserverForEngineAndCache_operationsCartsAndCacheLookupsCounted() {
        PricingProvider prices = hostPrices;

        // tag::metrics[]
        MicrometerCartObserver metrics = new MicrometerCartObserver(meterRegistry);
        CachingCatalogProvider catalog = CachingCatalogProvider.builder(hostCatalog).observer(metrics).build();
        CartEngine engine = CartEngine.builder().repository(carts).catalog(catalog).pricing(prices)
                .observer(metrics).build();
        // end::metrics[]

        int mugsAdded = 3;
        CreatedCart created = engine.createGuestCart(NewCart.of("EUR", "DE"));
        for (int i = 0; i < mugsAdded; i++) {
            engine.addItem(Actor.guest(created.token()), created.cart().id(), Sku.of("MUG"), 1);
        }

        assertThat(meterRegistry.get("cartflow.operations").tags("operation", "ADD_ITEM", "outcome", "SUCCESS")
                .timer().count()).isEqualTo(mugsAdded);
        assertThat(meterRegistry.get("cartflow.carts.created").counter().count()).isEqualTo(1.0);
        double lookups = meterRegistry.get("cartflow.cache.requests").tag("cache", "catalog").counters().stream()
                .mapToDouble(c -> c.count()).sum();
        assertThat(lookups).isGreaterThanOrEqualTo(mugsAdded);
        assertThat(meterRegistry.get("cartflow.cache.requests").tags("cache", "catalog", "result", "hit")
                .counter().count()).isPositive();
    }

    @Test
    void guestPolicy_codesDeniedAndCheckoutNeedsAnEmail_untilTheMetadataHasOne() {
        CartEngine engine = CartEngine.builder().repository(carts).catalog(hostCatalog).pricing(hostPrices)
                .promotions(hostPromotions)
                // tag::guest-policy[]
                .security(SecurityPolicy.builder()
                        .requireGuestMetadata(CartOperation.CHECKOUT, "email")   // guest checkout needs an e-mail
                        .denyGuests(CartOperation.APPLY_CODE)                    // no coupons for guests
                        .unidentifiedGuests(SecurityPolicy.UnidentifiedGuests.REFUSE_PER_CUSTOMER_PROMOTIONS)
                        .build())
                // end::guest-policy[]
                .build();
        CreatedCart created = engine.createGuestCart(NewCart.of("EUR", "DE"));
        Actor guest = Actor.guest(created.token());
        CartId id = created.cart().id();
        engine.addItem(guest, id, Sku.of("MUG"), 1);

        assertThat(failure(() -> engine.applyCode(guest, id, "WELCOME")).code()).isEqualTo(CartErrorCode.ACCESS_DENIED);
        assertThat(failure(() -> engine.checkout(guest, id, Mutation.none())).code())
                .isEqualTo(CartErrorCode.ACCESS_DENIED);
        engine.execute(guest, id, new CartCommand.SetMetadata("{\"email\":\"guest@example.com\"}"), Mutation.none());
        assertThat(engine.checkout(guest, id, Mutation.none()).priced().lines()).hasSize(1);
    }

    @Test
    void rateLimits_codeGuessing_eleventhTryOfTenPerHourRefusedWithAWait() {
        byte[] shopKey = "a shop's own pseudonym key, 16+ bytes".getBytes(StandardCharsets.UTF_8);

        // tag::rate-limits[]
        RateLimits limits = RateLimits.builder()                               // dev.cartflow.core.ratelimit
                .perActor(CartOperation.CREATE_GUEST_CART, 10, Duration.ofMinutes(1))  // carts per client per minute
                .perCart(CartOperation.ADD_ITEM, 5, Duration.ofSeconds(1))              // changes per cart per second
                .perCart(CartOperation.APPLY_CODE, 10, Duration.ofHours(1))             // code attempts per cart
                .perActor(CartOperation.APPLY_CODE, 30, Duration.ofHours(1))            // ... and per shopper
                .perActor(CartOperation.GET, 600, Duration.ofMinutes(1))                // reads per actor
                .onLimiterOutage(LimiterOutage.ALLOW)                                   // the default: fail open
                .build();

        CartEngine engine = CartEngine.builder()
                .repository(carts).catalog(hostCatalog).pricing(hostPrices).promotions(hostPromotions)
                .rateLimits(limits)
                .rateLimiter(new InMemoryRateLimiter())  // one instance; cart-redis's RedisRateLimiter for several
                .pseudonymKey(shopKey)                   // the same on every instance
                .build();
        // end::rate-limits[]

        CreatedCart created = engine.createGuestCart(NewCart.of("EUR", "DE").withClientKey("203.0.113.7"));
        Actor guest = Actor.guest(created.token());
        int allowed = 10;
        for (int i = 0; i < allowed; i++) {
            String guess = "GUESS-" + i;
            assertThat(failure(() -> engine.applyCode(guest, created.cart().id(), guess)).code())
                    .isEqualTo(CartErrorCode.PROMOTION_NOT_FOUND);
        }
        CartException limited = failure(() -> engine.applyCode(guest, created.cart().id(), "GUESS-" + allowed));

        assertThat(limited.code()).isEqualTo(CartErrorCode.RATE_LIMITED);
        assertThat(limited.retryAfter()).hasValueSatisfying(wait -> assertThat(wait).isPositive()
                .isLessThanOrEqualTo(Duration.ofHours(1).dividedBy(allowed)));
    }

    private static CartException failure(Runnable call) {
        CartException e = catchThrowableOfType(CartException.class, call::run);
        assertThat(e).as("a CartException").isNotNull();
        return e;
    }
}
