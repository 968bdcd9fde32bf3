package dev.cartflow.jdbi;

import dev.cartflow.scenarios.CustomerDataContract;
import dev.cartflow.spi.CartRepository;
import dev.cartflow.spi.PromotionUsageStore;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Erasure, export and retention over {@link JdbiCartRepository} and {@link JdbiPromotionUsageStore}
 * on PostgreSQL. The stored text is every row of every table of the schema, as PostgreSQL prints it.
 */
class JdbiCustomerDataTest extends CustomerDataContract {
    private static PostgresFixture db;

    @BeforeAll
    static void start() {
        db = PostgresFixture.create(4);
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

    @Override
    protected PromotionUsageStore newUsageStore() {
        return JdbiPromotionUsageStore.create(db.jdbi);
    }

    @Override
    protected List<String> storedText() {
        return db.jdbi.withHandle(h -> {
            List<String> tables = h.createQuery("""
                            SELECT table_name FROM information_schema.tables
                             WHERE table_schema = :schema AND table_type = 'BASE TABLE'
                               AND table_name <> 'cartflow_schema_history' ORDER BY table_name""")
                    .bind("schema", db.schema)
                    .mapTo(String.class)
                    .list();
            List<String> rows = new ArrayList<>();
            for (String table : tables) {
                h.createQuery("SELECT t::text FROM \"" + db.schema + "\".\"" + table + "\" t")
                        .mapTo(String.class)
                        .forEach(row -> rows.add(table + ": " + row));
            }
            return rows;
        });
    }

    @Override
    protected void deliverEvents() {
        db.jdbi.useHandle(h -> h.execute("UPDATE outbox SET dispatched_at = now() WHERE dispatched_at IS NULL"));
    }

    @Override
    protected boolean hasOutbox() {
        return true;
    }
}
