package dev.cartflow.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Cart;
import dev.cartflow.spi.CartWrite;
import dev.cartflow.spi.IdempotencyRecord;
import dev.cartflow.tck.CartFixtures;
import java.sql.Connection;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The repository's hot statements on a pool given with {@code dataSource}, where JDBI does not manage the transaction. */
class DirectConnectionsTest {
    private static PostgresFixture db;
    private static HikariDataSource manualCommit;

    @BeforeAll
    static void start() {
        db = PostgresFixture.create(2);
        com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
        config.setJdbcUrl(TestDatabase.url());
        config.setMaximumPoolSize(1);
        config.setAutoCommit(false);
        config.addDataSourceProperty("currentSchema", db.schema);
        manualCommit = new HikariDataSource(config);
    }

    @AfterAll
    static void stop() {
        manualCommit.close();
        db.close();
    }

    @BeforeEach
    void empty() {
        db.truncate();
    }

    @Test
    void save_onAPoolWithoutAutocommit_isCommitted() {
        JdbiCartRepository repository = JdbiCartRepository.builder(Jdbi.create(manualCommit))
                .dataSource(manualCommit).build();
        Cart cart = CartFixtures.addUnit(CartFixtures.guestCart(), "A");

        repository.save(CartWrite.of(cart, 0, List.of()));

        assertThat(JdbiCartRepository.create(db.jdbi).find(cart.id())).contains(cart);
        assertThat(repository.find(cart.id())).contains(cart);
    }

    @Test
    void save_whoseKeyIsLive_rollsBackTheCartAndReturnsTheConnectionInAutocommit() throws Exception {
        JdbiCartRepository repository = JdbiCartRepository.builder(db.jdbi).dataSource(db.dataSource).build();
        Cart first = CartFixtures.guestCart();
        Cart second = CartFixtures.guestCart();
        IdempotencyRecord record = new IdempotencyRecord("key-1", "fp", "{}", first.updatedAt().plusSeconds(3600));
        repository.save(new CartWrite(first, 0, List.of(), record));

        assertThatThrownBy(() -> repository.save(new CartWrite(second, 0, List.of(), record)))
                .isInstanceOfSatisfying(CartException.class,
                        e -> assertThat(e.code()).isEqualTo(CartErrorCode.VERSION_CONFLICT));

        assertThat(repository.find(second.id())).isEmpty();
        assertThat(db.count("SELECT count(*) FROM carts")).isEqualTo(1L);
        for (int i = 0; i < 2; i++) {
            try (Connection c = db.dataSource.getConnection()) {
                assertThat(c.getAutoCommit()).isTrue();
            }
        }
    }

    @Test
    void find_onAClosedPool_isProviderUnavailable() {
        HikariDataSource pool = TestDatabase.pool(db.schema, 1);
        JdbiCartRepository repository = JdbiCartRepository.builder(Jdbi.create(pool)).dataSource(pool).build();
        pool.close();

        assertThatThrownBy(() -> repository.find(CartFixtures.guestCart().id()))
                .isInstanceOfSatisfying(CartException.class,
                        e -> assertThat(e.code()).isEqualTo(CartErrorCode.PROVIDER_UNAVAILABLE));
    }
}
