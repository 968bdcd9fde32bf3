package dev.cartflow.redis;

import dev.cartflow.core.memory.InMemoryPromotionUsageStore;
import dev.cartflow.scenarios.CustomerDataContract;
import dev.cartflow.spi.CartRepository;
import dev.cartflow.spi.PromotionUsageStore;
import java.util.ArrayList;
import java.util.List;

/**
 * Erasure, export and retention over {@link RedisCartRepository} (redemptions in memory: Redis has
 * no usage store). The stored text is every key under the test's prefix with all its values.
 */
class RedisCustomerDataTest extends CustomerDataContract {
    private String prefix;
    private InMemoryPromotionUsageStore usage;

    @Override
    protected CartRepository newRepository() {
        prefix = TestRedis.freshPrefix();
        return RedisCartRepository.builder(TestRedis.client()).keyPrefix(prefix).build();
    }

    @Override
    protected PromotionUsageStore newUsageStore() {
        usage = new InMemoryPromotionUsageStore();
        return usage;
    }

    @Override
    protected List<String> storedText() {
        List<String> text = new ArrayList<>(RedisStoredText.under(TestRedis.client(), prefix));
        text.addAll(RedisStoredText.inMemory(usage));
        return text;
    }
}
