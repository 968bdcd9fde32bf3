package dev.cartflow.core.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Money;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.Product;
import dev.cartflow.model.Sku;
import dev.cartflow.spi.PriceRequest;
import dev.cartflow.spi.PricingProvider;
import java.time.Duration;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CachingProvidersTest {
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Sku A = Sku.of("A");
    private static final Sku B = Sku.of("B");

    /** Host prices that can change, counting calls and asked skus. */
    static final class HostPrices implements PricingProvider {
        final Map<Sku, Long> prices = new ConcurrentHashMap<>(Map.of(A, 100L, B, 200L));
        final AtomicInteger calls = new AtomicInteger();
        volatile CountDownLatch[] gate;

        @Override
        public Map<Sku, PriceQuote> prices(PriceRequest request) {
            calls.incrementAndGet();
            Map<Sku, PriceQuote> result = new HashMap<>();
            for (Sku sku : request.skus()) {
                Long p = prices.get(sku);
                if (p != null) {
                    result.put(sku, PriceQuote.of(sku, Money.ofMinor(p, EUR)));
                }
            }
            CountDownLatch[] g = gate;
            if (g != null) {
                gate = null;
                g[0].countDown();
                try {
                    g[1].await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return result;
        }
    }

    private static long price(PricingProvider p, Sku sku) {
        return p.prices(new PriceRequest(Set.of(sku), EUR, "DE", null)).get(sku).unitPrice().minor();
    }

    @Test
    void products_delegateThrowsPlainException_providerUnavailableCauseKept() {
        IllegalStateException bug = new IllegalStateException("host bug");
        CachingCatalogProvider cached = CachingCatalogProvider.builder(skus -> {
            throw bug;
        }).build();

        assertThatThrownBy(() -> cached.products(Set.of(A))).isInstanceOfSatisfying(CartException.class, e -> {
            assertThat(e.code()).isEqualTo(CartErrorCode.PROVIDER_UNAVAILABLE);
            assertThat(e.getCause()).isSameAs(bug);
        });
    }

    @Test
    void products_delegateAnswersNull_providerUnavailableAndNothingCachedAsAbsent() {
        AtomicInteger calls = new AtomicInteger();
        Product a = Product.builder(A).build();
        CachingCatalogProvider cached = CachingCatalogProvider.builder(skus ->
                calls.getAndIncrement() == 0 ? null : Map.of(A, a)).build();

        assertThatThrownBy(() -> cached.products(Set.of(A))).isInstanceOfSatisfying(CartException.class,
                e -> assertThat(e.code()).isEqualTo(CartErrorCode.PROVIDER_UNAVAILABLE));
        assertThat(cached.products(Set.of(A))).containsEntry(A, a);
    }

    @Test
    void prices_repeated_servedLocallyWithOneHostCall() {
        HostPrices host = new HostPrices();
        CachingPricingProvider cached = CachingPricingProvider.builder(host).build();

        assertThat(price(cached, A)).isEqualTo(100);
        assertThat(price(cached, A)).isEqualTo(100);

        assertThat(host.calls.get()).isEqualTo(1);
        assertThat(cached.hits()).isEqualTo(1);
        assertThat(cached.loads()).isEqualTo(1);
    }

    @Test
    void prices_otherCountry_askedSeparately() {
        HostPrices host = new HostPrices();
        CachingPricingProvider cached = CachingPricingProvider.builder(host).build();

        cached.prices(new PriceRequest(Set.of(A), EUR, "DE", null));
        cached.prices(new PriceRequest(Set.of(A), EUR, "FR", null));

        assertThat(host.calls.get()).isEqualTo(2);
    }

    /** A cache holding A at 100 and B at 200, whose host now says 150 and 250. */
    private static CachingPricingProvider cachedThenChanged(HostPrices host) {
        CachingPricingProvider cached = CachingPricingProvider.builder(host).build();
        price(cached, A);
        price(cached, B);
        host.prices.put(A, 150L);
        host.prices.put(B, 250L);
        return cached;
    }

    @Test
    void invalidate_sku_nextPricingSeesNewPrice() {
        HostPrices host = new HostPrices();
        CachingPricingProvider cached = cachedThenChanged(host);

        cached.invalidate(List.of(A));

        assertThat(price(cached, A)).isEqualTo(150);
        assertThat(price(cached, B)).as("not notified: still cached").isEqualTo(200);
    }

    @Test
    void invalidateAll_afterPriceListChange_everySkuAskedAgain() {
        HostPrices host = new HostPrices();
        CachingPricingProvider cached = cachedThenChanged(host);

        cached.invalidateAll();

        assertThat(price(cached, A)).isEqualTo(150);
        assertThat(price(cached, B)).isEqualTo(250);
    }

    @Test
    void invalidate_duringSlowLookup_oldQuoteNotStored() throws Exception {
        HostPrices host = new HostPrices();
        CachingPricingProvider cached = CachingPricingProvider.builder(host).build();
        CountDownLatch reached = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        host.gate = new CountDownLatch[] {reached, release};
        CompletableFuture<Long> slow = CompletableFuture.supplyAsync(() -> price(cached, A));
        assertThat(reached.await(5, TimeUnit.SECONDS)).isTrue();
        host.prices.put(A, 175L);

        cached.invalidate(List.of(A));
        release.countDown();

        assertThat(slow.get(5, TimeUnit.SECONDS)).isEqualTo(100);
        assertThat(price(cached, A)).isEqualTo(175);
    }

    @Test
    void warm_popularSkus_oneHostCallThenHits() {
        HostPrices host = new HostPrices();
        CachingPricingProvider cached = CachingPricingProvider.builder(host).build();

        cached.warm(List.of(A, B), EUR, "DE", null);
        price(cached, A);
        price(cached, B);

        assertThat(host.calls.get()).isEqualTo(1);
        assertThat(cached.hits()).isEqualTo(2);
    }

    @Test
    void products_unknownSkuThenInvalidated_cachedAbsentThenReloaded() {
        Map<Sku, Product> catalog = new ConcurrentHashMap<>(Map.of(A, Product.simple(A)));
        AtomicInteger calls = new AtomicInteger();
        CachingCatalogProvider cached = CachingCatalogProvider.builder(skus -> {
            calls.incrementAndGet();
            Map<Sku, Product> r = new HashMap<>();
            skus.forEach(s -> {
                if (catalog.containsKey(s)) {
                    r.put(s, catalog.get(s));
                }
            });
            return r;
        }).build();
        assertThat(cached.products(Set.of(A, B))).containsOnlyKeys(A);
        assertThat(cached.products(Set.of(A, B))).containsOnlyKeys(A);
        assertThat(calls.get()).isEqualTo(1);

        catalog.put(B, Product.simple(B));
        cached.invalidate(List.of(B));

        assertThat(cached.products(Set.of(A, B))).containsOnlyKeys(A, B);
        assertThat(calls.get()).isEqualTo(2);
        assertThat(cached.hits()).isEqualTo(3);
    }

    @Test
    void products_zeroNegativeTtl_unknownSkuAskedEveryTime() {
        AtomicInteger calls = new AtomicInteger();
        CachingCatalogProvider cached = CachingCatalogProvider.builder(skus -> {
            calls.incrementAndGet();
            return Map.of();
        }).ttl(Duration.ofMinutes(1), Duration.ZERO).build();

        cached.products(Set.of(A));
        cached.products(Set.of(A));

        assertThat(calls.get()).isEqualTo(2);
    }

    @Test
    void builder_hugeTtl_acceptedAndCaches() {
        HostPrices host = new HostPrices();
        CachingPricingProvider cached = CachingPricingProvider.builder(host)
                .ttl(Duration.ofSeconds(Long.MAX_VALUE), Duration.ofSeconds(Long.MAX_VALUE)).build();

        price(cached, A);
        price(cached, A);

        assertThat(host.calls.get()).isEqualTo(1);
    }

    @Test
    void builder_badSettings_invalidInput() {
        ProviderCacheBuilder<CachingPricingProvider> builder = CachingPricingProvider.builder(new HostPrices());

        assertInvalid(() -> builder.maximumSize(0));
        assertInvalid(() -> builder.ttl(null, Duration.ZERO));
        assertInvalid(() -> builder.ttl(Duration.ofSeconds(-1), Duration.ZERO));
        assertInvalid(() -> CachingCatalogProvider.builder(null));
    }

    @Test
    void invalidate_nullSku_invalidInput() {
        CachingCatalogProvider cached = CachingCatalogProvider.builder(skus -> Map.of()).build();

        assertInvalid(() -> cached.invalidate(Arrays.asList(A, null)));
        assertInvalid(() -> cached.invalidate(null));
        assertInvalid(() -> cached.warm(null));
    }

    private static void assertInvalid(org.junit.jupiter.api.function.Executable call) {
        assertThatThrownBy(call::execute).isExactlyInstanceOf(CartException.class)
                .satisfies(e -> assertThat(((CartException) e).code()).isEqualTo(CartErrorCode.INVALID_INPUT));
    }
}
