package dev.cartflow.kafka;

import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.CartEvent;
import dev.cartflow.spi.CartEventPublisher;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.Headers;
import org.jspecify.annotations.Nullable;

/**
 * Publishes cart events to one Kafka topic, for the outbox dispatcher of cart-jdbi.
 *
 * <p>Each event is one record: key the cart id (so all events of a cart land on one partition, in
 * order), value the JSON payload of {@link CartEventRecords#SCHEMA_VERSION}, headers as in
 * {@link CartEventRecords}. The producer is idempotent ({@code enable.idempotence=true},
 * {@code acks=all}, at most five requests in flight), so its own retries neither reorder nor
 * duplicate records. {@link #publish} returns only once the broker acknowledged every record of the
 * batch, within the publish timeout; otherwise it throws {@code PROVIDER_UNAVAILABLE} and the
 * dispatcher keeps the events for the next round. Delivery is therefore at least once: a consumer
 * de-duplicates with {@link KafkaCartEventReader}.
 *
 * <pre>{@code
 * KafkaCartEventPublisher publisher = KafkaCartEventPublisher.builder("broker-1:9092,broker-2:9092")
 *         .topic("shop.cart-events")
 *         .publishTimeout(Duration.ofSeconds(5))
 *         .build();
 * OutboxDispatcher dispatcher = OutboxDispatcher.builder(jdbi, publisher).build();
 * ...
 * dispatcher.stop();
 * publisher.close();
 * }</pre>
 *
 * <p>Thread-safe (one producer shared by every caller). Nothing personal is added: the key is the
 * random cart id and the headers hold type and position; the payload carries {@code CartEvent.data},
 * which by the engine's rule holds no personal data (authors appear as {@code owner} or pseudonyms).
 */
public final class KafkaCartEventPublisher implements CartEventPublisher, AutoCloseable {
    private static final Pattern LEGAL_TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    private final Producer<String, byte[]> producer;
    private final String topic;
    private final Duration publishTimeout;

    KafkaCartEventPublisher(Producer<String, byte[]> producer, String topic, Duration publishTimeout) {
        this.producer = producer;
        this.topic = topic;
        this.publishTimeout = publishTimeout;
    }

    /**
     * Starts a builder.
     *
     * @param bootstrapServers the brokers to start from, {@code host:port} separated by commas
     * @return a builder
     * @throws CartException {@code INVALID_INPUT} when blank
     */
    public static Builder builder(String bootstrapServers) {
        return new Builder(bootstrapServers);
    }

    /**
     * Sends every event and waits until the broker acknowledged all of them.
     *
     * @param events events of one or more carts, each cart's in order
     * @throws CartException {@code PROVIDER_UNAVAILABLE} when a record was refused or not acknowledged
     *                       within the publish timeout (Kafka's exception as the cause); some records
     *                       may have been written, so the caller publishes the batch again
     */
    @Override
    public void publish(List<CartEvent> events) {
        CartException.requireNonNull(events, "events");
        if (events.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + publishTimeout.toNanos();
        List<Future<RecordMetadata>> acks = new ArrayList<>(events.size());
        try {
            for (CartEvent event : events) {
                CartException.requireNonNull(event, "event");
                if (deadline - System.nanoTime() <= 0) {
                    throw notAcknowledged(null);
                }
                Future<RecordMetadata> ack = producer.send(record(event));
                if (ack.isDone()) {
                    // failed at once (no metadata within max.block.ms, say): sending the rest would wait again
                    ack.get();
                }
                acks.add(ack);
            }
            for (Future<RecordMetadata> ack : acks) {
                ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (ExecutionException e) {
            throw new CartException(CartErrorCode.PROVIDER_UNAVAILABLE, "Kafka did not accept a cart event",
                    e.getCause() == null ? e : e.getCause());
        } catch (TimeoutException e) {
            throw notAcknowledged(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CartException(CartErrorCode.PROVIDER_UNAVAILABLE, "interrupted while publishing to Kafka", e);
        } catch (KafkaException | IllegalStateException e) {
            // thrown by send() itself: the producer is closed, fenced or interrupted
            throw new CartException(CartErrorCode.PROVIDER_UNAVAILABLE, "Kafka did not accept a cart event", e);
        }
    }

    private CartException notAcknowledged(@Nullable TimeoutException cause) {
        return new CartException(CartErrorCode.PROVIDER_UNAVAILABLE,
                "Kafka did not acknowledge the cart events within " + publishTimeout.toMillis() + " ms", cause);
    }

    private ProducerRecord<String, byte[]> record(CartEvent event) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, event.cartId().toString(),
                EventPayload.encode(event));
        Headers headers = record.headers();
        headers.add(CartEventRecords.TYPE_HEADER, utf8(event.type().name()));
        headers.add(CartEventRecords.VERSION_HEADER, utf8(Long.toString(event.sequence())));
        headers.add(CartEventRecords.INDEX_HEADER, utf8(Integer.toString(event.index())));
        headers.add(CartEventRecords.SCHEMA_HEADER, utf8(Integer.toString(CartEventRecords.SCHEMA_VERSION)));
        String correlation = event.data().get(CartEventRecords.CORRELATION_DATA_KEY);
        if (correlation != null) {
            headers.add(CartEventRecords.CORRELATION_HEADER, utf8(correlation));
        }
        return record;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The topic events go to.
     *
     * @return the topic name
     */
    public String topic() {
        return topic;
    }

    /**
     * Sends what is buffered and closes the producer, waiting at most the publish timeout.
     *
     * @throws CartException {@code PROVIDER_UNAVAILABLE} when closing failed
     */
    @Override
    public void close() {
        try {
            producer.close(publishTimeout);
        } catch (KafkaException e) {
            throw new CartException(CartErrorCode.PROVIDER_UNAVAILABLE, "the Kafka producer did not close cleanly", e);
        }
    }

    /** Configures a {@link KafkaCartEventPublisher}; every setter validates. */
    public static final class Builder {
        private static final Duration LONGEST_TIMEOUT = Duration.ofMinutes(10);
        private static final Duration SHORTEST_TIMEOUT = Duration.ofMillis(100);

        private final String bootstrapServers;
        private String topic = CartEventRecords.DEFAULT_TOPIC;
        private String clientId = "cartflow-events";
        private Duration publishTimeout = Duration.ofSeconds(10);
        private final Map<String, String> producerProperties = new LinkedHashMap<>();

        private Builder(String bootstrapServers) {
            if (bootstrapServers == null || bootstrapServers.isBlank()) {
                throw CartException.invalidInput("Kafka bootstrap servers are required");
            }
            this.bootstrapServers = bootstrapServers.trim();
        }

        /**
         * The topic (default {@value CartEventRecords#DEFAULT_TOPIC}); it should exist with the
         * partitions and replication the shop wants (brokers that create topics on first use give
         * their defaults).
         *
         * @param topic 1 to 249 of ASCII letters, digits, '.', '_' and '-', not "." or ".."
         * @return this builder
         */
        public Builder topic(String topic) {
            if (topic == null || !LEGAL_TOPIC.matcher(topic).matches() || topic.equals(".") || topic.equals("..")) {
                throw CartException.invalidInput("a Kafka topic has 1 to 249 ASCII letters, digits, '.', '_' or '-'");
            }
            this.topic = topic;
            return this;
        }

        /**
         * The producer's client id, as brokers log and meter it (default {@code cartflow-events}).
         *
         * @param clientId non-blank
         * @return this builder
         */
        public Builder clientId(String clientId) {
            if (clientId == null || clientId.isBlank()) {
                throw CartException.invalidInput("the Kafka client id must not be blank");
            }
            this.clientId = clientId;
            return this;
        }

        /**
         * How long {@link #publish} waits for every record of a batch to be acknowledged (default 10
         * seconds); also the producer's delivery, request and blocking timeouts, so a record is never
         * acknowledged after its publish gave up. The outbox dispatcher holds a transaction open
         * while it publishes: keep this below PostgreSQL's {@code idle_in_transaction_session_timeout}.
         *
         * @param timeout between 100 ms and 10 minutes
         * @return this builder
         */
        public Builder publishTimeout(Duration timeout) {
            if (timeout == null || timeout.compareTo(SHORTEST_TIMEOUT) < 0 || timeout.compareTo(LONGEST_TIMEOUT) > 0) {
                throw CartException.invalidInput("the publish timeout must be between 100 ms and 10 minutes");
            }
            this.publishTimeout = timeout;
            return this;
        }

        /**
         * One more producer property (security, compression, batching, ...). The properties the
         * publisher's guarantees rest on are refused: bootstrap servers and client id (their own
         * setters), serializers, {@code enable.idempotence}, {@code acks}, {@code retries},
         * {@code transactional.id} and the timeouts ({@code max.block.ms}, {@code delivery.timeout.ms},
         * {@code request.timeout.ms}: see {@link #publishTimeout}). {@code max.in.flight.requests.per.connection}
         * may be lowered (1 to 5), {@code linger.ms} must stay below the publish timeout.
         *
         * @param key   a Kafka producer property
         * @param value its value
         * @return this builder
         */
        public Builder producerProperty(String key, String value) {
            if (key == null || key.isBlank() || value == null) {
                throw CartException.invalidInput("a producer property needs a key and a value");
            }
            producerProperties.put(key.trim(), value);
            return this;
        }

        /**
         * Several producer properties, as {@link #producerProperty} each.
         *
         * @param properties keys and values
         * @return this builder
         */
        public Builder producerProperties(Map<String, String> properties) {
            CartException.requireNonNull(properties, "producer properties").forEach(this::producerProperty);
            return this;
        }

        /**
         * Creates the producer (it connects on the first publish).
         *
         * @return the publisher; close it after the dispatcher stopped
         * @throws CartException {@code INVALID_INPUT} for a producer property Kafka refuses (an
         *                       unresolvable bootstrap host included), {@code PROVIDER_UNAVAILABLE}
         *                       when the producer could not be created otherwise
         */
        public KafkaCartEventPublisher build() {
            return new KafkaCartEventPublisher(ProducerSettings.create(
                    ProducerSettings.of(bootstrapServers, clientId, publishTimeout, producerProperties)),
                    topic, publishTimeout);
        }
    }
}
