package dev.cartflow.benchmarks.servers;

import java.util.Map;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One Kafka broker in KRaft mode inside this JVM (spring-kafka-test's {@link EmbeddedKafkaKraftBroker})
 * on a free loopback port, with the topics it is given; consumer groups start without the initial
 * rebalance delay.
 */
public final class LocalKafka implements AutoCloseable {
    private final EmbeddedKafkaKraftBroker broker;
    private final Thread stopOnExit;

    private LocalKafka(EmbeddedKafkaKraftBroker broker) {
        this.broker = broker;
        this.stopOnExit = new Thread(broker::destroy, "stop-local-kafka");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /**
     * Starts the broker and creates the topics.
     *
     * @param partitions the partitions of each topic
     * @param topics     the topics to create
     * @return the running broker
     */
    public static LocalKafka start(int partitions, String... topics) {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, partitions, topics);
        broker.brokerProperties(Map.of(
                // a consumer of the checks joins at once instead of after 3 s
                "group.initial.rebalance.delay.ms", "0",
                "auto.create.topics.enable", "false"));
        broker.afterPropertiesSet();
        return new LocalKafka(broker);
    }

    /** @return {@code host:port} of the broker, as {@code bootstrap.servers} takes it */
    public String bootstrapServers() {
        return broker.getBrokersAsString();
    }

    /** Stops the broker and removes its logs. */
    @Override
    public void close() {
        broker.destroy();
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting: the hook runs anyway
        }
    }
}
