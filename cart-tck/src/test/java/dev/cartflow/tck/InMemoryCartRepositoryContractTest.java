package dev.cartflow.tck;

import dev.cartflow.spi.CartStorage;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.cartflow.core.memory.InMemoryCartRepository;
import dev.cartflow.spi.CartRepository;

class InMemoryCartRepositoryContractTest extends CartRepositoryContract {
    @Override
    protected CartStorage newRepository() {
        return new InMemoryCartRepository();
    }

    @Test
    void find_anotherInstance_seesNothing() {
        CartRepository first = newRepository();
        dev.cartflow.model.Cart cart = CartFixtures.guestCart();
        first.save(dev.cartflow.spi.CartWrite.of(cart, 0, java.util.List.of()));

        assertThat(first.find(cart.id())).contains(cart);
        assertThat(newRepository().find(cart.id())).isEmpty();
    }
}
