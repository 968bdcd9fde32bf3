package dev.cartflow.spring;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Puts the {@code cartflow} health contributor into the readiness group unless the application
 * defines that group itself: a default of the lowest precedence, so any setting of
 * {@code management.endpoint.health.group.readiness.include} wins.
 */
public final class ReadinessGroupDefaults implements EnvironmentPostProcessor {
    static final String INCLUDE = "management.endpoint.health.group.readiness.include";

    /** Creates the post-processor; Boot calls it. */
    public ReadinessGroupDefaults() {
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.containsProperty(INCLUDE)) {
            environment.getPropertySources().addLast(new MapPropertySource("cartflowReadinessDefaults",
                    Map.of(INCLUDE, "readinessState,cartflow")));
        }
    }
}
