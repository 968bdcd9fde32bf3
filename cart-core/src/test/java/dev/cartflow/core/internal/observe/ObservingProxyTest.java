package dev.cartflow.core.internal.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartflow.core.memory.InMemoryCartRepository;
import dev.cartflow.core.memory.InMemoryCatalog;
import dev.cartflow.core.observe.CartObserver;
import dev.cartflow.core.observe.Outcome;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Product;
import dev.cartflow.model.Sku;
import dev.cartflow.spi.CartEventLog;
import dev.cartflow.spi.CartMaintenanceStore;
import dev.cartflow.spi.CartRepository;
import dev.cartflow.spi.CartStorage;
import dev.cartflow.spi.CatalogProvider;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The timing decorators keep every capability of what they wrap and change no answer or failure. */
class ObservingProxyTest {
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final CartObserver observer = new CartObserver() {
        @Override
        public void providerCalled(String provider, Outcome outcome, Duration duration) {
            calls.add(provider + " " + outcome);
        }
    };

    /** An engine-internal capability, as the resilience decorators' fallback flag is. */
    interface FallbackAware {
        boolean fromFallback();
    }

    private static final class FlaggingCatalog implements CatalogProvider, FallbackAware {
        private final CatalogProvider delegate = new InMemoryCatalog();

        @Override
        public Map<Sku, Product> products(Set<Sku> skus) {
            return delegate.products(skus);
        }

        @Override
        public boolean fromFallback() {
            return true;
        }
    }

    @Test
    void repository_storeWithEveryCapability_keepsThemAndTimesCalls() {
        CartRepository observed = ObservedRepository.of(new InMemoryCartRepository(), observer);

        assertThat(observed).isInstanceOf(CartStorage.class).isInstanceOf(CartEventLog.class)
                .isInstanceOf(CartMaintenanceStore.class);
        assertThat(observed.find(dev.cartflow.model.CartId.random())).isEmpty();
        assertThat(((CartMaintenanceStore) observed).delete(dev.cartflow.model.CartId.random())).isFalse();
        assertThat(calls).containsExactly("repository SUCCESS", "repository SUCCESS");
    }

    @Test
    void provider_internalCapabilityInterface_keptAndCallable() {
        CatalogProvider observed = ObservingProxy.wrap(CatalogProvider.class, new FlaggingCatalog(), "catalog",
                observer);

        assertThat(observed).isInstanceOf(FallbackAware.class);
        assertThat(((FallbackAware) observed).fromFallback()).isTrue();
        assertThat(observed.products(Set.of(Sku.of("A")))).isEmpty();
        assertThat(calls).containsExactly("catalog SUCCESS", "catalog SUCCESS");
    }

    @Test
    void provider_throws_sameExceptionPassesAndIsTimedByOutcome() {
        CartException refused = new CartException(CartErrorCode.VERSION_CONFLICT, "stale");
        IllegalStateException broken = new IllegalStateException("down");
        CatalogProvider conflicting = ObservingProxy.wrap(CatalogProvider.class, skus -> {
            throw refused;
        }, "catalog", observer);
        CatalogProvider failing = ObservingProxy.wrap(CatalogProvider.class, skus -> {
            throw broken;
        }, "catalog", observer);

        assertThatThrownBy(() -> conflicting.products(Set.of())).isSameAs(refused);
        assertThatThrownBy(() -> failing.products(Set.of())).isSameAs(broken);
        assertThat(calls).containsExactly("catalog REJECTED", "catalog ERROR");
    }

    @Test
    void objectMethods_notTimedIdentityKept() {
        CatalogProvider observed = ObservingProxy.wrap(CatalogProvider.class, new InMemoryCatalog(), "catalog",
                observer);

        assertThat(observed).isEqualTo(observed).hasToString(observed.toString());
        assertThat(observed.hashCode()).isEqualTo(System.identityHashCode(observed));
        assertThat(calls).isEmpty();
    }

    /** A decorator through whose per-attempt view the snapshot calls, as a provider cache is. */
    private static final class ReportingCatalog implements CatalogProvider,
            dev.cartflow.core.internal.snapshot.FallbackReporting<CatalogProvider> {
        private final CatalogProvider delegate = new InMemoryCatalog();

        @Override
        public Map<Sku, Product> products(Set<Sku> skus) {
            return delegate.products(skus);
        }

        @Override
        public CatalogProvider reportingTo(java.util.function.Consumer<String> onFallback) {
            return delegate::products;
        }
    }

    @Test
    void provider_callsThroughTheSnapshotsReportingView_timedEachNotTheViewItself() {
        CatalogProvider observed = ObservingProxy.wrap(CatalogProvider.class, new ReportingCatalog(), "catalog",
                observer);

        CatalogProvider view = dev.cartflow.core.internal.snapshot.Fallbacks.view(observed, CatalogProvider.class,
                name -> { });
        view.products(Set.of(Sku.of("A")));
        view.products(Set.of(Sku.of("B")));

        assertThat(calls).as("each call through the view is timed; opening the view is not a call")
                .containsExactly("catalog SUCCESS", "catalog SUCCESS");
    }
}
