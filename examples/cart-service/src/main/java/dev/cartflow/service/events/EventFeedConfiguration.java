package dev.cartflow.service.events;

import dev.cartflow.core.CartEngine;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The live event feed shared by the HTTP and gRPC streams, and the HTTP streams' registry. */
@Configuration(proxyBeanMethods = false)
class EventFeedConfiguration {

    @Bean(destroyMethod = "close")
    PollingCartEventFeed cartEventFeed(CartEngine engine,
                                       @Value("${cartservice.events.poll-interval:250ms}") Duration interval,
                                       @Value("${cartservice.events.access-check:30s}") Duration accessCheck,
                                       @Value("${cartservice.events.threads:2}") int threads,
                                       @Value("${cartservice.events.max-streams:1000}") int maxStreams) {
        return new PollingCartEventFeed(engine, interval, accessCheck, threads, maxStreams);
    }

    @Bean
    EventStreams eventStreams(@Value("${cartservice.events.heartbeat:15s}") Duration heartbeat,
                              @Value("${cartservice.events.retry:3s}") Duration retry,
                              @Value("${cartservice.events.stream-timeout:30m}") Duration timeout) {
        return new EventStreams(heartbeat, retry, timeout);
    }

    /** Open subscriptions (HTTP and gRPC streams) and polled carts, without any cart id as a tag. */
    @Bean
    MeterBinder cartEventFeedMetrics(PollingCartEventFeed feed) {
        return registry -> {
            Gauge.builder("cartservice.events.subscriptions", feed, PollingCartEventFeed::subscriberCount)
                    .description("open event stream subscriptions on this instance").register(registry);
            Gauge.builder("cartservice.events.watched.carts", feed, PollingCartEventFeed::watchedCarts)
                    .description("carts this instance polls for their events").register(registry);
        };
    }
}
