package dev.cartflow.service;

import dev.cartflow.service.auth.ActorResolver;
import dev.cartflow.service.auth.BearerTokenVerifier;
import dev.cartflow.service.auth.HmacTokenVerifier;
import java.time.Clock;
import java.util.Base64;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service's own beans: credentials. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CartServiceProperties.class)
class ServiceConfiguration {

    @Bean
    @ConditionalOnMissingBean
    HmacTokenVerifier hmacTokenVerifier(CartServiceProperties properties) {
        String key = properties.getAuth().getHmacKey();
        if (key == null || key.isBlank()) {
            throw new IllegalStateException("cartservice.auth.hmac-key is not set (base64, at least 32 bytes)");
        }
        return new HmacTokenVerifier(Base64.getDecoder().decode(key.trim()), Clock.systemUTC());
    }

    @Bean
    @ConditionalOnMissingBean
    ActorResolver actorResolver(BearerTokenVerifier verifier, CartServiceProperties properties) {
        return new ActorResolver(verifier, properties.getAuth().getApiKeys());
    }
}
