package dev.cartflow.jdbi;

import dev.cartflow.spi.PromotionUsageStore;
import dev.cartflow.tck.PromotionUsageStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The cart-tck usage contract on {@link JdbiPromotionUsageStore} and PostgreSQL. */
class JdbiPromotionUsageStoreContractTest extends PromotionUsageStoreContract {
    private static PostgresFixture db;

    @BeforeAll
    static void start() {
        db = PostgresFixture.create(8);
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Override
    protected PromotionUsageStore newStore() {
        db.truncate();
        return JdbiPromotionUsageStore.create(db.jdbi);
    }
}
