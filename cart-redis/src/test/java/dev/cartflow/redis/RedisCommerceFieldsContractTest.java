package dev.cartflow.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.spi.CartRepository;
import dev.cartflow.spi.CustomerCarts;
import dev.cartflow.tck.CartCommerceFieldsContract;
import org.junit.jupiter.api.Test;

/** The contract on issue 11's cart content on {@link RedisCartRepository}, a real standalone Redis. */
class RedisCommerceFieldsContractTest extends CartCommerceFieldsContract {
    @Override
    protected CartRepository newRepository() {
        return RedisCartRepository.builder(TestRedis.client()).keyPrefix(TestRedis.freshPrefix()).build();
    }

    @Test
    void build_repository_isCustomerCarts() {
        assertThat(newRepository()).isInstanceOf(CustomerCarts.class);
    }
}
