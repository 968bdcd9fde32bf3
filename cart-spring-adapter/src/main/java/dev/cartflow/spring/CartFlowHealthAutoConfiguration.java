package dev.cartflow.spring;

import dev.cartflow.core.CartEngine;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * The engine's health as the {@code cartflow} health contributor: storage, cache, each provider's
 * breaker, the outbox lag; in the readiness group by default ({@link ReadinessGroupDefaults}). Off with
 * {@code management.health.cartflow.enabled=false}.
 */
@AutoConfiguration(after = CartFlowEngineAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(CartEngine.class)
@ConditionalOnEnabledHealthIndicator("cartflow")
public class CartFlowHealthAutoConfiguration {

    /** Creates the configuration; Spring calls it. */
    public CartFlowHealthAutoConfiguration() {
    }

    /**
     * The contributor.
     *
     * @param engine the engine
     * @return the indicator
     */
    @Bean
    @ConditionalOnMissingBean(name = "cartflowHealthIndicator")
    public HealthIndicator cartflowHealthIndicator(CartEngine engine) {
        return new EngineHealthIndicator(engine);
    }
}
