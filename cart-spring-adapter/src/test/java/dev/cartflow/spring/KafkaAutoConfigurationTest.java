package dev.cartflow.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.core.CartEngine;
import dev.cartflow.core.NewCart;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.jdbi.JdbiCartRepository;
import dev.cartflow.jdbi.OutboxDispatcher;
import dev.cartflow.kafka.KafkaCartEventPublisher;
import dev.cartflow.kafka.KafkaCartEventReader;
import dev.cartflow.model.CartEvent;
import dev.cartflow.spi.CartEventPublisher;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class KafkaAutoConfigurationTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CartFlowKafkaAutoConfiguration.class,
                    CartFlowJdbiAutoConfiguration.class, CartFlowEngineAutoConfiguration.class));

    @Test
    void kafka_bootstrapServersSet_publisherIsTheEventPublisherWithTheProperties() {
        String topic = Kafka.freshTopic(1);
        runner.withPropertyValues("cartflow.kafka.bootstrap-servers=" + Kafka.bootstrapServers(),
                "cartflow.kafka.topic=" + topic, "cartflow.kafka.publish-timeout=3s",
                "cartflow.kafka.producer.compression.type=lz4").run(context -> {
                    assertThat(context).hasSingleBean(KafkaCartEventPublisher.class);
                    assertThat(context.getBean(CartEventPublisher.class))
                            .isSameAs(context.getBean(KafkaCartEventPublisher.class));
                    assertThat(context.getBean(KafkaCartEventPublisher.class).topic()).isEqualTo(topic);
                });
    }

    @Test
    void kafka_withoutBootstrapServers_noPublisher() {
        runner.run(context -> assertThat(context).doesNotHaveBean(KafkaCartEventPublisher.class)
                .doesNotHaveBean(CartEventPublisher.class).hasSingleBean(CartEngine.class));
    }

    @Test
    void kafka_emptyBootstrapServers_noPublisher() {
        // what `${CARTSERVICE_KAFKA_BOOTSTRAP_SERVERS:}` gives when the variable is not set
        runner.withPropertyValues("cartflow.kafka.bootstrap-servers= ")
                .run(context -> assertThat(context).doesNotHaveBean(KafkaCartEventPublisher.class));
    }

    @Test
    void kafka_withoutCartKafkaOrKafkaClients_noPublisher() {
        for (Class<?> hidden : List.of(KafkaCartEventPublisher.class, KafkaProducer.class)) {
            runner.withPropertyValues("cartflow.kafka.bootstrap-servers=127.0.0.1:9092")
                    .withClassLoader(new FilteredClassLoader(hidden))
                    .run(context -> assertThat(context).hasNotFailed()
                            .doesNotHaveBean(KafkaCartEventPublisher.class));
        }
    }

    @Test
    void kafka_applicationPublisher_kept() {
        runner.withPropertyValues("cartflow.kafka.bootstrap-servers=127.0.0.1:9092")
                .withUserConfiguration(OwnPublisher.class)
                .run(context -> assertThat(context).doesNotHaveBean(KafkaCartEventPublisher.class)
                        .hasSingleBean(CartEventPublisher.class));
    }

    @Test
    void kafka_producerPropertyTheGuaranteesNeed_startUpFailsWithInvalidInput() {
        runner.withPropertyValues("cartflow.kafka.bootstrap-servers=127.0.0.1:9092",
                "cartflow.kafka.producer.acks=1").run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().isInstanceOfSatisfying(CartException.class,
                            e -> assertThat(e.code()).isEqualTo(CartErrorCode.INVALID_INPUT));
                });
    }

    @Test
    void kafka_inMemoryCarts_enginePublishesEachEventOnce() {
        String topic = Kafka.freshTopic(2);
        runner.withPropertyValues("cartflow.kafka.bootstrap-servers=" + Kafka.bootstrapServers(),
                "cartflow.kafka.topic=" + topic).run(context -> {
                    assertThat(context).doesNotHaveBean(JdbiCartRepository.class).doesNotHaveBean(OutboxDispatcher.class);
                    CartEngine engine = context.getBean(CartEngine.class);
                    var first = engine.createGuestCart(NewCart.of("EUR", "DE"));
                    var second = engine.createGuestCart(NewCart.of("EUR", "FR"));

                    // the engine's publish returned after the acknowledgement, so both records are there
                    List<CartEvent> events = Kafka.readAll(topic).stream().map(KafkaCartEventReader::decode).toList();

                    assertThat(events).extracting(CartEvent::cartId)
                            .containsExactlyInAnyOrder(first.cart().id(), second.cart().id());
                    assertThat(events).extracting(CartEvent::type).containsOnly(CartEvent.Type.CREATED);
                });
    }

    @Test
    void kafka_withTheOutboxDispatcher_engineDoesNotPublishTooSoEachEventArrivesOnce() {
        String topic = Kafka.freshTopic(2);
        runner.withUserConfiguration(Database.class)
                .withPropertyValues("cartflow.kafka.bootstrap-servers=" + Kafka.bootstrapServers(),
                        "cartflow.kafka.topic=" + topic, "cartflow.outbox.poll-interval=20ms").run(context -> {
                    assertThat(context).hasSingleBean(OutboxDispatcher.class).hasSingleBean(KafkaCartEventPublisher.class);
                    CartEngine engine = context.getBean(CartEngine.class);
                    int carts = 5;
                    for (int i = 0; i < carts; i++) {
                        engine.createGuestCart(NewCart.of("EUR", "DE"));
                    }
                    OutboxDispatcher dispatcher = context.getBean(OutboxDispatcher.class);
                    Outbox.awaitDelivered(dispatcher, Duration.ofSeconds(60));

                    List<ConsumerRecord<String, byte[]>> records = Kafka.readAll(topic);

                    List<CartEvent> events = records.stream().map(KafkaCartEventReader::decode).toList();
                    assertThat(events).hasSize(carts).doesNotHaveDuplicates();
                });
    }

    @Configuration(proxyBeanMethods = false)
    static class Database {
        @Bean(destroyMethod = "close")
        com.zaxxer.hikari.HikariDataSource dataSource() {
            return Postgres.freshSchema();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnPublisher {
        @Bean
        CartEventPublisher ownPublisher() {
            return events -> { };
        }
    }
}
