package dev.cartflow.docs.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.core.CartEngine;
import dev.cartflow.core.CreatedCart;
import dev.cartflow.core.NewCart;
import dev.cartflow.core.memory.InMemoryCatalog;
import dev.cartflow.core.memory.InMemoryPricing;
import dev.cartflow.jdbi.CartFlowSchema;
import dev.cartflow.jdbi.JdbiCartRepository;
import dev.cartflow.jdbi.OutboxDispatcher;
import dev.cartflow.kafka.CartEventRecords;
import dev.cartflow.kafka.KafkaCartEventPublisher;
import dev.cartflow.kafka.KafkaCartEventReader;
import dev.cartflow.model.Actor;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.Money;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.Product;
import dev.cartflow.model.Rate;
import dev.cartflow.model.Sku;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * The samples of docs/kafka.md on a real KRaft broker and PostgreSQL: the outbox dispatcher publishing
 * to a topic, and a consumer that drops redeliveries.
 */
class KafkaSample {
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Sku MUG = Sku.of("MUG");
    private final InMemoryCatalog catalog = new InMemoryCatalog().put(Product.builder(MUG).build());
    private final InMemoryPricing pricing =
            new InMemoryPricing().put(PriceQuote.of(MUG, Money.parse("12.50", EUR), Rate.parse("0.19")));

    @Test
    void publisher_dispatcherOverTheOutbox_eachEventOfTheChangeIsOneRecordKeyedByCartId() {
        String bootstrapServers = SampleServers.kafkaBootstrapServers();
        // a database of its own: the dispatcher delivers every cart's events in it
        DataSource dataSource = SampleServers.newPostgresSchema();
        CartFlowSchema.of(dataSource).migrate();
        Jdbi jdbi = Jdbi.create(dataSource);

        // tag::publisher[]
        KafkaCartEventPublisher publisher = KafkaCartEventPublisher.builder(bootstrapServers) // "broker-1:9092,broker-2:9092"
                .topic("shop.cart-events")                       // default cartflow.cart-events
                .clientId("cart-service-eu-1")                   // default cartflow-events
                .publishTimeout(Duration.ofSeconds(5))           // default 10 s, 100 ms to 10 min
                .producerProperty("compression.type", "lz4")     // security, batching, ...
                .build();
        OutboxDispatcher dispatcher = OutboxDispatcher.builder(jdbi, publisher).build();
        dispatcher.start();
        // end::publisher[]

        CreatedCart created;
        try {
            created = engine(jdbi).createGuestCart(NewCart.of("EUR", "DE"));
            engine(jdbi).addItem(Actor.guest(created.token()), created.cart().id(), MUG, 1);
            awaitNoPending(dispatcher);
        } finally {
            // tag::shutdown[]
            dispatcher.stop();      // first: it may be publishing
            publisher.close();
            // end::shutdown[]
        }

        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerProperties("check"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            // assigned rather than subscribed: the check needs no consumer group (joining one costs seconds)
            List<TopicPartition> partitions = consumer.partitionsFor("shop.cart-events", Duration.ofSeconds(30))
                    .stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.size() < 2 && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        assertThat(records).extracting(ConsumerRecord::key).containsOnly(created.cart().id().toString());
        assertThat(records).extracting(r -> KafkaCartEventReader.decode(r).type())
                .containsExactly(CartEvent.Type.CREATED, CartEvent.Type.LINE_ADDED);
    }

    @Test
    void reader_eventsPublishedTwice_handledOncePerEventInCartOrder() {
        Jdbi jdbi = Jdbi.create(SampleServers.sharedMigratedSchema());
        CreatedCart created = engine(jdbi).createGuestCart(NewCart.of("EUR", "DE"));
        engine(jdbi).addItem(Actor.guest(created.token()), created.cart().id(), MUG, 1);
        List<CartEvent> events = JdbiCartRepository.create(jdbi).eventsSince(created.cart().id(), 0);
        try (KafkaCartEventPublisher direct = KafkaCartEventPublisher.builder(SampleServers.kafkaBootstrapServers())
                .build()) {
            direct.publish(events);
            direct.publish(events);          // a redelivery, as after a crash before the dispatched mark
        }
        Analytics analytics = new Analytics(events.size());
        AtomicBoolean running = analytics.running;
        Properties props = consumerProperties("order-analytics");

        // tag::consumer[]
        KafkaCartEventReader reader = KafkaCartEventReader.create(100_000);    // carts remembered at most
        try (KafkaConsumer<String, byte[]> consumer =
                     new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(CartEventRecords.DEFAULT_TOPIC));
            while (running.get()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    reader.read(record).ifPresent(analytics::handle);          // empty: seen before
                }
                consumer.commitSync();                                          // after handling: at least once
            }
        }
        // end::consumer[]

        assertThat(analytics.handled).isEqualTo(events);
    }

    /** The consumer settings of the page; the bootstrap address is the test broker's. */
    private static Properties consumerProperties(String group) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SampleServers.kafkaBootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return props;
    }

    private CartEngine engine(Jdbi jdbi) {
        return CartEngine.builder().repository(JdbiCartRepository.create(jdbi)).catalog(catalog).pricing(pricing)
                .build();
    }

    private static void awaitNoPending(OutboxDispatcher dispatcher) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (dispatcher.lag().pendingEvents() > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }

    /** The host's consumer logic: collects the events and stops the loop once it has the expected count. */
    private static final class Analytics {
        final AtomicBoolean running = new AtomicBoolean(true);
        final List<CartEvent> handled = new ArrayList<>();
        private final int expected;

        Analytics(int expected) {
            this.expected = expected;
            // a deadline, so that a test that fails cannot hang the build
            CompletableFuture.delayedExecutor(60, TimeUnit.SECONDS).execute(() -> running.set(false));
        }

        void handle(CartEvent event) {
            handled.add(event);
            if (handled.size() >= expected) {
                running.set(false);
            }
        }
    }
}
