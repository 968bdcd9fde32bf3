package dev.cartflow.jdbi;

import com.zaxxer.hikari.HikariDataSource;
import org.jdbi.v3.core.Jdbi;

/** One schema with the CartFlow tables, a pool on it and a {@link Jdbi}; closed by the test class. */
final class PostgresFixture implements AutoCloseable {
    final String schema;
    final HikariDataSource dataSource;
    final Jdbi jdbi;

    private PostgresFixture(String schema, int poolSize) {
        this.schema = schema;
        this.dataSource = TestDatabase.pool(schema, poolSize);
        CartFlowSchema.of(dataSource, schema).migrate();
        this.jdbi = Jdbi.create(dataSource);
    }

    static PostgresFixture create(int poolSize) {
        return new PostgresFixture(TestDatabase.newSchema(), poolSize);
    }

    /** Runs a query returning one number (test SQL only). */
    long count(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    void truncate() {
        TestDatabase.truncate(schema);
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
