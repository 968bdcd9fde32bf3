package dev.cartflow.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.CartId;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.spi.CartWrite;
import dev.cartflow.spi.IdempotencyRecord;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

class FaultsTest {

    @Test
    void save_connectionKilledMidTransaction_leavesOldCartAndRepositoryUsable() throws Exception {
        try (PostgresFixture db = PostgresFixture.create(4)) {
            JdbiCartRepository repository = JdbiCartRepository.create(db.jdbi);
            Cart v1 = TestCarts.guestCart(CartId.random());
            repository.save(TestCarts.create(v1));
            CartWrite second = TestCarts.addLine(v1, "held", 3);
            CartWrite held = new CartWrite(second.cart(), 1, second.events(),
                    new IdempotencyRecord("held-key", "fp", "r", TestCarts.T0.plusSeconds(600)));

            try (Connection blocker = TestDatabase.connect(); Connection admin = TestDatabase.connect()) {
                // another session holds the idempotency key uncommitted: the save writes the cart, its
                // lines and its events, then waits on that key with its transaction open
                blocker.setAutoCommit(false);
                int blockerPid;
                try (Statement s = blocker.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
                    rs.next();
                    blockerPid = rs.getInt(1);
                }
                try (Statement s = blocker.createStatement()) {
                    s.execute("INSERT INTO " + db.schema + ".idempotency_keys VALUES "
                            + "('held-key', 'x', 'x', now() + interval '1 hour')");
                }
                CompletableFuture<Void> save = CompletableFuture.runAsync(() -> repository.save(held));
                int pid = waitForBlocked(admin, blockerPid);
                try (PreparedStatement kill = admin.prepareStatement("SELECT pg_terminate_backend(?)")) {
                    kill.setInt(1, pid);
                    kill.execute();
                }
                assertThatThrownBy(() -> save.get(10, TimeUnit.SECONDS))
                        .hasCauseInstanceOf(CartException.class)
                        .cause()
                        .satisfies(e -> assertThat(((CartException) e).code())
                                .isEqualTo(CartErrorCode.PROVIDER_UNAVAILABLE));
                blocker.rollback();
            }

            assertThat(repository.find(v1.id())).contains(v1);
            assertThat(repository.eventsSince(v1.id(), 0)).extracting(CartEvent::sequence).containsExactly(1L);
            assertThat(repository.findIdempotency("held-key", TestCarts.T0)).isEmpty();
            repository.save(held);
            assertThat(repository.find(v1.id())).contains(held.cart());
        }
    }

    /** The pid of the backend waiting for a lock held by {@code blockerPid}. */
    private static int waitForBlocked(Connection admin, int blockerPid) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            try (PreparedStatement s = admin.prepareStatement(
                    "SELECT pid FROM pg_stat_activity WHERE ? = ANY(pg_blocking_pids(pid))")) {
                s.setInt(1, blockerPid);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        return rs.getInt(1);
                    }
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the save never blocked");
    }

    @Test
    void operations_databaseStoppedAndRestarted_failAsUnavailableThenWorkWithNothingLost() throws Exception {
        File dataDir = new File(System.getProperty("java.io.tmpdir"), "pg-restart-" + ProcessHandle.current().pid());
        deleteRecursively(dataDir);
        // not cleaned on close, so that the server can be started again on the same data
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(dataDir)
                .setCleanDataDirectory(false).start();
        int port = postgres.getPort();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setMaximumPoolSize(2);
        config.setConnectionTimeout(1_000);
        config.setValidationTimeout(500);
        try (HikariDataSource ds = new HikariDataSource(config)) {
            CartFlowSchema.of(ds).migrate();
            JdbiCartRepository repository = JdbiCartRepository.create(Jdbi.create(ds));
            List<Cart> acknowledged = new ArrayList<>();
            Cart cart = TestCarts.guestCart(CartId.random());
            repository.save(TestCarts.create(cart));
            for (int i = 0; i < 5; i++) {
                CartWrite w = TestCarts.addLine(cart, "s" + i, 1);
                repository.save(w);
                cart = w.cart();
            }
            acknowledged.add(cart);

            postgres.close();
            Cart current = cart;
            assertUnavailable(() -> repository.find(current.id()));
            assertUnavailable(() -> repository.save(TestCarts.addLine(current, "down", 1)));
            assertUnavailable(() -> repository.eventsSince(current.id(), 0));

            postgres = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false)
                    .setPort(port).start();
            assertThat(repository.find(cart.id())).contains(acknowledged.get(0));
            assertThat(repository.eventsSince(cart.id(), 0)).hasSize(6);
            CartWrite after = TestCarts.addLine(cart, "up", 1);
            repository.save(after);
            assertThat(repository.find(cart.id())).contains(after.cart());
        } finally {
            postgres.close();
            deleteRecursively(dataDir);
        }
    }

    private static void deleteRecursively(File file) {
        File[] children = file.listFiles();
        if (children != null) {
            for (File child : children) {
                deleteRecursively(child);
            }
        }
        file.delete();
    }

    private static void assertUnavailable(Runnable operation) {
        assertThatThrownBy(operation::run).isInstanceOfSatisfying(CartException.class,
                e -> assertThat(e.code()).isEqualTo(CartErrorCode.PROVIDER_UNAVAILABLE));
    }
}
