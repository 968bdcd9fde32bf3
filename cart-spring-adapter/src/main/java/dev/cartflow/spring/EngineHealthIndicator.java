package dev.cartflow.spring;

import dev.cartflow.core.CartEngine;
import dev.cartflow.core.health.ComponentHealth;
import dev.cartflow.core.health.HealthReport;
import dev.cartflow.core.health.HealthStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@link CartEngine#health()} in Boot's terms: DOWN is DOWN; DEGRADED (a provider on its fallback,
 * the outbox lagging) stays UP, so that a degraded instance keeps serving, with the state in the
 * details.
 */
final class EngineHealthIndicator implements HealthIndicator {
    private final CartEngine engine;

    EngineHealthIndicator(CartEngine engine) {
        this.engine = engine;
    }

    @Override
    public Health health() {
        HealthReport report = engine.health();
        Health.Builder health = report.status() == HealthStatus.DOWN ? Health.down() : Health.up();
        health.withDetail("state", report.status().name());
        for (Map.Entry<String, ComponentHealth> part : report.components().entrySet()) {
            Map<String, String> details = new LinkedHashMap<>();
            details.put("state", part.getValue().status().name());
            details.putAll(part.getValue().details());
            health.withDetail(part.getKey(), details);
        }
        return health.build();
    }
}
