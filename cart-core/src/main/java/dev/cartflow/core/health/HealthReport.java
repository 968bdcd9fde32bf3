package dev.cartflow.core.health;

import dev.cartflow.error.CartException;
import dev.cartflow.model.Checks;
import java.util.Map;

/**
 * The engine's health: the worst state of its parts, and each part's.
 *
 * @param status     {@code DOWN} if any part is down, else {@code DEGRADED} if any is degraded, else {@code UP}
 * @param components each part's health by name
 */
public record HealthReport(HealthStatus status, Map<String, ComponentHealth> components) {
    /**
     * Copies the parts.
     *
     * @param status     not null
     * @param components not null; copied
     */
    public HealthReport {
        CartException.requireNonNull(status, "status");
        components = Checks.mapOf(components, "health components");
    }
}
