package dev.cartflow.spring;

import dev.cartflow.core.observe.CartObserver;
import dev.cartflow.micrometer.MicrometerCartObserver;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * cart-micrometer: the engine's observer as meters in the application's {@link MeterRegistry}. On
 * when cart-micrometer is on the class path, a MeterRegistry bean exists and
 * {@code cartflow.metrics.enabled} is not false; an application's own {@link CartObserver} wins.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"})
@ConditionalOnClass({MicrometerCartObserver.class, MeterRegistry.class})
@ConditionalOnBean(MeterRegistry.class)
@ConditionalOnProperty(prefix = "cartflow.metrics", name = "enabled", havingValue = "true", matchIfMissing = true)
public class CartFlowMetricsAutoConfiguration {

    /** Creates the configuration; Spring calls it. */
    public CartFlowMetricsAutoConfiguration() {
    }

    /**
     * The observer reporting meters.
     *
     * @param registry the application's registry
     * @return the observer
     */
    @Bean
    @ConditionalOnMissingBean(CartObserver.class)
    public MicrometerCartObserver micrometerCartObserver(MeterRegistry registry) {
        return new MicrometerCartObserver(registry);
    }
}
