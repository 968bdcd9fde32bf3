package dev.cartflow.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.model.Cart;
import dev.cartflow.model.CartKind;
import dev.cartflow.model.CartOwner;
import dev.cartflow.model.CustomerId;
import dev.cartflow.spi.CartRepository;
import dev.cartflow.spi.CartWrite;
import dev.cartflow.tck.CartCommerceFieldsContract;
import dev.cartflow.tck.CommerceCarts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The contract on issue 11's cart content through {@link CachingCartRepository} (with a near cache)
 * over {@link RedisCartRepository}, both on the real Redis under different prefixes, and a check that
 * a cart read back from the cache entry, not only from the store, keeps every field.
 */
class CachingCommerceFieldsContractTest extends CartCommerceFieldsContract {
    private final List<CachingCartRepository> open = new ArrayList<>();

    @Override
    protected CartRepository newRepository() {
        return cache(TestRedis.freshPrefix());
    }

    private CachingCartRepository cache(String prefix) {
        RedisCartRepository store = RedisCartRepository.builder(TestRedis.client()).keyPrefix(prefix + "-store").build();
        CachingCartRepository repo = CachingCartRepository.builder(store, TestRedis.client()).keyPrefix(prefix)
                .nearCache(100, Duration.ofMinutes(5)).build();
        open.add(repo);
        return repo;
    }

    @AfterEach
    void closeRepositories() {
        open.forEach(CachingCartRepository::close);
    }

    @Test
    void find_fromAnotherInstanceCacheEntry_keepsEveryNewField() {
        String prefix = TestRedis.freshPrefix();
        CachingCartRepository writer = cache(prefix);
        Cart cart = new CommerceCarts(seed()).full(new CartOwner.Customer(new CustomerId("c-cache")),
                CartKind.WISH_LIST);
        writer.save(CartWrite.of(cart, 0, List.of()));
        CachingCartRepository reader = cache(prefix);

        assertThat(reader.find(cart.id())).contains(cart);
        assertThat(reader.cacheHealth().hits()).isEqualTo(1);
    }
}
