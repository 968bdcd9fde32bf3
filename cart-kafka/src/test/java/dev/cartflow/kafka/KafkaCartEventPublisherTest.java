package dev.cartflow.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.CartId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KafkaCartEventPublisherTest {
    private static final Instant AT = Instant.parse("2026-03-01T09:30:00Z");
    private final List<KafkaCartEventPublisher> opened = new ArrayList<>();

    @AfterEach
    void closePublishers() {
        opened.forEach(KafkaCartEventPublisher::close);
    }

    private KafkaCartEventPublisher publisher(String topic) {
        KafkaCartEventPublisher publisher = KafkaCartEventPublisher.builder(TestKafka.bootstrapServers())
                .topic(topic).build();
        opened.add(publisher);
        return publisher;
    }

    /** A cart's history: {@code changes} versions from 1, each with one to three events. */
    private static List<CartEvent> history(CartId cart, int changes, Random random) {
        List<CartEvent> events = new ArrayList<>();
        CartEvent.Type[] types = CartEvent.Type.values();
        for (int version = 1; version <= changes; version++) {
            int count = 1 + random.nextInt(3);
            for (int index = 0; index < count; index++) {
                events.add(new CartEvent(cart, version, index, types[random.nextInt(types.length)],
                        AT.plusSeconds(version), Map.of("by", "owner", "n", version + "/" + index)));
            }
        }
        return events;
    }

    @Test
    void publish_manyCartsConcurrentlyOnSeveralPartitions_eachCartOnOnePartitionInOrder() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        String topic = TestKafka.freshTopic(4);
        KafkaCartEventPublisher publisher = publisher(topic);
        Map<CartId, List<CartEvent>> histories = new LinkedHashMap<>();
        for (int i = 0; i < 40; i++) {
            CartId cart = CartId.random();
            histories.put(cart, history(cart, 5 + random.nextInt(10), random));
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (List<CartEvent> history : histories.values()) {
                // each cart's events in order, in batches of one change, as the outbox hands them over
                done.add(pool.submit(() -> {
                    for (long version = 1; version <= history.get(history.size() - 1).sequence(); version++) {
                        long v = version;
                        publisher.publish(history.stream().filter(e -> e.sequence() == v).toList());
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        List<ConsumerRecord<String, byte[]>> records = TestKafka.readAll(topic);

        Set<Integer> partitionsUsed = new HashSet<>();
        for (Map.Entry<CartId, List<CartEvent>> cart : histories.entrySet()) {
            List<ConsumerRecord<String, byte[]>> mine = records.stream()
                    .filter(r -> r.key().equals(cart.getKey().toString())).toList();
            assertThat(mine).extracting(ConsumerRecord::partition).as("seed %d", seed).containsOnly(mine.get(0).partition());
            partitionsUsed.add(mine.get(0).partition());
            assertThat(mine).extracting(KafkaCartEventReader::decode).as("seed %d", seed).isEqualTo(cart.getValue());
        }
        assertThat(partitionsUsed).as("40 carts spread over the partitions").hasSizeGreaterThan(1);
    }

    @Test
    void publish_event_keyHeadersAndVersionedPayload() throws Exception {
        String topic = TestKafka.freshTopic(1);
        CartId cart = CartId.random();
        CartEvent withCorrelation = new CartEvent(cart, 7, 2, CartEvent.Type.LINE_ADDED, AT,
                Map.of("sku", "SKU-1", "quantity", "3", "by", "owner", "correlationId", "req-42"));
        CartEvent without = new CartEvent(cart, 8, 0, CartEvent.Type.CODE_APPLIED, AT.plusSeconds(1),
                Map.of("code", "SPRING"));

        publisher(topic).publish(List.of(withCorrelation, without));

        List<ConsumerRecord<String, byte[]>> records = TestKafka.readAll(topic);
        assertThat(records).hasSize(2);
        ConsumerRecord<String, byte[]> first = records.get(0);
        assertThat(first.key()).isEqualTo(cart.toString());
        assertThat(header(first, CartEventRecords.TYPE_HEADER)).isEqualTo("LINE_ADDED");
        assertThat(header(first, CartEventRecords.VERSION_HEADER)).isEqualTo("7");
        assertThat(header(first, CartEventRecords.INDEX_HEADER)).isEqualTo("2");
        assertThat(header(first, CartEventRecords.SCHEMA_HEADER)).isEqualTo("" + CartEventRecords.SCHEMA_VERSION);
        assertThat(header(first, CartEventRecords.CORRELATION_HEADER)).isEqualTo("req-42");
        assertThat(records.get(1).headers().lastHeader(CartEventRecords.CORRELATION_HEADER)).isNull();

        JsonNode payload = new ObjectMapper().readTree(first.value());
        assertThat(payload.get("schema").intValue()).isEqualTo(CartEventRecords.SCHEMA_VERSION);
        assertThat(payload.get("cartId").textValue()).isEqualTo(cart.toString());
        assertThat(payload.get("version").longValue()).isEqualTo(7);
        assertThat(payload.get("index").intValue()).isEqualTo(2);
        assertThat(payload.get("type").textValue()).isEqualTo("LINE_ADDED");
        assertThat(payload.get("at").textValue()).isEqualTo(AT.toString());
        List<String> keys = new ArrayList<>();
        payload.get("data").fieldNames().forEachRemaining(keys::add);
        assertThat(keys).as("data sorted by key").containsExactly("by", "correlationId", "quantity", "sku");
        assertThat(payload.get("data").get("sku").textValue()).isEqualTo("SKU-1");
        assertThat(KafkaCartEventReader.decode(first)).isEqualTo(withCorrelation);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertThat(header).as(name).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    @Test
    void publish_sameBatchTwice_readerLetsEveryEventThroughOnceInOrder() {
        Random random = new Random(7);
        String topic = TestKafka.freshTopic(2);
        KafkaCartEventPublisher publisher = publisher(topic);
        List<CartEvent> a = history(CartId.random(), 4, random);
        List<CartEvent> b = history(CartId.random(), 3, random);
        List<CartEvent> batch = new ArrayList<>(a);
        batch.addAll(b);

        publisher.publish(batch);
        publisher.publish(batch);

        List<ConsumerRecord<String, byte[]>> records = TestKafka.readAll(topic);
        assertThat(records).hasSize(2 * batch.size());
        KafkaCartEventReader reader = KafkaCartEventReader.create(100);
        List<CartEvent> handled = new ArrayList<>();
        records.forEach(r -> reader.read(r).ifPresent(handled::add));
        assertThat(handled).hasSize(batch.size());
        assertThat(handled.stream().filter(e -> e.cartId().equals(a.get(0).cartId())).toList()).isEqualTo(a);
        assertThat(handled.stream().filter(e -> e.cartId().equals(b.get(0).cartId())).toList()).isEqualTo(b);
    }

    @Test
    void publish_brokerUnreachable_providerUnavailableAfterTheTimeout() {
        Duration timeout = Duration.ofMillis(800);
        KafkaCartEventPublisher publisher = KafkaCartEventPublisher.builder(TestKafka.unreachable())
                .publishTimeout(timeout).build();
        opened.add(publisher);
        CartEvent event = new CartEvent(CartId.random(), 1, 0, CartEvent.Type.CREATED, AT, Map.of());

        long started = System.nanoTime();
        assertThatThrownBy(() -> publisher.publish(List.of(event, event, event)))
                .isInstanceOfSatisfying(CartException.class,
                        e -> assertThat(e.code()).isEqualTo(CartErrorCode.PROVIDER_UNAVAILABLE))
                .hasRootCauseInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        // the lower bound only: the machine is shared, an upper bound would be a timed assertion
        assertThat(took).isGreaterThanOrEqualTo(timeout);
        System.out.println("unreachable broker: PROVIDER_UNAVAILABLE after " + took.toMillis() + " ms (timeout "
                + timeout.toMillis() + " ms, three records)");
    }

    @Test
    void publish_afterClose_providerUnavailable() {
        KafkaCartEventPublisher publisher = KafkaCartEventPublisher.builder(TestKafka.bootstrapServers())
                .topic(TestKafka.freshTopic(1)).build();
        publisher.close();

        assertThatThrownBy(() -> publisher.publish(List.of(
                new CartEvent(CartId.random(), 1, 0, CartEvent.Type.CREATED, AT, Map.of()))))
                .isInstanceOfSatisfying(CartException.class,
                        e -> assertThat(e.code()).isEqualTo(CartErrorCode.PROVIDER_UNAVAILABLE));
    }

    @Test
    void publish_nullBatch_invalidInput() {
        KafkaCartEventPublisher publisher = KafkaCartEventPublisher.builder(TestKafka.unreachable()).build();
        opened.add(publisher);

        assertThatThrownBy(() -> publisher.publish(null)).isInstanceOfSatisfying(CartException.class,
                e -> assertThat(e.code()).isEqualTo(CartErrorCode.INVALID_INPUT));
    }
}
