package dev.cartflow.kafka;

import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The producer's configuration: what the publisher's guarantees need (idempotence, acknowledgement
 * by all in-sync replicas, at most five requests in flight so that retries keep the order, every
 * timeout inside the publish timeout) fixed, the host's extra properties beside them.
 */
final class ProducerSettings {
    /** Kafka's default {@code linger.ms} since 4.0, needed to fit the request timeout into the budget. */
    private static final long DEFAULT_LINGER_MS = 5;
    /** Set by the publisher itself: given as extra properties they would break a guarantee or a timeout. */
    private static final Set<String> RESERVED = Set.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, ProducerConfig.CLIENT_ID_CONFIG,
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, ProducerConfig.ACKS_CONFIG, ProducerConfig.RETRIES_CONFIG,
            ProducerConfig.TRANSACTIONAL_ID_CONFIG, ProducerConfig.MAX_BLOCK_MS_CONFIG,
            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG);

    private ProducerSettings() {
    }

    static Properties of(String bootstrapServers, String clientId, Duration publishTimeout, Map<String, String> extra) {
        Map<String, String> chosen = new LinkedHashMap<>();
        extra.forEach((key, value) -> {
            if (RESERVED.contains(key)) {
                throw CartException.invalidInput("producer property " + key
                        + " is set by the publisher (use its own setting, or leave it)");
            }
            chosen.put(key, value);
        });
        long timeoutMs = publishTimeout.toMillis();
        long lingerMs = wholeNumber(chosen, ProducerConfig.LINGER_MS_CONFIG, DEFAULT_LINGER_MS);
        if (lingerMs < 0 || lingerMs >= timeoutMs) {
            throw CartException.invalidInput("linger.ms must be at least 0 and below the publish timeout");
        }
        long inFlight = wholeNumber(chosen, ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        if (inFlight < 1 || inFlight > 5) {
            // an idempotent producer keeps the order of retried batches only up to five in flight
            throw CartException.invalidInput("max.in.flight.requests.per.connection must be between 1 and 5");
        }
        Properties props = new Properties();
        props.putAll(chosen);
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, Long.toString(inFlight));
        props.put(ProducerConfig.LINGER_MS_CONFIG, Long.toString(lingerMs));
        // send() waits for metadata and buffer space at most this long
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(timeoutMs));
        // a record not acknowledged within the publish timeout is given up, not delivered late
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Long.toString(timeoutMs));
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(timeoutMs - lingerMs));
        return props;
    }

    static Producer<String, byte[]> create(Properties props) {
        try {
            return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        } catch (KafkaException e) {
            if (isConfiguration(e)) {
                throw new CartException(CartErrorCode.INVALID_INPUT,
                        "the Kafka producer configuration is invalid (the cause names the setting)", e);
            }
            throw new CartException(CartErrorCode.PROVIDER_UNAVAILABLE, "the Kafka producer could not be created", e);
        }
    }

    private static long wholeNumber(Map<String, String> chosen, String key, long fallback) {
        String value = chosen.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new CartException(CartErrorCode.INVALID_INPUT, key + " must be a whole number", e);
        }
    }

    private static boolean isConfiguration(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConfigException) {
                return true;
            }
        }
        return false;
    }
}
