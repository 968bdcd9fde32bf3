package dev.cartflow.jdbi;

import dev.cartflow.scenarios.EngineOverRepositoryContract;
import dev.cartflow.spi.CartRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The engine over {@link JdbiCartRepository} on PostgreSQL. */
class JdbiEngineOverRepositoryTest extends EngineOverRepositoryContract {
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

    /** A restarted instance: a new repository on the same database. */
    @Override
    protected CartRepository reopen(CartRepository repository) {
        return JdbiCartRepository.create(db.jdbi);
    }
}
