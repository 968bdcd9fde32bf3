package dev.cartflow.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.CartId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Decoding and de-duplication, on records as a consumer receives them (no broker needed here). */
class KafkaCartEventReaderTest {
    private static final Instant AT = Instant.parse("2026-03-01T09:30:00Z");

    private static CartEvent event(CartId cart, long version, int index) {
        return new CartEvent(cart, version, index, CartEvent.Type.QUANTITY_CHANGED, AT.plusSeconds(version),
                Map.of("sku", "S-" + version, "quantity", "" + (index + 1)));
    }

    private static ConsumerRecord<String, byte[]> record(String key, byte[] value) {
        return new ConsumerRecord<>("t", 0, 0, key, value);
    }

    private static void invalid(Runnable decode) {
        assertThatThrownBy(decode::run).isInstanceOfSatisfying(CartException.class,
                e -> assertThat(e.code()).isEqualTo(CartErrorCode.INVALID_INPUT));
    }

    @Test
    void decode_payloadOfThePublisher_sameEvent() {
        CartEvent event = event(CartId.random(), 12, 1);

        assertThat(KafkaCartEventReader.decode(record(event.cartId().toString(), EventPayload.encode(event))))
                .isEqualTo(event);
    }

    @Test
    void decode_unknownExtraField_ignored() {
        CartId cart = CartId.random();
        String json = "{\"schema\":1,\"cartId\":\"" + cart + "\",\"version\":2,\"index\":0,\"type\":\"CREATED\","
                + "\"at\":\"" + AT + "\",\"data\":{},\"addedLater\":{\"x\":1}}";

        assertThat(KafkaCartEventReader.decode(json.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(new CartEvent(cart, 2, 0, CartEvent.Type.CREATED, AT, Map.of()));
    }

    @Test
    void decode_newerSchema_invalidInputNamingIt() {
        CartId cart = CartId.random();
        int newer = CartEventRecords.SCHEMA_VERSION + 1;
        String json = "{\"schema\":" + newer + ",\"cartId\":\"" + cart + "\",\"version\":2,\"index\":0,"
                + "\"type\":\"CREATED\",\"at\":\"" + AT + "\",\"data\":{}}";

        assertThatThrownBy(() -> KafkaCartEventReader.decode(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(CartException.class,
                        e -> assertThat(e.code()).isEqualTo(CartErrorCode.INVALID_INPUT))
                .hasMessageContaining("schema " + newer);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "[1,2]", "{}", "{\"schema\":\"1\"}",
            "{\"schema\":1,\"cartId\":\"x\",\"version\":1,\"index\":0,\"type\":\"CREATED\",\"at\":\"2026-01-01T00:00:00Z\",\"data\":{}}",
            "{\"schema\":1,\"cartId\":\"%s\",\"version\":0,\"index\":0,\"type\":\"CREATED\",\"at\":\"2026-01-01T00:00:00Z\",\"data\":{}}",
            "{\"schema\":1,\"cartId\":\"%s\",\"version\":1,\"index\":0,\"type\":\"NO_SUCH\",\"at\":\"2026-01-01T00:00:00Z\",\"data\":{}}",
            "{\"schema\":1,\"cartId\":\"%s\",\"version\":1,\"index\":0,\"type\":\"CREATED\",\"at\":\"yesterday\",\"data\":{}}",
            "{\"schema\":1,\"cartId\":\"%s\",\"version\":1,\"index\":9999999999,\"type\":\"CREATED\",\"at\":\"2026-01-01T00:00:00Z\",\"data\":{}}",
            "{\"schema\":1,\"cartId\":\"%s\",\"version\":1,\"index\":0,\"type\":\"CREATED\",\"at\":\"2026-01-01T00:00:00Z\",\"data\":{\"n\":1}}",
            "{\"schema\":1,\"cartId\":\"%s\",\"version\":1,\"index\":0,\"type\":\"CREATED\",\"at\":\"2026-01-01T00:00:00Z\"}"})
    void decode_malformedPayload_invalidInput(String template) {
        byte[] payload = template.replace("%s", CartId.random().toString()).getBytes(StandardCharsets.UTF_8);

        invalid(() -> KafkaCartEventReader.decode(payload));
    }

    @Test
    void decode_nullValue_invalidInput() {
        invalid(() -> KafkaCartEventReader.decode(record("k", null)));
    }

    @Test
    void decode_keyOfAnotherCart_invalidInput() {
        CartEvent event = event(CartId.random(), 1, 0);

        invalid(() -> KafkaCartEventReader.decode(record(CartId.random().toString(), EventPayload.encode(event))));
    }

    @Test
    void firstDelivery_redeliveredOrOlderEvent_duplicate() {
        KafkaCartEventReader reader = KafkaCartEventReader.create(10);
        CartId cart = CartId.random();

        assertThat(reader.firstDelivery(event(cart, 1, 0))).isTrue();
        assertThat(reader.firstDelivery(event(cart, 2, 0))).isTrue();
        assertThat(reader.firstDelivery(event(cart, 2, 1))).isTrue();
        assertThat(reader.firstDelivery(event(cart, 2, 1))).as("redelivered").isFalse();
        assertThat(reader.firstDelivery(event(cart, 2, 0))).as("older index").isFalse();
        assertThat(reader.firstDelivery(event(cart, 1, 0))).as("older version").isFalse();
        assertThat(reader.firstDelivery(event(cart, 4, 0))).as("a version without events skipped").isTrue();
    }

    @Test
    void firstDelivery_otherCart_independent() {
        KafkaCartEventReader reader = KafkaCartEventReader.create(10);
        CartId one = CartId.random();
        reader.firstDelivery(event(one, 5, 0));

        assertThat(reader.firstDelivery(event(CartId.random(), 1, 0))).isTrue();
    }

    @Test
    void read_recordTwice_presentThenEmpty() {
        KafkaCartEventReader reader = KafkaCartEventReader.create(10);
        CartEvent event = event(CartId.random(), 3, 0);
        ConsumerRecord<String, byte[]> record = record(event.cartId().toString(), EventPayload.encode(event));

        assertThat(reader.read(record)).contains(event);
        assertThat(reader.read(record)).isEmpty();
    }

    @Test
    void firstDelivery_sameEventFromManyThreads_exactlyOneFirst() throws Exception {
        KafkaCartEventReader reader = KafkaCartEventReader.create(10);
        CartEvent event = event(CartId.random(), 1, 0);
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return reader.firstDelivery(event);
                }));
            }
            start.countDown();
            int first = 0;
            for (Future<Boolean> answer : answers) {
                first += answer.get() ? 1 : 0;
            }
            assertThat(first).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void create_moreCartsThanTheBound_remembersAtMostTheBound() {
        int bound = 50;
        KafkaCartEventReader reader = KafkaCartEventReader.create(bound);

        for (int i = 0; i < 20 * bound; i++) {
            reader.firstDelivery(event(CartId.random(), 1, 0));
        }

        assertThat(reader.rememberedCarts()).isBetween(1L, (long) bound);
    }

    @Test
    void create_noCarts_invalidInput() {
        invalid(() -> KafkaCartEventReader.create(0));
    }

    @Test
    void isAfter_storedPosition_comparesVersionThenIndex() {
        CartEvent event = event(CartId.random(), 5, 1);

        assertThat(KafkaCartEventReader.isAfter(event, 5, 0)).isTrue();
        assertThat(KafkaCartEventReader.isAfter(event, 4, 9)).isTrue();
        assertThat(KafkaCartEventReader.isAfter(event, 5, 1)).isFalse();
        assertThat(KafkaCartEventReader.isAfter(event, 6, 0)).isFalse();
    }
}
