package dev.cartflow.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.model.Cart;
import dev.cartflow.spi.CartRepository;
import dev.cartflow.spi.CartStorage;
import dev.cartflow.spi.CartWrite;
import dev.cartflow.tck.CartFixtures;
import dev.cartflow.tck.CartRepositoryContract;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cart-tck repository contract on {@link InMemoryCartRepository}. */
class InMemoryCartRepositoryContractTest extends CartRepositoryContract {
    @Override
    protected CartStorage newRepository() {
        return new InMemoryCartRepository();
    }

    @Test
    void find_anotherInstance_seesNothing() {
        CartRepository first = newRepository();
        Cart cart = CartFixtures.guestCart();
        first.save(CartWrite.of(cart, 0, List.of()));

        assertThat(first.find(cart.id())).contains(cart);
        assertThat(newRepository().find(cart.id())).isEmpty();
    }
}
