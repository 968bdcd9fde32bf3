package dev.cartflow.redis;

import dev.cartflow.spi.CartRepository;
import dev.cartflow.tck.AddressPersonalDataContract;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/**
 * The address as personal data through {@link CachingCartRepository} (near cache on) over
 * {@link RedisCartRepository}: the cache's keys and the store's keys are searched after erasure.
 */
class CachingAddressDataTest extends AddressPersonalDataContract {
    private final List<CachingCartRepository> open = new ArrayList<>();
    private String prefix;

    @Override
    protected CartRepository newRepository() {
        prefix = TestRedis.freshPrefix();
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

    @Override
    protected List<String> storedText() {
        List<String> text = new ArrayList<>(RedisStoredText.under(TestRedis.client(), prefix));
        text.addAll(RedisStoredText.under(TestRedis.client(), prefix + "-store"));
        return text;
    }
}
