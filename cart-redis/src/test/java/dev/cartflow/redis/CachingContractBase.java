package dev.cartflow.redis;

import dev.cartflow.spi.CartStorage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.core.memory.InMemoryCartRepository;
import dev.cartflow.model.Cart;
import dev.cartflow.spi.CartRepository;
import dev.cartflow.spi.CartWrite;
import dev.cartflow.tck.CartFixtures;
import dev.cartflow.tck.CartRepositoryContract;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The repository contract for one configuration of {@link CachingCartRepository} over an in-memory
 * delegate, plus a check that this configuration really answers reads from its cache (a cache
 * silently bypassed would pass the contract too).
 */
abstract class CachingContractBase extends CartRepositoryContract {
    private final List<CachingCartRepository> open = new ArrayList<>();

    /** The configuration under test, over {@code delegate}. */
    abstract CachingCartRepositoryBuilder configure(InMemoryCartRepository delegate);

    @Override
    protected CartStorage newRepository() {
        return build();
    }

    private CachingCartRepository build() {
        CachingCartRepository repo = configure(new InMemoryCartRepository()).keyPrefix(TestRedis.freshPrefix())
                .build();
        open.add(repo);
        return repo;
    }

    @AfterEach
    void closeRepositories() {
        open.forEach(CachingCartRepository::close);
    }

    @Test
    void find_afterSave_answeredFromCacheNotBypassed() {
        CachingCartRepository repo = build();
        Cart cart = CartFixtures.guestCart();
        repo.save(CartWrite.of(cart, 0, List.of()));

        assertThat(repo.find(cart.id())).contains(cart);
        assertThat(repo.find(cart.id())).contains(cart);

        CacheHealth health = repo.cacheHealth();
        assertThat(health.degraded()).isFalse();
        assertThat(health.bypassed()).isZero();
        assertThat(health.hits()).isGreaterThanOrEqualTo(2);
        assertThat(health.misses()).isZero();
    }
}
