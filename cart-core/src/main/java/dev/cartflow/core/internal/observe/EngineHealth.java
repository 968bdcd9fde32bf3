package dev.cartflow.core.internal.observe;

import dev.cartflow.core.health.ComponentHealth;
import dev.cartflow.core.health.HealthContributor;
import dev.cartflow.core.health.HealthReport;
import dev.cartflow.core.health.HealthStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The engine's health report: every contributor asked once, each answer kept under its name, and
 * the engine's state the worst of them. A contributor that throws or answers nothing is
 * {@code DOWN}; asking never throws.
 */
public final class EngineHealth {
    private final List<HealthContributor> contributors;

    /**
     * A report over these contributors.
     *
     * @param contributors the repository probe first, then the discovered and the configured ones
     */
    public EngineHealth(List<HealthContributor> contributors) {
        this.contributors = List.copyOf(contributors);
    }

    /** The health of every part now. */
    public HealthReport report() {
        Map<String, ComponentHealth> components = new LinkedHashMap<>();
        HealthStatus worst = HealthStatus.UP;
        for (HealthContributor contributor : contributors) {
            ComponentHealth health = ask(contributor);
            components.put(uniqueName(components, name(contributor)), health);
            if (health.status().compareTo(worst) > 0) {
                worst = health.status();
            }
        }
        return new HealthReport(worst, components);
    }

    private static ComponentHealth ask(HealthContributor contributor) {
        try {
            ComponentHealth health = contributor.health();
            if (health != null) {
                return health;
            }
            return new ComponentHealth(HealthStatus.DOWN, Map.of("error", "no answer"));
        } catch (RuntimeException | LinkageError e) {
            return new ComponentHealth(HealthStatus.DOWN, Map.of("error", e.getClass().getSimpleName()));
        }
    }

    private static String name(HealthContributor contributor) {
        try {
            String name = contributor.healthName();
            return name == null || name.isBlank() ? "unnamed" : name;
        } catch (RuntimeException e) {
            return "unnamed";
        }
    }

    /** Two parts with one name are both shown: the second as {@code name#2}. */
    private static String uniqueName(Map<String, ComponentHealth> taken, String name) {
        String candidate = name;
        for (int n = 2; taken.containsKey(candidate); n++) {
            candidate = name + "#" + n;
        }
        return candidate;
    }
}
