package dev.cartflow.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.core.CartEngine;
import dev.cartflow.core.hostile.HostileEngineRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generated hostile-input suite on PostgreSQL: the engine over {@link JdbiCartRepository} and
 * {@link JdbiPromotionUsageStore}, each stored cart read back through a second repository before
 * and after every call. Fewer calls than in memory, so that it stays under about 20 seconds.
 */
class HostileEngineInputTest {
    private static final String[] TABLES = {"carts", "cart_lines", "cart_codes", "outbox", "promotion_redemptions",
            "idempotency_keys"};
    private static PostgresFixture db;

    @BeforeAll
    static void start() {
        db = PostgresFixture.create(4);
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    /** A digest of every row CartFlow stores, so that "changes no stored row" is checked literally. */
    private String everyRow() {
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < TABLES.length; i++) {
            sql.append(i == 0 ? "" : " || ' ' || ").append("(SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' "
                    + "ORDER BY t::text)), '') FROM ").append(TABLES[i]).append(" t)");
        }
        return db.jdbi.withHandle(h -> h.createQuery(sql.toString()).mapTo(String.class).one());
    }

    @Test
    void everyEntryPoint_hostileInput_onlyCartExceptionAndRejectedCallsChangeNoRow() {
        JdbiCartRepository repository = JdbiCartRepository.create(db.jdbi);
        JdbiCartRepository reader = JdbiCartRepository.create(db.jdbi);
        long start = System.nanoTime();
        String summary = HostileEngineRun.run(CartEngine.builder().repository(repository)
                .promotionUsage(JdbiPromotionUsageStore.create(db.jdbi)), reader::find, this::everyRow, 1_500);
        System.out.println(summary + " in " + (System.nanoTime() - start) / 1_000_000 + " ms");
        assertThat(summary).contains("calls=");
    }
}
