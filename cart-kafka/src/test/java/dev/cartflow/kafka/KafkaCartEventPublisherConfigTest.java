package dev.cartflow.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad configuration is refused with {@code INVALID_INPUT} before anything is sent; no broker needed. */
class KafkaCartEventPublisherConfigTest {

    private static void invalid(Executable build) {
        assertThatThrownBy(build::execute).isInstanceOfSatisfying(CartException.class,
                e -> assertThat(e.code()).isEqualTo(CartErrorCode.INVALID_INPUT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void builder_blankBootstrapServers_invalidInput(String servers) {
        invalid(() -> KafkaCartEventPublisher.builder(servers));
    }

    @Test
    void builder_nullBootstrapServers_invalidInput() {
        invalid(() -> KafkaCartEventPublisher.builder(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", "has space", "ümlaut", "a/b"})
    void topic_illegalName_invalidInput(String topic) {
        invalid(() -> KafkaCartEventPublisher.builder("127.0.0.1:9092").topic(topic));
    }

    @Test
    void topic_tooLong_invalidInput() {
        invalid(() -> KafkaCartEventPublisher.builder("127.0.0.1:9092").topic("t".repeat(250)));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 99, 600_001})
    void publishTimeout_outOfRange_invalidInput(long millis) {
        invalid(() -> KafkaCartEventPublisher.builder("127.0.0.1:9092").publishTimeout(Duration.ofMillis(millis)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"acks", "enable.idempotence", "retries", "transactional.id", "key.serializer",
            "value.serializer", "max.block.ms", "delivery.timeout.ms", "request.timeout.ms", "bootstrap.servers",
            "client.id"})
    void build_reservedProducerProperty_invalidInput(String key) {
        invalid(() -> KafkaCartEventPublisher.builder("127.0.0.1:9092").producerProperty(key, "1").build());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "6", "many"})
    void build_inFlightOutsideOrderedRange_invalidInput(String inFlight) {
        invalid(() -> KafkaCartEventPublisher.builder("127.0.0.1:9092")
                .producerProperty("max.in.flight.requests.per.connection", inFlight).build());
    }

    @Test
    void build_lingerNotBelowTheTimeout_invalidInput() {
        invalid(() -> KafkaCartEventPublisher.builder("127.0.0.1:9092").publishTimeout(Duration.ofSeconds(1))
                .producerProperty("linger.ms", "1000").build());
    }

    @Test
    void build_valueKafkaRefuses_invalidInputWithKafkasCause() {
        assertThatThrownBy(() -> KafkaCartEventPublisher.builder("127.0.0.1:9092")
                .producerProperty("compression.type", "no-such-codec").build())
                .isInstanceOfSatisfying(CartException.class,
                        e -> assertThat(e.code()).isEqualTo(CartErrorCode.INVALID_INPUT))
                .hasRootCauseInstanceOf(ConfigException.class);
    }

    @Test
    void build_unresolvableBootstrapHost_invalidInput() {
        invalid(() -> KafkaCartEventPublisher.builder("no-such-host.invalid:9092").build());
    }

    @Test
    void settings_publishTimeout_boundsEveryProducerTimeoutAndKeepsTheGuarantees() {
        Duration timeout = Duration.ofMillis(2500);

        Properties props = ProducerSettings.of("127.0.0.1:9092", "c", timeout, Map.of("linger.ms", "20",
                "compression.type", "lz4"));

        assertThat(props).containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true")
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5")
                .containsEntry(ProducerConfig.MAX_BLOCK_MS_CONFIG, "" + timeout.toMillis())
                .containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "" + timeout.toMillis())
                .containsEntry(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "" + (timeout.toMillis() - 20))
                .containsEntry("compression.type", "lz4");
    }

    @Test
    void producerProperties_nullMap_invalidInput() {
        invalid(() -> KafkaCartEventPublisher.builder("127.0.0.1:9092").producerProperties(null));
    }
}
