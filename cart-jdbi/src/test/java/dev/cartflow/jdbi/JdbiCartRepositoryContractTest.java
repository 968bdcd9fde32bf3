package dev.cartflow.jdbi;

import dev.cartflow.spi.CartStorage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.model.Cart;
import dev.cartflow.spi.CartRepository;
import dev.cartflow.spi.CartWrite;
import dev.cartflow.tck.CartFixtures;
import dev.cartflow.tck.CartRepositoryContract;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The cart-tck repository contract on PostgreSQL. */
class JdbiCartRepositoryContractTest extends CartRepositoryContract {
    static PostgresFixture db;

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
        return JdbiCartRepository.create(db.jdbi);
    }

    @Test
    void find_throughAnotherRepositoryInstance_readsWhatWasStoredInTheDatabase() {
        CartRepository writer = newRepository();
        Cart cart = CartFixtures.addUnit(CartFixtures.guestCart(), "A").toBuilder().version(1).build();
        writer.save(CartWrite.of(cart, 0, List.of()));

        CartRepository reader = JdbiCartRepository.create(db.jdbi);
        assertThat(reader.find(cart.id())).contains(cart);
        long rows = db.jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM carts").mapTo(Long.class).one());
        assertThat(rows).isEqualTo(1L);
    }
}
