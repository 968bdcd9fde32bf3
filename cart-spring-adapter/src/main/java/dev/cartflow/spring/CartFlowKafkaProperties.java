package dev.cartflow.spring;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * cart-kafka options ({@code cartflow.kafka.*}); the Kafka publisher is on once {@code bootstrap-servers}
 * is set (not blank).
 */
@ConfigurationProperties("cartflow.kafka")
public class CartFlowKafkaProperties {
    /** Kafka brokers to start from (host:port, comma-separated); Kafka is off when unset or empty. */
    private @Nullable String bootstrapServers;
    /** Topic the cart events go to, keyed by cart id. */
    private String topic = "cartflow.cart-events";
    /** Client id of the producer, as the brokers log and meter it. */
    private String clientId = "cartflow-events";
    /** How long a publish waits for the broker to acknowledge every event of a batch (100ms to 10m). */
    private Duration publishTimeout = Duration.ofSeconds(10);
    /**
     * Extra Kafka producer properties (security, compression, batching); the ones the guarantees rest on are
     * refused. None when unset: the client's defaults apply.
     */
    private Map<String, String> producer = new LinkedHashMap<>();

    /** @return the bootstrap servers, or null */
    public @Nullable String getBootstrapServers() {
        return bootstrapServers;
    }

    /** @param bootstrapServers the brokers to start from */
    public void setBootstrapServers(@Nullable String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** @return the topic */
    public String getTopic() {
        return topic;
    }

    /** @param topic the topic of the cart events */
    public void setTopic(String topic) {
        this.topic = topic;
    }

    /** @return the producer's client id */
    public String getClientId() {
        return clientId;
    }

    /** @param clientId the producer's client id */
    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    /** @return the publish timeout */
    public Duration getPublishTimeout() {
        return publishTimeout;
    }

    /** @param publishTimeout how long a publish waits for acknowledgements */
    public void setPublishTimeout(Duration publishTimeout) {
        this.publishTimeout = publishTimeout;
    }

    /** @return the extra producer properties */
    public Map<String, String> getProducer() {
        return producer;
    }

    /** @param producer extra producer properties */
    public void setProducer(Map<String, String> producer) {
        this.producer = producer;
    }
}
