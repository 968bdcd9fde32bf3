package dev.cartflow.docs.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.core.CartEngine;
import dev.cartflow.core.CreatedCart;
import dev.cartflow.core.NewCart;
import dev.cartflow.core.memory.InMemoryCatalog;
import dev.cartflow.core.memory.InMemoryPricing;
import dev.cartflow.jdbi.CartFlowSchema;
import dev.cartflow.jdbi.CartJsonLines;
import dev.cartflow.jdbi.JdbiAuditLog;
import dev.cartflow.jdbi.JdbiCartRepository;
import dev.cartflow.jdbi.JdbiPromotionUsageStore;
import dev.cartflow.jdbi.OutboxDispatcher;
import dev.cartflow.model.Actor;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.Money;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.Product;
import dev.cartflow.model.Rate;
import dev.cartflow.model.Sku;
import dev.cartflow.spi.CartEventPublisher;
import dev.cartflow.spi.PromotionUsageStore;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The samples of docs/jdbi.md, on a real PostgreSQL: the wiring with the outbox, and bulk export and import. */
class JdbiSample {
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Sku MUG = Sku.of("MUG");
    /** A database of its own: the dispatcher delivers every cart's events in it. */
    private final DataSource shopDatabase = SampleServers.newPostgresSchema();
    private final InMemoryCatalog catalog = new InMemoryCatalog().put(Product.builder(MUG).build());
    private final InMemoryPricing pricing =
            new InMemoryPricing().put(PriceQuote.of(MUG, Money.parse("12.50", EUR), Rate.parse("0.19")));

    @Test
    void setup_engineOnJdbiWithDispatcher_eventsOfAChangeReachThePublisherFromTheOutbox() throws InterruptedException {
        DataSource replicaDataSource = shopDatabase; // a replica stands in: the primary itself
        List<CartEvent> delivered = new CopyOnWriteArrayList<>();
        CartEventPublisher publisher = delivered::addAll;

        // tag::setup[]
        DataSource dataSource = hostPool();                // the host's pool, e.g. HikariCP
        CartFlowSchema.of(dataSource).migrate();           // at start-up, before the repository is used

        Jdbi jdbi = Jdbi.create(dataSource);
        JdbiCartRepository carts = JdbiCartRepository.builder(jdbi)
                .dataSource(dataSource)                      // optional, see "Hot statements"
                .readReplica(Jdbi.create(replicaDataSource)) // optional, see "Read routing"
                .build();
        PromotionUsageStore usage = JdbiPromotionUsageStore.create(jdbi);
        JdbiAuditLog audit = JdbiAuditLog.create(jdbi);    // optional: the audit trail, see "Audit trail"

        OutboxDispatcher dispatcher = OutboxDispatcher.builder(jdbi, publisher).build();
        dispatcher.start();                                // stop() on shutdown
        // end::setup[]

        try {
            CartEngine engine = CartEngine.builder().repository(carts).promotionUsage(usage).audit(audit)
                    .catalog(catalog).pricing(pricing).build();
            CreatedCart created = engine.createGuestCart(NewCart.of("EUR", "DE"));
            engine.addItem(Actor.guest(created.token()), created.cart().id(), MUG, 2);

            awaitEvents(delivered, 2);
            assertThat(delivered).extracting(CartEvent::cartId).containsOnly(created.cart().id());
            assertThat(delivered).extracting(CartEvent::type)
                    .containsExactly(CartEvent.Type.CREATED, CartEvent.Type.LINE_ADDED);
            assertThat(dispatcher.lag().pendingEvents()).isZero();
        } finally {
            dispatcher.stop();
        }
    }

    @Test
    void jsonLines_exportedCartsImportedIntoAnEmptyDatabase_everyCartWrittenOnceThenSkipped(@TempDir Path folder)
            throws IOException {
        JdbiCartRepository repository = migratedRepository();
        CartEngine engine = CartEngine.builder().repository(repository).catalog(catalog).pricing(pricing).build();
        List<CreatedCart> created = List.of(engine.createGuestCart(NewCart.of("EUR", "DE")),
                engine.createGuestCart(NewCart.of("EUR", "AT")));
        engine.addItem(Actor.guest(created.get(0).token()), created.get(0).cart().id(), MUG, 3);
        JdbiCartRepository restored = migratedRepository();
        Path file = folder.resolve("carts.jsonl");

        // tag::json-lines[]
        CartJsonLines jsonLines = CartJsonLines.of(repository);          // 500 carts per batch
        try (Writer out = Files.newBufferedWriter(file)) {
            jsonLines.exportTo(out);
        }
        CartJsonLines.ImportResult result;
        try (Reader in = Files.newBufferedReader(file)) {
            result = CartJsonLines.of(restored).importFrom(in);         // written, skipped
        }
        // end::json-lines[]

        assertThat(result.written()).isEqualTo(created.size());
        assertThat(restored.find(created.get(0).cart().id())).isEqualTo(repository.find(created.get(0).cart().id()));
        try (Reader again = Files.newBufferedReader(file)) {
            assertThat(CartJsonLines.of(restored).importFrom(again).skipped()).isEqualTo(created.size());
        }
    }

    private DataSource hostPool() {
        return shopDatabase;
    }

    private static JdbiCartRepository migratedRepository() {
        DataSource dataSource = SampleServers.newPostgresSchema();
        CartFlowSchema.of(dataSource).migrate();
        return JdbiCartRepository.create(Jdbi.create(dataSource));
    }

    /** Waits, up to a generous deadline, for the dispatcher's background thread to deliver. */
    static void awaitEvents(List<?> delivered, int count) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (delivered.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }
}
