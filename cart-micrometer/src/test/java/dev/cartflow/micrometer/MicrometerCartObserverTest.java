package dev.cartflow.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartflow.core.CartEngine;
import dev.cartflow.core.CartEngineBuilder;
import dev.cartflow.core.CheckoutResult;
import dev.cartflow.core.CreatedCart;
import dev.cartflow.core.Mutation;
import dev.cartflow.core.NewCart;
import dev.cartflow.core.cache.CachingCatalogProvider;
import dev.cartflow.core.memory.InMemoryCartRepository;
import dev.cartflow.core.memory.InMemoryCatalog;
import dev.cartflow.core.memory.InMemoryPricing;
import dev.cartflow.core.memory.InMemoryPromotions;
import dev.cartflow.core.merge.MergePolicy;
import dev.cartflow.core.merge.MergeRequest;
import dev.cartflow.core.observe.BreakerState;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.Money;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.Product;
import dev.cartflow.model.Promotion;
import dev.cartflow.model.Rate;
import dev.cartflow.model.Sku;
import dev.cartflow.tck.MutableClock;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The Micrometer observer behind a real in-memory engine driving real operations. */
class MicrometerCartObserverTest {
    private static final Currency EUR = Currency.getInstance("EUR");
    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final MicrometerCartObserver observer = new MicrometerCartObserver(registry);
    private final InMemoryCartRepository repository = new InMemoryCartRepository();
    private final InMemoryCatalog catalog = new InMemoryCatalog();
    private final InMemoryPricing pricing = new InMemoryPricing();
    private final InMemoryPromotions promotions = new InMemoryPromotions();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
    private final AtomicBoolean catalogDown = new AtomicBoolean();

    MicrometerCartObserverTest() {
        for (String sku : List.of("A", "B", "C")) {
            catalog.put(Product.builder(Sku.of(sku)).build());
            pricing.put(PriceQuote.of(Sku.of(sku), Money.parse("10.00", EUR), Rate.parse("0.19")));
        }
        promotions.put(new Promotion("P10", "SAVE10", 0, Promotion.Stacking.STACKABLE, Promotion.Basis.RUNNING,
                Promotion.Target.all(Promotion.Scope.ORDER), new Promotion.Action.Percent(Rate.percent("10")),
                Promotion.Conditions.NONE, null, 0, 0));
    }

    private CartEngineBuilder builder() {
        CachingCatalogProvider cached = CachingCatalogProvider.builder(skus -> {
            if (catalogDown.get()) {
                throw new IllegalStateException("catalog down");
            }
            return catalog.products(skus);
        }).ttl(Duration.ZERO, Duration.ZERO).observer(observer).build();
        return CartEngine.builder().repository(repository).catalog(cached).pricing(pricing).promotions(promotions)
                .clock(clock).observer(observer);
    }

    private double count(String name, String... tags) {
        return registry.get(name).tags(tags).counter().count();
    }

    private long timed(String name, String... tags) {
        return registry.get(name).tags(tags).timer().count();
    }

    @Test
    void engine_realFlow_operationsProvidersCachesAndBusinessCounted() {
        CartEngine engine = builder().build();
        CustomerId alice = new CustomerId("alice");
        Actor aliceActor = Actor.customer(alice);
        engine.createCustomerCart(aliceActor, alice, NewCart.of("EUR", "DE"));
        CreatedCart guest = engine.createGuestCart(NewCart.of("EUR", "DE"));
        engine.addItem(guest.actor(), guest.cart().id(), Sku.of("A"), 2);
        engine.applyCode(guest.actor(), guest.cart().id(), "SAVE10");
        assertThatThrownBy(() -> engine.applyCode(guest.actor(), guest.cart().id(), "GUESS"))
                .isInstanceOf(CartException.class);
        Cart merged = engine.merge(aliceActor, new MergeRequest(guest.cart().id(), guest.token(), alice,
                MergePolicy.SUM)).cart();
        catalogDown.set(true);
        assertThatThrownBy(() -> engine.addItem(aliceActor, merged.id(), Sku.of("B"), 1))
                .isInstanceOf(CartException.class);
        catalogDown.set(false);
        CheckoutResult result = engine.checkout(aliceActor, merged.id(), Mutation.none());

        assertThat(timed("cartflow.operations", "operation", "ADD_ITEM", "outcome", "SUCCESS", "code", "none"))
                .isEqualTo(1);
        assertThat(timed("cartflow.operations", "operation", "APPLY_CODE", "outcome", "REJECTED",
                "code", "PROMOTION_NOT_FOUND")).isEqualTo(1);
        assertThat(timed("cartflow.operations", "operation", "ADD_ITEM", "outcome", "ERROR",
                "code", "PROVIDER_UNAVAILABLE")).isEqualTo(1);
        assertThat(timed("cartflow.provider.calls", "provider", "pricing", "outcome", "SUCCESS")).isPositive();
        assertThat(timed("cartflow.provider.calls", "provider", "repository", "outcome", "SUCCESS")).isPositive();
        assertThat(count("cartflow.provider.errors", "provider", "catalog")).isEqualTo(1);
        assertThat(count("cartflow.cache.requests", "cache", "catalog", "result", "miss")).isPositive();
        assertThat(count("cartflow.carts.created")).isEqualTo(2);
        assertThat(count("cartflow.carts.merged")).isEqualTo(1);
        assertThat(count("cartflow.carts.checked.out")).isEqualTo(1);
        assertThat(count("cartflow.codes.applied")).isEqualTo(1);
        assertThat(count("cartflow.codes.rejected")).isEqualTo(1);
        assertThat(result.priced().total().toDecimalString()).isEqualTo("21.42");
        assertThat(count("cartflow.checkout.revenue", "currency", "EUR")).isEqualTo(21.42);
        assertThat(registry.get("cartflow.operations.active").gauge().value()).isZero();
    }

    @Test
    void maintenance_idleCart_abandonedCounted() {
        CartEngine engine = builder().build();
        CreatedCart idle = engine.createGuestCart(NewCart.of("EUR", "DE"));
        engine.addItem(idle.actor(), idle.cart().id(), Sku.of("C"), 1);
        clock.advance(Duration.ofHours(5));

        engine.maintenance().markAbandoned(Duration.ofHours(4), 10);

        assertThat(count("cartflow.carts.abandoned")).isEqualTo(1);
    }

    @Test
    void providerRetried_twice_countedPerProvider() {
        observer.providerRetried("pricing", 2);
        observer.providerRetried("pricing", 3);
        observer.providerRetried("tax", 2);

        assertThat(count("cartflow.provider.retries", "provider", "pricing")).isEqualTo(2);
        assertThat(count("cartflow.provider.retries", "provider", "tax")).isEqualTo(1);
    }

    @Test
    void breakerAndOutbox_reported_gaugesFollow() {
        observer.breakerChanged("pricing", BreakerState.OPEN);
        assertThat(registry.get("cartflow.breaker.state").tags("provider", "pricing").gauge().value()).isEqualTo(2);
        observer.breakerChanged("pricing", BreakerState.HALF_OPEN);
        assertThat(registry.get("cartflow.breaker.state").tags("provider", "pricing").gauge().value()).isEqualTo(1);
        observer.breakerChanged("pricing", BreakerState.CLOSED);
        assertThat(registry.get("cartflow.breaker.state").tags("provider", "pricing").gauge().value()).isZero();

        observer.outboxMeasured(7, Duration.ofSeconds(90));
        assertThat(registry.get("cartflow.outbox.pending").gauge().value()).isEqualTo(7);
        assertThat(registry.get("cartflow.outbox.oldest.age").gauge().value()).isEqualTo(90);
    }

    @Test
    void publisherThrows_swallowedFailureCounted() {
        CartEngine engine = builder().events(events -> {
            throw new IllegalStateException("broker down");
        }).build();
        engine.createGuestCart(NewCart.of("EUR", "DE"));

        assertThat(count("cartflow.failures.swallowed", "where", "publish")).isEqualTo(1);
    }

    @Test
    void tags_manyCartsCustomersSkusAndCodes_seriesBoundedAndFreeOfIdentifiers() {
        CartEngine engine = builder().build();
        Random random = new Random(20261201L);
        Set<String> identifiers = new HashSet<>();
        play(engine, random, identifiers, 150);
        int seriesAfterFirstRound = registry.getMeters().size();
        play(engine, random, identifiers, 150);

        assertThat(registry.getMeters().size()).as("new carts, customers, skus and codes add no series")
                .isEqualTo(seriesAfterFirstRound);
        Map<String, Set<String>> allowedKeys = Map.of(
                "cartflow.operations", Set.of("operation", "outcome", "code"),
                "cartflow.provider.calls", Set.of("provider", "outcome"),
                "cartflow.provider.errors", Set.of("provider"),
                "cartflow.cache.requests", Set.of("cache", "result"),
                "cartflow.conflict.retries", Set.of("operation"),
                "cartflow.checkout.revenue", Set.of("currency"),
                "cartflow.failures.swallowed", Set.of("where"));
        for (Meter meter : registry.getMeters()) {
            List<String> keys = new ArrayList<>();
            for (Tag tag : meter.getId().getTags()) {
                keys.add(tag.getKey());
                assertThat(identifiers).as("tag %s of %s", tag, meter.getId().getName()).doesNotContain(tag.getValue());
            }
            assertThat(allowedKeys.getOrDefault(meter.getId().getName(), Set.of())).containsAll(keys);
        }
    }

    /** Random operations on new carts of new customers, with unknown skus and guessed codes. */
    private void play(CartEngine engine, Random random, Set<String> identifiers, int rounds) {
        for (int i = 0; i < rounds; i++) {
            CustomerId customer = new CustomerId("customer-" + random.nextLong());
            identifiers.add(customer.value());
            Cart cart = engine.createCustomerCart(Actor.customer(customer), customer, NewCart.of("EUR", "DE"));
            identifiers.add(cart.id().toString());
            String sku = random.nextBoolean() ? "A" : "SKU-" + random.nextInt(1_000_000);
            String code = random.nextBoolean() ? "SAVE10" : "CODE-" + random.nextInt(1_000_000);
            identifiers.add(sku);
            identifiers.add(code);
            try {
                engine.addItem(Actor.customer(customer), cart.id(), Sku.of(sku), 1 + random.nextInt(3));
                engine.applyCode(Actor.customer(customer), cart.id(), code);
                engine.checkout(Actor.customer(customer), cart.id(), Mutation.none());
            } catch (CartException expected) {
                // refusals are part of the traffic
            }
        }
        identifiers.remove("A");
        identifiers.remove("SAVE10");
    }

    @Test
    void providerNames_unbounded_atMostSixtyFourPlusOther() {
        for (int i = 0; i < 1_000; i++) {
            observer.providerCalled("provider-" + i, dev.cartflow.core.observe.Outcome.SUCCESS, Duration.ofMillis(1));
        }
        Set<String> names = new HashSet<>();
        registry.find("cartflow.provider.calls").timers().forEach(t -> names.add(t.getId().getTag("provider")));

        assertThat(names).hasSize(65).contains(BoundedTag.OTHER, "provider-0", "provider-63")
                .doesNotContain("provider-64");
    }
}
