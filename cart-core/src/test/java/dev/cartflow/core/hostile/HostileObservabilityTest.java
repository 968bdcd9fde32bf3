package dev.cartflow.core.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.cartflow.core.CartEngine;
import dev.cartflow.core.CartEngineBuilder;
import dev.cartflow.core.Mutation;
import dev.cartflow.core.cache.CachingCatalogProvider;
import dev.cartflow.core.health.ComponentHealth;
import dev.cartflow.core.health.HealthContributor;
import dev.cartflow.core.health.HealthReport;
import dev.cartflow.core.health.HealthStatus;
import dev.cartflow.core.memory.InMemoryCartRepository;
import dev.cartflow.core.memory.InMemoryCatalog;
import dev.cartflow.core.observe.BusinessEvent;
import dev.cartflow.core.observe.CartObserver;
import dev.cartflow.core.observe.Outcome;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.CartOperation;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/**
 * The observability entry points under hostile input (seeded; the seed is in every failure):
 * correlation ids, the builder's observer and health settings, a cache's observer, hostile
 * observers and health contributors, and hostile MDC values while the whole hostile engine run plays.
 */
class HostileObservabilityTest {
    private static final long SEED = Long.getLong("cartflow.hostile.seed", HostileEngineRun.DEFAULT_SEED);
    private static final Set<CartErrorCode> EXPECTED = EnumSet.of(CartErrorCode.INVALID_INPUT);
    private final Random random = new Random(SEED);

    @AfterEach
    void clearMdc() {
        MDC.clear();
    }

    private String hostileText() {
        return switch (random.nextInt(7)) {
            case 0 -> null;
            case 1 -> " \t ";
            case 2 -> "req-" + "x".repeat(129 + random.nextInt(1000));
            case 3 -> "req\n-forged: level=ERROR";
            case 4 -> "req-\ud800";
            case 5 -> "\u0000";
            default -> "";
        };
    }

    private void expectRejected(String what, Runnable call) {
        try {
            call.run();
            fail("seed " + SEED + ": " + what + " was accepted");
        } catch (CartException e) {
            assertThat(e.code()).as("seed %d: %s", SEED, what).isIn(EXPECTED);
        } catch (RuntimeException e) {
            fail("seed " + SEED + ": " + what + " threw " + e, e);
        }
    }

    @Test
    void correlationId_hostileValues_invalidInputOnly() {
        for (int i = 0; i < 500; i++) {
            String bad = hostileText();
            if (bad == null) {
                continue; // null means "take it from the MDC"
            }
            expectRejected("correlation id " + i, () -> new Mutation(null, null, bad));
            expectRejected("withCorrelationId " + i, () -> Mutation.none().withCorrelationId(bad));
        }
    }

    @Test
    void observabilitySettings_nulls_invalidInputOnly() {
        CartEngineBuilder builder = CartEngine.builder();
        expectRejected("observer(null)", () -> builder.observer(null));
        expectRejected("healthContributor(null)", () -> builder.healthContributor(null));
        expectRejected("cache observer(null)", () -> CachingCatalogProvider.builder(new InMemoryCatalog()).observer(null));
    }

    @Test
    void health_hostileContributors_neverThrowsWorstStateWins() {
        CartEngineBuilder builder = CartEngine.builder().repository(new InMemoryCartRepository());
        HealthStatus worst = HealthStatus.UP;
        int parts = 20 + random.nextInt(20);
        for (int i = 0; i < parts; i++) {
            HealthStatus status = HealthStatus.values()[random.nextInt(3)];
            String index = Integer.toString(i);
            int kind = random.nextInt(5);
            String name = random.nextBoolean() ? hostileText() : "part-" + i;
            worst = kind >= 2 ? max(worst, HealthStatus.DOWN) : max(worst, status);
            builder.healthContributor(contributor(name, switch (kind) {
                case 0, 1 -> () -> new ComponentHealth(status, Map.of("i", index));
                case 2 -> () -> null;
                case 3 -> () -> {
                    throw new IllegalStateException("contributor bug");
                };
                default -> () -> {
                    throw new NoClassDefFoundError("an optional library of the contributor is missing");
                };
            }));
        }
        CartEngine engine = CatalogWorld.complete(builder).build();

        HealthReport report = engine.health();

        assertThat(report.status()).as("seed %d", SEED).isEqualTo(worst);
        assertThat(report.components()).as("seed %d", SEED).hasSize(parts + 1);
    }

    @Test
    void wholeHostileRun_observerThrowingAtRandomAndHostileMdc_onlyCartExceptionNothingStoredChanged() {
        Random chaos = new Random(SEED);
        CartObserver hostile = new CartObserver() {
            private void maybeThrow() {
                if (chaos.nextInt(4) == 0) {
                    throw new IllegalStateException("observer bug");
                }
            }

            @Override
            public void operationStarted(CartOperation operation) {
                MDC.put("cartflow.correlationId", chaos.nextBoolean() ? "req\r\nforged" : "x".repeat(500));
                maybeThrow();
            }

            @Override
            public void operationFinished(CartOperation operation, Outcome outcome, CartErrorCode code,
                                          Duration duration) {
                maybeThrow();
            }

            @Override
            public void providerCalled(String provider, Outcome outcome, Duration duration) {
                maybeThrow();
            }

            @Override
            public void conflictRetried(CartOperation operation, int attempt) {
                maybeThrow();
            }

            @Override
            public void business(BusinessEvent event) {
                maybeThrow();
            }

            @Override
            public void failureSwallowed(String where, Throwable error) {
                maybeThrow();
            }
        };
        InMemoryCartRepository repository = new InMemoryCartRepository();

        String summary = HostileEngineRun.run(CartEngine.builder().repository(repository).observer(hostile),
                repository::find, 2_000);

        assertThat(summary).contains("calls=2000");
    }

    private static HealthStatus max(HealthStatus a, HealthStatus b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static HealthContributor contributor(String name, Supplier<ComponentHealth> health) {
        return new HealthContributor() {
            @Override
            public String healthName() {
                return name;
            }

            @Override
            public ComponentHealth health() {
                return health.get();
            }
        };
    }

    /** The smallest provider set an engine needs. */
    private static final class CatalogWorld {
        static CartEngineBuilder complete(CartEngineBuilder builder) {
            return builder.catalog(new InMemoryCatalog()).pricing(new dev.cartflow.core.memory.InMemoryPricing());
        }
    }
}
