package dev.cartflow.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.core.health.ComponentHealth;
import dev.cartflow.core.health.HealthContributor;
import dev.cartflow.core.health.HealthReport;
import dev.cartflow.core.health.HealthStatus;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartId;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.Sku;
import dev.cartflow.spi.PriceRequest;
import dev.cartflow.spi.PricingProvider;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code engine.health()}: the repository probe, discovered and configured contributors, worst first. */
class EngineHealthTest {
    private final TestWorld world = new TestWorld();

    private static HealthContributor part(String name, HealthStatus status) {
        return new HealthContributor() {
            @Override
            public String healthName() {
                return name;
            }

            @Override
            public ComponentHealth health() {
                return new ComponentHealth(status, Map.of("state", status.name()));
            }
        };
    }

    /** A pricing provider that reports its own health, as a resilience decorator with a breaker does. */
    private static final class BreakerPricing implements PricingProvider, HealthContributor {
        private final PricingProvider delegate;
        private final HealthStatus status;

        BreakerPricing(PricingProvider delegate, HealthStatus status) {
            this.delegate = delegate;
            this.status = status;
        }

        @Override
        public Map<Sku, PriceQuote> prices(PriceRequest request) {
            return delegate.prices(request);
        }

        @Override
        public String healthName() {
            return "breaker.pricing";
        }

        @Override
        public ComponentHealth health() {
            return new ComponentHealth(status, Map.of());
        }
    }

    @Test
    void health_inMemoryEngine_upWithRepositoryProbe() {
        HealthReport report = world.engine().health();

        assertThat(report.status()).isEqualTo(HealthStatus.UP);
        assertThat(report.components()).containsOnlyKeys("repository");
        assertThat(report.components().get("repository").details()).containsKey("probeMillis");
    }

    @Test
    void health_degradedContributor_engineDegradedEachPartShown() {
        HealthReport report = world.builder().healthContributor(part("outbox", HealthStatus.DEGRADED))
                .healthContributor(part("search", HealthStatus.UP)).build().health();

        assertThat(report.status()).isEqualTo(HealthStatus.DEGRADED);
        assertThat(report.components()).containsOnlyKeys("repository", "outbox", "search");
        assertThat(report.components().get("outbox").details()).containsEntry("state", "DEGRADED");
    }

    @Test
    void health_repositoryThrows_down() {
        DelegatingRepository broken = new DelegatingRepository(world.repository) {
            @Override
            public Optional<Cart> find(CartId id) {
                throw new IllegalStateException("connection refused");
            }
        };
        HealthReport report = world.builder().repository(broken)
                .healthContributor(part("outbox", HealthStatus.DEGRADED)).build().health();

        assertThat(report.status()).isEqualTo(HealthStatus.DOWN);
        assertThat(report.components().get("repository").status()).isEqualTo(HealthStatus.DOWN);
        assertThat(report.components().get("repository").details()).containsEntry("error", "IllegalStateException");
    }

    @Test
    void health_providerIsContributor_discoveredWithoutRegistration() {
        HealthReport report = world.builder().pricing(new BreakerPricing(world.pricing, HealthStatus.DOWN))
                .observer(new RecordingObserver()).build().health();

        assertThat(report.components()).containsKey("breaker.pricing");
        assertThat(report.status()).isEqualTo(HealthStatus.DOWN);
    }

    @Test
    void health_breakerBehindAProviderCache_stillReported() {
        PricingProvider cached = dev.cartflow.core.cache.CachingPricingProvider
                .builder(new BreakerPricing(world.pricing, HealthStatus.DEGRADED)).build();

        HealthReport report = world.builder().pricing(cached).build().health();

        assertThat(report.components()).containsKey("breaker.pricing");
        assertThat(report.status()).isEqualTo(HealthStatus.DEGRADED);
    }

    @Test
    void health_contributorThrowsOrAnswersNull_downNeverThrown() {
        HealthContributor throwing = new HealthContributor() {
            @Override
            public String healthName() {
                return "flaky";
            }

            @Override
            public ComponentHealth health() {
                throw new IllegalStateException("boom");
            }
        };
        HealthContributor silent = new HealthContributor() {
            @Override
            public String healthName() {
                return null;
            }

            @Override
            public ComponentHealth health() {
                return null;
            }
        };
        HealthReport report = world.builder().healthContributor(throwing).healthContributor(silent).build().health();

        assertThat(report.status()).isEqualTo(HealthStatus.DOWN);
        assertThat(report.components().get("flaky").status()).isEqualTo(HealthStatus.DOWN);
        assertThat(report.components().get("unnamed").status()).isEqualTo(HealthStatus.DOWN);
    }

    @Test
    void health_twoPartsOneName_bothShown() {
        HealthReport report = world.builder().healthContributor(part("cache", HealthStatus.UP))
                .healthContributor(part("cache", HealthStatus.DEGRADED)).build().health();

        assertThat(report.components()).containsOnlyKeys("repository", "cache", "cache#2");
        assertThat(report.status()).isEqualTo(HealthStatus.DEGRADED);
    }
}
