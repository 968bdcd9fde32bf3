package dev.cartflow.jdbi;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CustomerId;
import dev.cartflow.spi.CartEventPublisher;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Every public entry point of the module against a PostgreSQL that does not answer (a port nobody
 * listens on): each fails with {@code PROVIDER_UNAVAILABLE}, never with a JDBI, driver or Flyway
 * exception.
 */
class UnreachableDatabaseTest {
    private static PGSimpleDataSource dataSource;
    private static Jdbi jdbi;

    @BeforeAll
    static void unreachable() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        dataSource = new PGSimpleDataSource();
        dataSource.setUrl("jdbc:postgresql://127.0.0.1:" + port + "/cartflow");
        dataSource.setUser("nobody");
        dataSource.setConnectTimeout(1);
        jdbi = Jdbi.create(dataSource);
    }

    private static void assertUnavailable(Executable call) {
        assertThatThrownBy(call::execute)
                .isExactlyInstanceOf(CartException.class)
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((CartException) e).code())
                        .isEqualTo(CartErrorCode.PROVIDER_UNAVAILABLE));
    }

    @Test
    void repository_databaseUnreachable_everyCallProviderUnavailable() {
        JdbiCartRepository repository = JdbiCartRepository.builder(jdbi).readReplica(jdbi).build();
        Cart cart = TestCarts.guestCart(CartId.random());
        Instant now = TestCarts.T0;

        assertUnavailable(() -> repository.find(cart.id()));
        assertUnavailable(() -> repository.findActiveByCustomer(new CustomerId("c-1")));
        assertUnavailable(() -> repository.cartsOf(new CustomerId("c-1")));
        assertUnavailable(() -> repository.save(TestCarts.create(cart)));
        assertUnavailable(() -> repository.saveAll(List.of(TestCarts.create(cart))));
        assertUnavailable(() -> repository.delete(cart.id()));
        assertUnavailable(() -> repository.findExpiringBefore(now, 10));
        assertUnavailable(() -> repository.findInactiveSince(now, 10));
        assertUnavailable(() -> repository.findIdempotency("key", now));
        assertUnavailable(() -> repository.eventsSince(cart.id(), 0));
        assertUnavailable(() -> repository.purgeExpiredIdempotency(now));
    }

    @Test
    void jsonLines_databaseUnreachable_exportAndImportProviderUnavailable() {
        CartJsonLines lines = CartJsonLines.of(JdbiCartRepository.create(jdbi));
        String line = CartJsonLines.toJson(TestCarts.guestCart(CartId.random())) + "\n";

        assertUnavailable(() -> lines.exportTo(new StringWriter()));
        assertUnavailable(() -> lines.importFrom(new StringReader(line)));
    }

    @Test
    void outboxDispatcher_databaseUnreachable_roundsAndQueriesProviderUnavailable() {
        OutboxDispatcher dispatcher = OutboxDispatcher.builder(jdbi, CartEventPublisher.NONE).build();

        assertUnavailable(dispatcher::dispatchOnce);
        assertUnavailable(dispatcher::lag);
        assertUnavailable(() -> dispatcher.purgeDispatchedBefore(TestCarts.T0));
    }

    @Test
    void schema_databaseUnreachable_migrateVersionAndDownProviderUnavailable() {
        CartFlowSchema schema = CartFlowSchema.of(dataSource, "cartflow");

        assertUnavailable(schema::migrate);
        assertUnavailable(schema::currentVersion);
        assertUnavailable(() -> schema.migrateDown(0));
    }

    private static dev.cartflow.model.Promotion limited() {
        return new dev.cartflow.model.Promotion("LIMITED", null, 10, dev.cartflow.model.Promotion.Stacking.STACKABLE,
                dev.cartflow.model.Promotion.Basis.RUNNING,
                dev.cartflow.model.Promotion.Target.all(dev.cartflow.model.Promotion.Scope.ITEMS),
                new dev.cartflow.model.Promotion.Action.Percent(dev.cartflow.model.Rate.parse("0.1")),
                dev.cartflow.model.Promotion.Conditions.NONE, null, 3, 1);
    }

    @Test
    void promotionUsage_databaseUnreachable_everyCallProviderUnavailable() {
        JdbiPromotionUsageStore store = JdbiPromotionUsageStore.create(jdbi);
        CartId cart = CartId.random();
        // a valid owner: the store checks its arguments before it touches the database
        dev.cartflow.model.CartOwner owner = new dev.cartflow.model.CartOwner.Customer(
                new dev.cartflow.model.CustomerId("unreachable"));

        assertUnavailable(() -> store.release(cart));
        assertUnavailable(() -> store.exhausted(List.of(limited()), cart, owner));
        assertUnavailable(() -> store.redeem(List.of(limited()), cart, owner));
    }
}
