package dev.cartflow.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.model.Cart;
import dev.cartflow.spi.CartStorage;
import dev.cartflow.spi.CartWrite;
import dev.cartflow.tck.CartFixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

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

    @Test
    void save_onThePool_isWhatARepositoryOnJdbiHandlesReads() {
        CartStorage direct = newRepository();
        Cart cart = CartFixtures.addUnit(CartFixtures.guestCart(), "A");
        direct.save(CartWrite.of(cart, 0, List.of()));
        Cart next = CartFixtures.addUnit(cart, "B").toBuilder().version(cart.version() + 1).build();
        direct.save(CartWrite.of(next, cart.version(), List.of()));

        assertThat(JdbiCartRepository.create(db.jdbi).find(cart.id())).contains(next);
        assertThat(db.count("SELECT count(*) FROM cart_lines")).isEqualTo(next.lines().size());
    }
}
