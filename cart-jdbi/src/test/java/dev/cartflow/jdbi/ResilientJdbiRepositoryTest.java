package dev.cartflow.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.core.resilience.ProviderPolicy;
import dev.cartflow.core.resilience.Resilience;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.CartId;
import dev.cartflow.spi.CartRepository;
import dev.cartflow.spi.CartStorage;
import dev.cartflow.tck.CartRepositoryContract;
import dev.failsafe.CircuitBreakerOpenException;
import java.net.ServerSocket;
import java.time.Duration;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * cart-core's resilience decorator over the PostgreSQL repository: still a correct repository (the
 * cart-tck contract on a real database), and against a database that does not answer, its reads
 * fail with {@code PROVIDER_UNAVAILABLE} until the breaker opens and stops asking it.
 */
class ResilientJdbiRepositoryTest {
    private static PostgresFixture db;

    @BeforeAll
    static void start() {
        db = PostgresFixture.create(17);
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Nested
    class Contract extends CartRepositoryContract {
        @Override
        protected CartRepository newRepository() {
            db.truncate();
            return Resilience.storage(JdbiCartRepository.create(db.jdbi), ProviderPolicy.builder()
                    .timeout(Duration.ofSeconds(10)).build());
        }
    }

    @Test
    void guardedRepository_databaseUnreachable_unavailableThenTheBreakerOpens() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        PGSimpleDataSource unreachable = new PGSimpleDataSource();
        unreachable.setUrl("jdbc:postgresql://127.0.0.1:" + port + "/cartflow");
        unreachable.setUser("nobody");
        unreachable.setConnectTimeout(1);
        CartStorage store = Resilience.storage(JdbiCartRepository.create(Jdbi.create(unreachable)),
                ProviderPolicy.builder().timeout(Duration.ofSeconds(10)).retries(1)
                        .backoff(Duration.ofMillis(5), Duration.ofMillis(10)).breaker(2, 2).build());
        CartId id = CartId.random();
        CartException first = failure(() -> store.find(id));
        assertThat(first).isExactlyInstanceOf(CartException.class);
        assertThat(first.code()).isEqualTo(CartErrorCode.PROVIDER_UNAVAILABLE);
        CartException open = failure(() -> store.find(id));
        assertThat(open.code()).isEqualTo(CartErrorCode.PROVIDER_UNAVAILABLE);
        assertThat(open.getCause()).isInstanceOf(CircuitBreakerOpenException.class);
    }

    private static CartException failure(Runnable call) {
        try {
            call.run();
        } catch (CartException e) {
            return e;
        }
        throw new AssertionError("expected a CartException");
    }
}
