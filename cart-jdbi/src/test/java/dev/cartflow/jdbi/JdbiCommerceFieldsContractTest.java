package dev.cartflow.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.model.Cart;
import dev.cartflow.model.CartKind;
import dev.cartflow.model.CartOwner;
import dev.cartflow.model.CustomerId;
import dev.cartflow.spi.CartRepository;
import dev.cartflow.spi.CartWrite;
import dev.cartflow.spi.CustomerCarts;
import dev.cartflow.tck.CartCommerceFieldsContract;
import dev.cartflow.tck.CommerceCarts;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The contract on issue 11's cart content on PostgreSQL, and the V7 rows it leaves. */
class JdbiCommerceFieldsContractTest extends CartCommerceFieldsContract {
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

    @Test
    void create_repository_isCustomerCarts() {
        assertThat(newRepository()).isInstanceOf(CustomerCarts.class);
    }

    @Test
    void save_participantsRemovedInALaterVersion_rowsDeleted() {
        CartRepository repository = newRepository();
        Cart cart = new CommerceCarts(seed()).full(new CartOwner.Customer(new CustomerId("c-rows")), CartKind.SHOPPING);
        repository.save(CartWrite.of(cart, 0, List.of()));
        assertThat(participantRows()).isEqualTo(cart.participants().size());

        repository.save(CartWrite.of(cart.toBuilder().version(cart.version() + 1).participants(List.of()).build(),
                cart.version(), List.of()));

        assertThat(participantRows()).isZero();
    }

    @Test
    void save_frozenCart_figuresStoredAsPricedCartJson() {
        CartRepository repository = newRepository();
        Cart cart = new CommerceCarts(seed()).full(new CartOwner.Guest("f".repeat(64)), CartKind.SHOPPING);

        repository.save(CartWrite.of(cart, 0, List.of()));

        String figures = db.jdbi.withHandle(h -> h.createQuery("SELECT frozen_figures FROM carts")
                .mapTo(String.class).one());
        assertThat(figures).isEqualTo(dev.cartflow.core.codec.PricedCartCodec.write(cart.freeze().figures()));
    }

    private static long participantRows() {
        return db.jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM cart_participants").mapTo(Long.class).one());
    }
}
