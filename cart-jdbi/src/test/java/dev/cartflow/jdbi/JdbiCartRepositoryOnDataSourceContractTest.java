package dev.cartflow.jdbi;

import dev.cartflow.spi.CartStorage;

/**
 * The cart-tck repository contract on PostgreSQL, and the tests of {@link JdbiCartRepositoryContractTest},
 * with the hot statements on the pool directly ({@code dataSource}).
 */
class JdbiCartRepositoryOnDataSourceContractTest extends JdbiCartRepositoryContractTest {
    @Override
    protected CartStorage newRepository() {
        db.truncate();
        return JdbiCartRepository.builder(db.jdbi).dataSource(db.dataSource).build();
    }
}
