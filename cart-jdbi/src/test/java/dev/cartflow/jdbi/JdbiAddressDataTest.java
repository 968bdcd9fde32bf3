package dev.cartflow.jdbi;

import dev.cartflow.spi.CartRepository;
import dev.cartflow.tck.AddressPersonalDataContract;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The address as personal data on PostgreSQL: every row of every table is searched after erasure. */
class JdbiAddressDataTest extends AddressPersonalDataContract {
    private static PostgresFixture db;

    @BeforeAll
    static void start() {
        db = PostgresFixture.create(2);
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
    protected List<String> storedText() {
        return db.jdbi.withHandle(h -> {
            List<String> tables = h.createQuery("""
                            SELECT table_name FROM information_schema.tables
                             WHERE table_schema = :schema AND table_type = 'BASE TABLE' ORDER BY table_name""")
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
}
