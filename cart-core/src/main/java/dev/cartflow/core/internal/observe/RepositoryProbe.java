package dev.cartflow.core.internal.observe;

import dev.cartflow.core.health.ComponentHealth;
import dev.cartflow.core.health.HealthContributor;
import dev.cartflow.core.health.HealthStatus;
import dev.cartflow.model.CartId;
import dev.cartflow.spi.CartRepository;
import java.time.Duration;
import java.util.Map;

/**
 * The repository's health: one cheap read (a {@code find} of a random id, which no cart has),
 * timed. {@code DOWN} when it throws, {@code DEGRADED} when it takes longer than the slow bound.
 */
public final class RepositoryProbe implements HealthContributor {
    /** The probe's name in the health report. */
    public static final String NAME = "repository";
    private final CartRepository repository;
    private final Duration slow;

    /**
     * A probe of this repository.
     *
     * @param repository the store, without the observing decorator (probes are not traffic)
     * @param slow       a probe slower than this is {@code DEGRADED}
     */
    public RepositoryProbe(CartRepository repository, Duration slow) {
        this.repository = repository;
        this.slow = slow;
    }

    @Override
    public String healthName() {
        return NAME;
    }

    @Override
    public ComponentHealth health() {
        long started = System.nanoTime();
        try {
            repository.find(CartId.random());
        } catch (RuntimeException e) {
            return new ComponentHealth(HealthStatus.DOWN, Map.of("error", e.getClass().getSimpleName()));
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        HealthStatus status = took.compareTo(slow) > 0 ? HealthStatus.DEGRADED : HealthStatus.UP;
        return new ComponentHealth(status, Map.of("probeMillis", Long.toString(took.toMillis())));
    }
}
