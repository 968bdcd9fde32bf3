package dev.cartflow.core.health;

import dev.cartflow.error.CartException;
import dev.cartflow.model.Checks;
import java.util.Map;

/**
 * The health of one part.
 *
 * @param status  its state
 * @param details what an operator needs to see (states, counts, ages), never personal data
 */
public record ComponentHealth(HealthStatus status, Map<String, String> details) {
    /**
     * Copies the details.
     *
     * @param status  not null
     * @param details not null; copied
     */
    public ComponentHealth {
        CartException.requireNonNull(status, "status");
        details = Checks.mapOf(details, "health details");
    }

    /**
     * Up, without details.
     *
     * @return {@code UP} with an empty details map
     */
    public static ComponentHealth up() {
        return new ComponentHealth(HealthStatus.UP, Map.of());
    }
}
