package dev.cartflow.service.http;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP API's concurrency limit ({@link LoadShedding}), on unless
 * {@code cartservice.load-shedding.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "cartservice.load-shedding.enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(LoadSheddingConfiguration.Settings.class)
class LoadSheddingConfiguration {

    /**
     * The load-shedding settings ({@code cartservice.load-shedding.*}).
     *
     * @param enabled       whether API requests are limited at all
     * @param maxConcurrent API requests in the service at once; one more waits for a permit
     * @param queueWait     how long a request waits for a permit before it is answered 503
     * @param retryAfter    the {@code Retry-After} of that answer (whole seconds, at least 1)
     * @param paths         the limited paths (Spring path patterns)
     * @param exemptPaths   paths under those that are never limited (long-lived streams)
     */
    @ConfigurationProperties("cartservice.load-shedding")
    record Settings(@DefaultValue("true") boolean enabled, @DefaultValue("32") int maxConcurrent,
                    @DefaultValue("100ms") Duration queueWait, @DefaultValue("1s") Duration retryAfter,
                    @DefaultValue({"/carts", "/carts/**", "/customers/**", "/products", "/benchmark/**"})
                    List<String> paths,
                    @DefaultValue("/carts/*/events/stream") List<String> exemptPaths) {
        Settings {
            if (maxConcurrent < 1) {
                throw new IllegalArgumentException("cartservice.load-shedding.max-concurrent must be at least 1");
            }
            if (queueWait.isNegative() || retryAfter.isNegative()) {
                throw new IllegalArgumentException("cartservice.load-shedding waits must not be negative");
            }
            paths = List.copyOf(paths);
            exemptPaths = List.copyOf(exemptPaths);
        }
    }

    @Bean
    FilterRegistrationBean<LoadShedding> loadShedding(Settings settings, ObjectProvider<JsonMapper> json,
                                                      MeterRegistry registry) {
        FilterRegistrationBean<LoadShedding> registration =
                new FilterRegistrationBean<>(new LoadShedding(settings,
                        json.getIfAvailable(() -> JsonMapper.builder().build()), registry));
        // right after the observation filter (HIGHEST_PRECEDENCE + 1), so refusals show in http.server.requests,
        // and before everything else: a refused request costs no further filter or MVC work
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        registration.setName("cartserviceLoadShedding");
        return registration;
    }
}
