package dev.cartflow.spring;

import dev.cartflow.kafka.KafkaCartEventPublisher;
import dev.cartflow.spi.CartEventPublisher;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * cart-kafka, once {@code cartflow.kafka.bootstrap-servers} is set (not blank) and cart-kafka and
 * kafka-clients are on the class path: the {@link KafkaCartEventPublisher} as the application's
 * {@link CartEventPublisher}, which the outbox dispatcher (cart-jdbi) delivers to. With the outbox on,
 * the engine does not also publish to it in process (see {@link CartFlowEngineAutoConfiguration}), so
 * each event goes to Kafka once per dispatch. Closed with the context, after the dispatcher stopped.
 */
@AutoConfiguration(before = {CartFlowJdbiAutoConfiguration.class, CartFlowEngineAutoConfiguration.class})
@ConditionalOnClass({KafkaCartEventPublisher.class, org.apache.kafka.clients.producer.KafkaProducer.class})
@Conditional(CartFlowKafkaAutoConfiguration.BootstrapServersSet.class)
@EnableConfigurationProperties(CartFlowKafkaProperties.class)
public class CartFlowKafkaAutoConfiguration {

    /** Creates the configuration; Spring calls it. */
    public CartFlowKafkaAutoConfiguration() {
    }

    /**
     * The publisher, closed with the context.
     *
     * @param properties the cartflow.kafka.* properties
     * @return the publisher
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(CartEventPublisher.class)
    public KafkaCartEventPublisher kafkaCartEventPublisher(CartFlowKafkaProperties properties) {
        return KafkaCartEventPublisher.builder(properties.getBootstrapServers())
                .topic(properties.getTopic())
                .clientId(properties.getClientId())
                .publishTimeout(properties.getPublishTimeout())
                .producerProperties(properties.getProducer())
                .build();
    }

    /** On when the bootstrap servers are set and not blank (an empty environment variable leaves Kafka off). */
    static final class BootstrapServersSet extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String servers = context.getEnvironment().getProperty("cartflow.kafka.bootstrap-servers");
            return servers != null && !servers.isBlank()
                    ? ConditionOutcome.match("cartflow.kafka.bootstrap-servers is set")
                    : ConditionOutcome.noMatch("cartflow.kafka.bootstrap-servers is not set");
        }
    }
}
