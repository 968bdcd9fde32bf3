package dev.cartflow.kafka;

import dev.cartflow.model.CartEvent;
import dev.cartflow.spi.CartEventPublisher;
import dev.cartflow.tck.CartEventPublisherContract;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;

/** The publisher contract on a real broker, each test on a fresh three-partition topic read back to its end. */
class KafkaCartEventPublisherContractTest extends CartEventPublisherContract {
    private final List<KafkaCartEventPublisher> opened = new ArrayList<>();

    @Override
    protected CartEventPublisher newPublisher() {
        // the contract is about what is delivered, not how fast: on a loaded 2-core machine the first
        // acknowledgement of a fresh broker has taken longer than the 10 s default
        return open(KafkaCartEventPublisher.builder(TestKafka.bootstrapServers()).topic(TestKafka.freshTopic(3))
                .publishTimeout(Duration.ofSeconds(60)));
    }

    @Override
    protected Optional<List<CartEvent>> delivered(CartEventPublisher publisher) {
        String topic = ((KafkaCartEventPublisher) publisher).topic();
        return Optional.of(TestKafka.readAll(topic).stream().map(KafkaCartEventReader::decode).toList());
    }

    @Override
    protected Optional<CartEventPublisher> failingPublisher() {
        return Optional.of(open(KafkaCartEventPublisher.builder(TestKafka.unreachable())
                .publishTimeout(Duration.ofMillis(500))));
    }

    private KafkaCartEventPublisher open(KafkaCartEventPublisher.Builder builder) {
        KafkaCartEventPublisher publisher = builder.build();
        opened.add(publisher);
        return publisher;
    }

    @AfterEach
    void closePublishers() {
        opened.forEach(KafkaCartEventPublisher::close);
    }
}
