package dev.cartflow.benchmarks.cluster;

import dev.cartflow.kafka.KafkaCartEventReader;
import dev.cartflow.model.CartEvent;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The events on Kafka against the outbox in PostgreSQL: after the services' dispatchers have
 * delivered everything (also what a killed instance left behind), a consumer reads the whole topic
 * and de-duplicates with cart-kafka's {@link KafkaCartEventReader}; each cart's events must then be
 * exactly its stored events, once each, in their order, and the last one at the cart's stored version.
 */
final class EventChecks {
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(90);

    private final Topology topology;
    private final Stored stored;

    EventChecks(Topology topology) {
        this.topology = topology;
        this.stored = new Stored(topology.postgres());
    }

    /** Every event of every stored cart reached Kafka exactly once after de-duplication, in per-cart order. */
    Verdict exactlyOnceInOrder() throws SQLException, InterruptedException {
        List<String> cartIds = stored.cartIds();
        long waitStarted = System.nanoTime();
        while (stored.undispatched() > 0 && System.nanoTime() - waitStarted < DELIVERY_TIMEOUT.toNanos()) {
            Thread.sleep(250);
        }
        long undispatched = stored.undispatched();
        Duration drained = Duration.ofNanos(System.nanoTime() - waitStarted);
        List<Stored.Event> expected = stored.events(cartIds);
        Map<String, List<Stored.Event>> expectedByCart = new HashMap<>();
        for (Stored.Event event : expected) {
            expectedByCart.computeIfAbsent(event.cartId(), id -> new ArrayList<>()).add(event);
        }
        KafkaCartEventReader reader = KafkaCartEventReader.create(1_000_000);
        Map<String, List<Stored.Event>> deliveredByCart = new HashMap<>();
        long records = 0;
        long duplicates = 0;
        Properties settings = new Properties();
        settings.put("bootstrap.servers", topology.kafka().bootstrapServers());
        settings.put("group.id", "scale-out-check-" + UUID.randomUUID());
        settings.put("auto.offset.reset", "earliest");
        settings.put("enable.auto.commit", "false");
        settings.put("isolation.level", "read_committed");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(settings, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topology.TOPIC));
            long quietSince = System.nanoTime();
            long deadline = System.nanoTime() + DELIVERY_TIMEOUT.toNanos();
            // read until every stored event arrived and the topic stayed quiet for 3 s, or the deadline
            while (System.nanoTime() < deadline) {
                boolean got = false;
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    got = true;
                    records++;
                    CartEvent event = KafkaCartEventReader.decode(record);
                    if (reader.firstDelivery(event)) {
                        deliveredByCart.computeIfAbsent(event.cartId().toString(), id -> new ArrayList<>())
                                .add(new Stored.Event(event.cartId().toString(), event.sequence(), event.index(),
                                        event.type().name()));
                    } else {
                        duplicates++;
                    }
                }
                if (got) {
                    quietSince = System.nanoTime();
                } else if (System.nanoTime() - quietSince > Duration.ofSeconds(3).toNanos()
                        && delivered(deliveredByCart, expectedByCart)) {
                    break;
                }
            }
        }
        List<String> wrong = new ArrayList<>();
        long matched = 0;
        for (String cart : cartIds) {
            List<Stored.Event> want = expectedByCart.getOrDefault(cart, List.of());
            List<Stored.Event> got = deliveredByCart.getOrDefault(cart, List.of());
            if (want.equals(got)) {
                matched++;
            } else if (wrong.size() < 5) {
                wrong.add("cart " + cart + ": " + want.size() + " stored events, " + got.size() + " delivered"
                        + (got.size() == want.size() ? " in another order or with other types" : ""));
            }
            long storedVersion = stored.cart(cart).version();
            if (!want.isEmpty() && want.get(want.size() - 1).version() != storedVersion && wrong.size() < 5) {
                wrong.add("cart " + cart + ": last stored event at version " + want.get(want.size() - 1).version()
                        + ", cart at " + storedVersion);
            }
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("carts", cartIds.size());
        figures.put("stored_events", expected.size());
        figures.put("records", records);
        figures.put("duplicates_dropped", duplicates);
        figures.put("carts_exact", matched);
        figures.put("undispatched", undispatched);
        figures.put("drain_s", Math.round(drained.toMillis() / 100.0) / 10.0);
        return Verdict.of("kafka-exactly-once", wrong.isEmpty() && undispatched == 0 && !expected.isEmpty(), figures,
                wrong.isEmpty() ? "every stored event of every cart read once after de-duplication, in per-cart order, "
                        + "the last at the cart's version" : String.join("; ", wrong));
    }

    private static boolean delivered(Map<String, List<Stored.Event>> delivered, Map<String, List<Stored.Event>> expected) {
        return expected.entrySet().stream()
                .allMatch(e -> delivered.getOrDefault(e.getKey(), List.of()).size() >= e.getValue().size());
    }
}
