package dev.cartflow.service.grpc;

import dev.cartflow.core.CartEngine;
import dev.cartflow.service.auth.ActorResolver;
import dev.cartflow.service.events.CartEventFeed;
import dev.cartflow.service.PromotionDescriptions;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The gRPC server ({@code cartservice.grpc.*}): on unless {@code cartservice.grpc.enabled=false}, on
 * {@code cartservice.grpc.port} (9090), with {@code cartservice.grpc.shutdown-grace} (20s) for
 * running calls at shutdown.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "cartservice.grpc.enabled", havingValue = "true", matchIfMissing = true)
class GrpcConfiguration {

    @Bean
    GrpcServer grpcServer(CartEngine engine, ActorResolver actors, CartEventFeed feed,
                          ObjectProvider<PromotionDescriptions> descriptions,
                          @Value("${cartservice.grpc.port:9090}") int port,
                          @Value("${cartservice.grpc.shutdown-grace:20s}") Duration grace) {
        if (port < 0 || port > 65_535) {
            throw new IllegalStateException("cartservice.grpc.port must be 0 (any free port) to 65535");
        }
        CartMessages messages = new CartMessages(descriptions.getIfAvailable(() -> promotionId -> null));
        return new GrpcServer(port, grace, new CartGrpcService(engine, actors, feed, messages));
    }
}
