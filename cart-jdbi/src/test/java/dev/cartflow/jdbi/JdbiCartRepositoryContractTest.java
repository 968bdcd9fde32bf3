package dev.cartflow.jdbi;

import dev.cartflow.spi.CartRepository;
import dev.cartflow.tck.CartRepositoryContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The cart-tck repository contract on PostgreSQL. */
class JdbiCartRepositoryContractTest extends CartRepositoryContract {
    private static PostgresFixture db;

    @BeforeAll
    static void start() {
        db = PostgresFixture.create(17);
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Override
    protected CartRepository newRepository() {
        db.truncate();
        return JdbiCartRepository.create(db.jdbi);
    }
}
