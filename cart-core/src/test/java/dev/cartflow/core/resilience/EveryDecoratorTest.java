package dev.cartflow.core.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.core.health.HealthContributor;
import dev.cartflow.core.health.HealthStatus;
import dev.cartflow.core.internal.snapshot.Fallbacks;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CartOwner;
import dev.cartflow.model.ExchangeRate;
import dev.cartflow.model.Money;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.Product;
import dev.cartflow.model.Promotion;
import dev.cartflow.model.Rate;
import dev.cartflow.model.ShippingMethod;
import dev.cartflow.model.Sku;
import dev.cartflow.spi.CatalogProvider;
import dev.cartflow.spi.ExchangeRateProvider;
import dev.cartflow.spi.InventoryProvider;
import dev.cartflow.spi.PriceRequest;
import dev.cartflow.spi.PricingProvider;
import dev.cartflow.spi.PromotionProvider;
import dev.cartflow.spi.PromotionQuery;
import dev.cartflow.spi.PromotionUsageStore;
import dev.cartflow.spi.ShippingProvider;
import dev.cartflow.spi.StockKey;
import dev.cartflow.spi.TaxProvider;
import dev.cartflow.tck.CartFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every read-side decorator, one by one: a provider that is down gives only {@code PROVIDER_UNAVAILABLE}
 * (no Failsafe type), a remembered answer stands in for it and is reported under the provider's name,
 * and its breaker is in the health report under {@code breaker.<name>}.
 */
class EveryDecoratorTest {
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Currency USD = Currency.getInstance("USD");
    private static final Sku A = new Sku("A");
    private static final StockKey KEY = new StockKey(A, "default");
    private static final CartId CART = CartFixtures.guestCart().id();
    private static final CartOwner OWNER = CartFixtures.guestCart().owner();
    private static final Promotion PROMOTION = new Promotion("P10", "SAVE10", 0, Promotion.Stacking.STACKABLE,
            Promotion.Basis.RUNNING, Promotion.Target.all(Promotion.Scope.ORDER),
            new Promotion.Action.Percent(Rate.percent("10")), Promotion.Conditions.NONE, null, 0, 0);
    private static final PromotionQuery QUERY = new PromotionQuery(EUR, "DE", null, Set.of(A), List.of("SAVE10"),
            Instant.parse("2026-03-01T12:00:00Z"));

    /**
     * One decorator under test.
     *
     * @param name     its provider name
     * @param type     its SPI
     * @param decorate guards a host that fails while the flag is set
     * @param ask      one read through a provider of that SPI
     */
    record Case<P>(String name, Class<P> type, BiFunction<AtomicBoolean, ProviderPolicy, P> decorate,
                   Function<P, Object> ask) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static void downIf(AtomicBoolean down) {
        if (down.get()) {
            throw new IllegalStateException("host down");
        }
    }

    static Stream<Case<?>> cases() {
        Money price = Money.parse("10.00", EUR);
        return Stream.of(
                new Case<>(Fallbacks.CATALOG, CatalogProvider.class, (down, policy) -> Resilience.catalog(skus -> {
                    downIf(down);
                    return Map.of(A, new Product(A, null, null, 100, Set.of(), 1, 10, 1));
                }, policy), p -> p.products(Set.of(A))),
                new Case<>(Fallbacks.PRICING, PricingProvider.class, (down, policy) -> Resilience.pricing(request -> {
                    downIf(down);
                    return Map.of(A, new PriceQuote(A, price, List.of(Rate.parse("0.19")), null));
                }, policy), p -> p.prices(new PriceRequest(Set.of(A), EUR, "DE", null))),
                new Case<>(Fallbacks.TAX, TaxProvider.class, (down, policy) -> Resilience.tax((country, categories) -> {
                    downIf(down);
                    return Map.of("food", List.of(Rate.parse("0.07")));
                }, policy), p -> p.rates("DE", Set.of("food"))),
                new Case<>(Fallbacks.EXCHANGE_RATES, ExchangeRateProvider.class, (down, policy) ->
                        Resilience.exchangeRates((from, to) -> {
                            downIf(down);
                            return Optional.of(new ExchangeRate(from, to, Rate.parse("0.9"), Instant.EPOCH));
                        }, policy), p -> p.rate(USD, EUR)),
                new Case<>(Fallbacks.INVENTORY, InventoryProvider.class, (down, policy) -> Resilience.inventory(keys -> {
                    downIf(down);
                    return Map.of(KEY, 5L);
                }, policy), p -> p.available(Set.of(KEY))),
                new Case<>(Fallbacks.PROMOTIONS, PromotionProvider.class, (down, policy) ->
                        Resilience.promotions(promotions(down), policy), p -> p.promotions(QUERY)),
                new Case<>(Fallbacks.PROMOTIONS, PromotionProvider.class, (down, policy) ->
                        Resilience.promotions(promotions(down), policy), p -> p.byCode("SAVE10", EUR)),
                new Case<>(Fallbacks.PROMOTION_USAGE, PromotionUsageStore.class, (down, policy) ->
                        Resilience.promotionUsage(usage(down), policy), p -> p.exhausted(List.of(PROMOTION), CART, OWNER)),
                new Case<>(Fallbacks.SHIPPING, ShippingProvider.class, (down, policy) ->
                        Resilience.shipping((currency, country) -> {
                            downIf(down);
                            return List.of(new ShippingMethod("STD", Money.parse("4.90", EUR), null, List.of(), 5_000,
                                    Set.of("DE")));
                        }, policy), p -> p.methods(EUR, "DE")));
    }

    private static PromotionProvider promotions(AtomicBoolean down) {
        return new PromotionProvider() {
            @Override
            public List<Promotion> promotions(PromotionQuery query) {
                downIf(down);
                return List.of(PROMOTION);
            }

            @Override
            public List<Promotion> byCode(String code, Currency currency) {
                downIf(down);
                return List.of(PROMOTION);
            }
        };
    }

    private static PromotionUsageStore usage(AtomicBoolean down) {
        return new PromotionUsageStore() {
            @Override
            public Set<String> redeem(Collection<Promotion> promotions, CartId cartId, CartOwner owner) {
                return Set.of();
            }

            @Override
            public void release(CartId cartId) {
            }

            @Override
            public Set<String> exhausted(Collection<Promotion> promotions, CartId cartId, CartOwner owner) {
                downIf(down);
                return Set.of("P10");
            }
        };
    }

    private static ProviderPolicy.Builder quick() {
        return ProviderPolicy.builder().timeout(Duration.ofSeconds(5)).retries(0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    <P> void decorator_hostDown_onlyProviderUnavailableWithTheCause(Case<P> c) {
        P provider = c.decorate().apply(new AtomicBoolean(true), quick().build());
        try {
            c.ask().apply(provider);
            throw new AssertionError("expected a CartException");
        } catch (CartException e) {
            assertThat(e).isExactlyInstanceOf(CartException.class);
            assertThat(e.code()).isEqualTo(CartErrorCode.PROVIDER_UNAVAILABLE);
            assertThat(e.getCause()).isExactlyInstanceOf(IllegalStateException.class);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    <P> void decorator_hostDownWithALastKnownAnswer_answersItAndReportsTheProvider(Case<P> c) {
        AtomicBoolean down = new AtomicBoolean();
        P provider = c.decorate().apply(down, quick().lastKnownGood(10, Duration.ofHours(1)).build());
        Object fresh = c.ask().apply(provider);
        down.set(true);
        List<String> reported = new ArrayList<>();
        Object remembered = c.ask().apply(Fallbacks.view(provider, c.type(), reported::add));
        assertThat(remembered).isEqualTo(fresh);
        assertThat(reported).containsExactly(c.name());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    <P> void decorator_health_namedAfterItsProviderAndUpWhileClosed(Case<P> c) {
        P provider = c.decorate().apply(new AtomicBoolean(), quick().build());
        c.ask().apply(provider);
        HealthContributor health = (HealthContributor) provider;
        assertThat(health.healthName()).isEqualTo("breaker." + c.name());
        assertThat(health.health().status()).isEqualTo(HealthStatus.UP);
        assertThat(health.health().details()).containsEntry("state", "CLOSED").containsEntry("fallback", "false");
    }
}
