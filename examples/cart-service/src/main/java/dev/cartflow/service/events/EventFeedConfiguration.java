package dev.cartflow.service.events;

import dev.cartflow.core.CartEngine;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The live event feed shared by the HTTP and gRPC streams. */
@Configuration(proxyBeanMethods = false)
class EventFeedConfiguration {

    @Bean(destroyMethod = "close")
    PollingCartEventFeed cartEventFeed(CartEngine engine,
                                       @Value("${cartservice.events.poll-interval:250ms}") Duration interval,
                                       @Value("${cartservice.events.threads:2}") int threads) {
        return new PollingCartEventFeed(engine, interval, threads);
    }
}
