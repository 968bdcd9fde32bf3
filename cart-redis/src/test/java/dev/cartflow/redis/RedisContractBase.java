package dev.cartflow.redis;

import dev.cartflow.spi.CartStorage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.model.Cart;
import dev.cartflow.spi.CartRepository;
import dev.cartflow.spi.CartWrite;
import dev.cartflow.tck.CartFixtures;
import dev.cartflow.tck.CartRepositoryContract;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The repository contract for {@link RedisCartRepository} on one kind of connection, plus a check
 * that carts live in Redis, not in the instance: a second repository on the same prefix reads them.
 */
abstract class RedisContractBase extends CartRepositoryContract {
    /** The connection under test. */
    abstract CartRedisClient client();

    @Override
    protected CartStorage newRepository() {
        return RedisCartRepository.builder(client()).keyPrefix(TestRedis.freshPrefix()).build();
    }

    @Test
    void find_fromAnotherInstanceOnTheSamePrefix_seesTheStoredCart() {
        String prefix = TestRedis.freshPrefix();
        RedisCartRepository writer = RedisCartRepository.builder(client()).keyPrefix(prefix).build();
        RedisCartRepository reader = RedisCartRepository.builder(client()).keyPrefix(prefix).build();
        Cart cart = CartFixtures.addUnit(CartFixtures.guestCart(), "A");
        writer.save(CartWrite.of(cart.toBuilder().version(1).build(), 0, List.of()));

        assertThat(reader.find(cart.id())).map(Cart::lines).contains(cart.lines());
        assertThat(RedisCartRepository.builder(client()).keyPrefix(TestRedis.freshPrefix()).build().find(cart.id()))
                .isEmpty();
    }
}
