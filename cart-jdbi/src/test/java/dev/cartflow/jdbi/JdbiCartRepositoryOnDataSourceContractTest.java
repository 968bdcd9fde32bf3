package dev.cartflow.jdbi;

import dev.cartflow.spi.CartStorage;
import dev.cartflow.tck.CartRepositoryContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The cart-tck repository contract on PostgreSQL, with the hot statements on the pool directly ({@code dataSource}). */
class JdbiCartRepositoryOnDataSourceContractTest extends CartRepositoryContract {
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
    protected CartStorage newRepository() {
        db.truncate();
        return JdbiCartRepository.builder(db.jdbi).dataSource(db.dataSource).build();
    }
}
