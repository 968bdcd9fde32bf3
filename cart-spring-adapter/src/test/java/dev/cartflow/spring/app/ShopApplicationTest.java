package dev.cartflow.spring.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.core.CartEngine;
import dev.cartflow.core.CheckoutResult;
import dev.cartflow.core.CreatedCart;
import dev.cartflow.core.Mutation;
import dev.cartflow.core.NewCart;
import dev.cartflow.jdbi.JdbiCartRepository;
import dev.cartflow.jdbi.OutboxDispatcher;
import dev.cartflow.model.Actor;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.Money;
import dev.cartflow.model.PricedCart;
import dev.cartflow.model.Sku;
import dev.cartflow.redis.CartRedisClient;
import dev.cartflow.spring.CartFlowJobs;
import dev.cartflow.spring.TestServers;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.CompositeHealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The whole adapter in a Boot application on a real PostgreSQL and Redis. */
@SpringBootTest(classes = ShopApplication.class, properties = {
        "cartflow.outbox.poll-interval=20ms",
        "cartflow.redis.command-timeout=5s",
        "management.endpoint.health.show-details=always",
        "management.endpoint.health.show-components=always"})
class ShopApplicationTest {
    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", TestServers::postgresUrlWithFreshSchema);
        registry.add("cartflow.redis.uri", TestServers::redisUri);
    }

    @Autowired
    CartEngine engine;
    @Autowired
    ShopApplication.DeliveredEvents delivered;
    @Autowired
    HealthEndpoint health;
    @Autowired
    MeterRegistry meters;
    @Autowired
    JdbiCartRepository repository;
    @Autowired
    OutboxDispatcher outbox;
    @Autowired
    CartRedisClient redis;
    @Autowired
    CartFlowJobs jobs;

    @Test
    void application_fullCartFlow_storedDispatchedHealthyAndMetered() throws InterruptedException {
        CreatedCart created = engine.createGuestCart(NewCart.of("EUR", "DE"));
        Actor guest = Actor.guest(created.token());
        engine.addItem(guest, created.cart().id(), Sku.of("MUG"), 2);
        PricedCart priced = engine.price(guest, created.cart().id());
        assertThat(priced.total()).isEqualTo(Money.parse("23.80", Currency.getInstance("EUR")));
        CheckoutResult checkout = engine.checkout(guest, created.cart().id(), Mutation.none());
        assertThat(checkout.priced().total()).isEqualTo(priced.total());
        assertThat(repository.find(created.cart().id())).isPresent();

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (delivered.events.stream().noneMatch(e -> e.type() == CartEvent.Type.CHECKED_OUT)
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(delivered.events).extracting(CartEvent::type)
                .containsSubsequence(CartEvent.Type.CREATED, CartEvent.Type.LINE_ADDED, CartEvent.Type.CHECKED_OUT);

        HealthDescriptor all = health.health();
        assertThat(all.getStatus()).isEqualTo(Status.UP);
        assertThat(((CompositeHealthDescriptor) all).getComponents()).containsKey("cartflow");
        HealthDescriptor readiness = health.healthForPath("readiness"); // the adapter's default group
        assertThat(((CompositeHealthDescriptor) readiness).getComponents()).containsKey("cartflow");

        assertThat(meters.find("cartflow.operations").tag("operation", "CHECKOUT").timers()).isNotEmpty();
        assertThat(outbox.isRunning()).isTrue();
        assertThat(jobs.isRunning()).isTrue();
        assertThat(redis.isCluster()).isFalse();
    }
}
