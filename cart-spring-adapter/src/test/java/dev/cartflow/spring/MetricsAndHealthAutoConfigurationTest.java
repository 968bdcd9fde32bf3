package dev.cartflow.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.core.CartEngine;
import dev.cartflow.core.NewCart;
import dev.cartflow.core.observe.CartObserver;
import dev.cartflow.micrometer.MicrometerCartObserver;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class MetricsAndHealthAutoConfigurationTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CartFlowMetricsAutoConfiguration.class,
                    CartFlowEngineAutoConfiguration.class, CartFlowHealthAutoConfiguration.class));

    @Test
    void metrics_meterRegistryPresent_engineOperationsMetered() {
        runner.withUserConfiguration(Registry.class).run(context -> {
            assertThat(context).hasSingleBean(MicrometerCartObserver.class);
            context.getBean(CartEngine.class).createGuestCart(NewCart.of("EUR", "DE"));
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(registry.find("cartflow.operations").timers()).isNotEmpty();
        });
    }

    @Test
    void metrics_withoutRegistry_noObserver() {
        runner.run(context -> assertThat(context).doesNotHaveBean(CartObserver.class)
                .hasSingleBean(CartEngine.class));
    }

    @Test
    void metrics_withoutCartMicrometer_noObserver() {
        runner.withUserConfiguration(Registry.class)
                .withClassLoader(new FilteredClassLoader(MicrometerCartObserver.class))
                .run(context -> assertThat(context).doesNotHaveBean(CartObserver.class));
    }

    @Test
    void metrics_disabledByProperty_noObserver() {
        runner.withUserConfiguration(Registry.class).withPropertyValues("cartflow.metrics.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(CartObserver.class));
    }

    @Test
    void metrics_hostObserver_wins() {
        runner.withUserConfiguration(Registry.class, OwnObserver.class)
                .run(context -> assertThat(context).doesNotHaveBean(MicrometerCartObserver.class)
                        .hasSingleBean(CartObserver.class));
    }

    @Test
    void health_engine_upWithTheRepositoryInTheDetails() {
        runner.run(context -> {
            Health health = context.getBean("cartflowHealthIndicator", HealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("state", "UP").containsKey("repository");
        });
    }

    @Test
    void health_disabledByProperty_noIndicator() {
        runner.withPropertyValues("management.health.cartflow.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean("cartflowHealthIndicator"));
    }

    @Test
    void health_withoutBootHealth_noIndicator() {
        runner.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
                .run(context -> assertThat(context).doesNotHaveBean("cartflowHealthIndicator")
                        .hasSingleBean(CartEngine.class));
    }

    @Configuration(proxyBeanMethods = false)
    static class Registry {
        @Bean
        SimpleMeterRegistry registry() {
            return new SimpleMeterRegistry();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnObserver {
        @Bean
        CartObserver myObserver() {
            return new CartObserver() {
            };
        }
    }
}
