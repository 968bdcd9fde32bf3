package dev.cartflow.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.core.CartEngine;
import dev.cartflow.core.NewCart;
import dev.cartflow.core.memory.InMemoryCatalog;
import dev.cartflow.core.memory.InMemoryPricing;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.jdbi.OutboxDispatcher;
import dev.cartflow.kafka.KafkaCartEventPublisher;
import dev.cartflow.kafka.KafkaCartEventReader;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.Money;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.Product;
import dev.cartflow.model.Rate;
import dev.cartflow.model.Sku;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * cart-jdbi on a real PostgreSQL, its outbox delivered by two dispatchers to a real Kafka broker, the
 * topic read by a plain consumer loop with {@link KafkaCartEventReader}: every stored event arrives,
 * exactly once after de-duplication (also after a simulated crash that delivers part of the outbox
 * again), in per-cart order, and no customer id is on the topic.
 */
class KafkaOutboxEndToEndTest {
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final List<Sku> SKUS = List.of(Sku.of("MUG"), Sku.of("CUP"), Sku.of("TEA"));

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CartFlowKafkaAutoConfiguration.class,
                    CartFlowJdbiAutoConfiguration.class, CartFlowEngineAutoConfiguration.class))
            .withUserConfiguration(Database.class, Shop.class);

    @Test
    void outboxToKafka_concurrentCartsAndARedelivery_everyEventOnceInCartOrder() {
        String topic = Kafka.freshTopic(4);
        runner.withPropertyValues("cartflow.kafka.bootstrap-servers=" + Kafka.bootstrapServers(),
                "cartflow.kafka.topic=" + topic, "cartflow.outbox.poll-interval=20ms",
                "cartflow.outbox.batch-carts=3").run(context -> {
                    CartEngine engine = context.getBean(CartEngine.class);
                    OutboxDispatcher dispatcher = context.getBean(OutboxDispatcher.class);
                    // a second dispatcher, as another instance would run, sharing the outbox
                    try (OutboxDispatcher other = OutboxDispatcher.builder(context.getBean(Jdbi.class),
                            context.getBean(KafkaCartEventPublisher.class)).batchCarts(2)
                            .pollInterval(Duration.ofMillis(20)).name("second-dispatcher").build()) {
                        other.start();
                        List<String> customerIds = new ArrayList<>();
                        List<CartId> carts = shop(engine, 8, 16, 12, customerIds);
                        Outbox.awaitDelivered(dispatcher, Duration.ofSeconds(120));

                        int redelivered = crashBeforeCommit(context.getBean(DataSource.class));
                        assertThat(redelivered).isPositive();
                        Outbox.awaitDelivered(dispatcher, Duration.ofSeconds(120));

                        Map<CartId, List<CartEvent>> stored = storedEvents(context.getBean(DataSource.class));
                        assertThat(stored.keySet()).containsExactlyInAnyOrderElementsOf(carts);
                        int storedCount = stored.values().stream().mapToInt(List::size).sum();

                        List<ConsumerRecord<String, byte[]>> raw = new ArrayList<>();
                        Map<CartId, List<CartEvent>> handled = consume(topic, storedCount, raw);

                        assertThat(raw).as("each stored event once, the redelivered ones twice")
                                .hasSize(storedCount + redelivered);
                        assertThat(handled).isEqualTo(stored);
                        for (ConsumerRecord<String, byte[]> record : raw) {
                            assertThat(onTheWire(record)).as("no customer id on the topic")
                                    .doesNotContainAnyElementsOf(customerIds);
                        }
                    }
                });
    }

    /**
     * {@code clients} threads change {@code carts} carts (half of them customers' carts), two
     * threads per cart, {@code changes} changes each.
     */
    private static List<CartId> shop(CartEngine engine, int carts, int clients, int changes, List<String> customerIds)
            throws Exception {
        List<CartId> ids = new ArrayList<>();
        List<Actor> owners = new ArrayList<>();
        for (int i = 0; i < carts; i++) {
            if (i % 2 == 0) {
                var created = engine.createGuestCart(NewCart.of("EUR", "DE"));
                ids.add(created.cart().id());
                owners.add(Actor.guest(created.token()));
            } else {
                String customer = "secret-customer-" + UUID.randomUUID();
                customerIds.add(customer);
                Actor actor = Actor.customer(new CustomerId(customer));
                ids.add(engine.createCustomerCart(actor, new CustomerId(customer), NewCart.of("EUR", "DE")).id());
                owners.add(actor);
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int cart = c % carts;
                int client = c;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int n = 0; n < changes; n++) {
                        Sku sku = SKUS.get((client + n) % SKUS.size());
                        change(() -> engine.addItem(owners.get(cart), ids.get(cart), sku, 1));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return ids;
    }

    /** A change, tried again while two clients of one cart conflict beyond the engine's own retries. */
    private static void change(java.util.function.Supplier<Cart> change) {
        for (int attempt = 0; ; attempt++) {
            try {
                change.get();
                return;
            } catch (CartException e) {
                if (e.code() != CartErrorCode.VERSION_CONFLICT || attempt > 20) {
                    throw e;
                }
            }
        }
    }

    /**
     * What a crash between publishing and the commit leaves: delivered events marked undelivered
     * again, so the dispatchers publish them once more.
     */
    private static int crashBeforeCommit(DataSource dataSource) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            return s.executeUpdate("UPDATE outbox SET dispatched_at = NULL WHERE id % 3 = 0");
        }
    }

    private static Map<CartId, List<CartEvent>> storedEvents(DataSource dataSource) throws Exception {
        Map<CartId, List<CartEvent>> stored = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT cart_id, sequence, idx, type FROM outbox ORDER BY id")) {
            while (rs.next()) {
                CartId id = CartId.parse(rs.getString(1));
                stored.computeIfAbsent(id, k -> new ArrayList<>()).add(new CartEvent(id, rs.getLong(2), rs.getInt(3),
                        CartEvent.Type.valueOf(rs.getString(4)), java.time.Instant.EPOCH, Map.of()));
            }
        }
        return stored;
    }

    /** The consumer loop of docs/kafka.md, until {@code expected} events were handled and the topic is drained. */
    private static Map<CartId, List<CartEvent>> consume(String topic, int expected,
                                                        List<ConsumerRecord<String, byte[]>> raw) {
        KafkaCartEventReader reader = KafkaCartEventReader.create(10_000);
        Map<CartId, List<CartEvent>> handled = new LinkedHashMap<>();
        int count = 0;
        int quietPolls = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        try (KafkaConsumer<String, byte[]> consumer = Kafka.groupConsumer("e2e-" + topic)) {
            consumer.subscribe(List.of(topic));
            // after the expected count, a few empty polls make sure no extra event follows
            while ((count < expected || quietPolls < 3) && System.nanoTime() < deadline) {
                var records = consumer.poll(Duration.ofMillis(300));
                quietPolls = records.isEmpty() ? quietPolls + 1 : 0;
                for (ConsumerRecord<String, byte[]> record : records) {
                    raw.add(record);
                    var event = reader.read(record);
                    if (event.isPresent()) {
                        CartEvent e = event.get();
                        // positions only: the stored side has no times or data to compare
                        handled.computeIfAbsent(e.cartId(), k -> new ArrayList<>()).add(new CartEvent(e.cartId(),
                                e.sequence(), e.index(), e.type(), java.time.Instant.EPOCH, Map.of()));
                        count++;
                    }
                }
                consumer.commitSync();
            }
        }
        return handled;
    }

    private static List<String> onTheWire(ConsumerRecord<String, byte[]> record) {
        List<String> parts = new ArrayList<>();
        parts.add(record.key());
        parts.add(new String(record.value(), StandardCharsets.UTF_8));
        for (Header h : record.headers()) {
            parts.add(new String(h.value(), StandardCharsets.UTF_8));
        }
        String all = String.join("|", parts);
        // every substring that could be a customer id: split on JSON punctuation
        return List.of(all.split("[|\"{}:,]"));
    }

    @Configuration(proxyBeanMethods = false)
    static class Database {
        @Bean(destroyMethod = "close")
        com.zaxxer.hikari.HikariDataSource dataSource() {
            return Postgres.freshSchema();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Shop {
        @Bean
        InMemoryCatalog catalog() {
            InMemoryCatalog catalog = new InMemoryCatalog();
            SKUS.forEach(sku -> catalog.put(Product.builder(sku).build()));
            return catalog;
        }

        @Bean
        InMemoryPricing pricing() {
            InMemoryPricing pricing = new InMemoryPricing();
            SKUS.forEach(sku -> pricing.put(PriceQuote.of(sku, Money.parse("4.00", EUR), Rate.parse("0.19"))));
            return pricing;
        }
    }
}
