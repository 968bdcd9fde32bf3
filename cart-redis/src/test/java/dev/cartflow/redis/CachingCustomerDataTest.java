package dev.cartflow.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.core.memory.InMemoryCartRepository;
import dev.cartflow.core.memory.InMemoryPromotionUsageStore;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartOwner;
import dev.cartflow.model.CustomerId;
import dev.cartflow.scenarios.CustomerDataContract;
import dev.cartflow.spi.CartRepository;
import dev.cartflow.spi.CartWrite;
import dev.cartflow.spi.PromotionUsageStore;
import dev.cartflow.tck.CartFixtures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Erasure, export and retention through {@link CachingCartRepository} with a near cache over an
 * in-memory delegate; the stored text is the Redis keys under the prefix and the delegate's maps.
 * And the cross-instance part: an erasure through one instance leaves no copy in another's near cache.
 */
class CachingCustomerDataTest extends CustomerDataContract {
    private final List<CachingCartRepository> open = new ArrayList<>();
    private String prefix;
    private InMemoryCartRepository delegate;
    private InMemoryPromotionUsageStore usage;

    @Override
    protected CartRepository newRepository() {
        prefix = TestRedis.freshPrefix();
        delegate = new InMemoryCartRepository();
        return cache(delegate, prefix);
    }

    private CachingCartRepository cache(InMemoryCartRepository store, String keyPrefix) {
        CachingCartRepository repo = CachingCartRepository.builder(store, TestRedis.client()).keyPrefix(keyPrefix)
                .nearCache(100, Duration.ofMinutes(5)).trackSkus(true).build();
        open.add(repo);
        return repo;
    }

    @AfterEach
    void closeRepositories() {
        open.forEach(CachingCartRepository::close);
    }

    @Override
    protected PromotionUsageStore newUsageStore() {
        usage = new InMemoryPromotionUsageStore();
        return usage;
    }

    @Override
    protected List<String> storedText() {
        List<String> text = new ArrayList<>(RedisStoredText.under(TestRedis.client(), prefix));
        text.addAll(RedisStoredText.inMemory(delegate));
        text.addAll(RedisStoredText.inMemory(usage));
        return text;
    }

    @Test
    void eraseCustomer_cartInAnotherInstancesNearCache_noInstanceReadsItAfterwards() throws Exception {
        String shared = TestRedis.freshPrefix();
        InMemoryCartRepository store = new InMemoryCartRepository();
        CachingCartRepository first = cache(store, shared);
        CachingCartRepository second = cache(store, shared);
        CustomerId customer = new CustomerId("near-cache-customer");
        Cart cart = CartFixtures.addUnit(CartFixtures.guestCart().toBuilder()
                .owner(new CartOwner.Customer(customer)).build(), "A").toBuilder().version(1).build();
        first.save(CartWrite.of(cart, 0, List.of()));
        assertThat(second.find(cart.id())).contains(cart);
        assertThat(second.find(cart.id())).as("now held in the second instance's near cache").contains(cart);

        Map<String, Integer> counts = first.eraseCustomer(customer, "subject");

        assertThat(counts).containsEntry("cart", 1);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (second.find(cart.id()).isPresent() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(second.find(cart.id())).isEmpty();
        assertThat(first.find(cart.id())).isEmpty();
        assertThat(String.join("\n", RedisStoredText.under(TestRedis.client(), shared)))
                .doesNotContain(customer.value());
    }
}
