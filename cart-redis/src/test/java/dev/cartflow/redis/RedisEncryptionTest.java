package dev.cartflow.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.core.CartCommand;
import dev.cartflow.core.CartEngine;
import dev.cartflow.core.CreatedCart;
import dev.cartflow.core.Mutation;
import dev.cartflow.core.NewCart;
import dev.cartflow.core.crypto.EncryptingCartRepository;
import dev.cartflow.core.crypto.EncryptionSettings;
import dev.cartflow.core.crypto.InMemoryKeyProvider;
import dev.cartflow.core.memory.InMemoryCatalog;
import dev.cartflow.core.memory.InMemoryPricing;
import dev.cartflow.model.Cart;
import dev.cartflow.model.Money;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.Product;
import dev.cartflow.model.Rate;
import dev.cartflow.model.Sku;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.Currency;
import org.junit.jupiter.api.Test;

/** Encryption at rest over the Redis repository: no stored value holds the plaintext of an encrypted field. */
class RedisEncryptionTest {
    private static final String EMAIL = "katherine.johnson@example.com";

    /** Every value under a prefix, whatever its type, as one text. */
    private static String everyValue(String prefix) {
        RedisClient client = RedisClient.create(TestRedis.url());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            RedisCommands<String, String> redis = connection.sync();
            StringBuilder all = new StringBuilder();
            for (String key : redis.keys(prefix + "*")) {
                switch (redis.type(key)) {
                    case "string" -> all.append(redis.get(key));
                    case "hash" -> all.append(redis.hgetall(key));
                    case "zset" -> all.append(redis.zrange(key, 0, -1));
                    case "set" -> all.append(redis.smembers(key));
                    case "list" -> all.append(redis.lrange(key, 0, -1));
                    default -> all.append(key);
                }
                all.append('\n');
            }
            return all.toString();
        } finally {
            client.shutdown();
        }
    }

    @Test
    void setMetadata_overRedisRepository_storedValuesHoldNoPlaintextAndReadBack() {
        String prefix = TestRedis.freshPrefix();
        InMemoryCatalog catalog = new InMemoryCatalog();
        catalog.put(Product.builder(Sku.of("A")).build());
        InMemoryPricing pricing = new InMemoryPricing();
        pricing.put(PriceQuote.of(Sku.of("A"), Money.parse("9.99", Currency.getInstance("EUR")), Rate.parse("0.19")));
        CartEngine engine = CartEngine.builder().catalog(catalog).pricing(pricing)
                .repository(EncryptingCartRepository.wrap(
                        RedisCartRepository.builder(TestRedis.client()).keyPrefix(prefix).build(),
                        EncryptionSettings.builder()
                                .keys(InMemoryKeyProvider.builder().key("r1", new byte[32]).build())
                                .metadataFields("email").build()))
                .build();
        CreatedCart cart = engine.createGuestCart(NewCart.of("EUR", "DE"));

        Cart changed = engine.execute(cart.actor(), cart.cart().id(),
                new CartCommand.SetMetadata("{\"email\":\"" + EMAIL + "\"}"), Mutation.idempotent("k-1"));

        String stored = everyValue(prefix);
        assertThat(stored).contains("cfenc:1:r1:").doesNotContain(EMAIL).doesNotContain("katherine");
        assertThat(engine.get(cart.actor(), cart.cart().id())).isEqualTo(changed);
        assertThat(changed.metadata()).contains(EMAIL);
    }

    private static CartEngine engine(String prefix, String... keyIds) {
        InMemoryCatalog catalog = new InMemoryCatalog();
        catalog.put(Product.builder(Sku.of("A")).build());
        InMemoryPricing pricing = new InMemoryPricing();
        pricing.put(PriceQuote.of(Sku.of("A"), Money.parse("9.99", Currency.getInstance("EUR")), Rate.parse("0.19")));
        InMemoryKeyProvider.Builder keys = InMemoryKeyProvider.builder();
        for (String id : keyIds) {
            byte[] key = new byte[32];
            java.util.Arrays.fill(key, (byte) id.hashCode());
            keys.key(id, key);
        }
        return CartEngine.builder().catalog(catalog).pricing(pricing)
                .repository(EncryptingCartRepository.wrap(
                        RedisCartRepository.builder(TestRedis.client()).keyPrefix(prefix).build(),
                        EncryptionSettings.builder().keys(keys.build()).metadataFields("email").build()))
                .build();
    }

    @Test
    void rotateKeys_overRedisRepository_everyCartUnderTheCurrentKeyAndStillReadable() {
        String prefix = TestRedis.freshPrefix();
        CartEngine old = engine(prefix, "k1");
        java.util.List<CreatedCart> carts = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            CreatedCart cart = old.createGuestCart(NewCart.of("EUR", "DE"));
            old.execute(cart.actor(), cart.cart().id(), new CartCommand.SetMetadata("{\"email\":\"" + EMAIL + "\"}"),
                    Mutation.none());
            carts.add(cart);
        }

        assertThat(engine(prefix, "k1", "k2").maintenance().rotateKeys(2)).isEqualTo(5);

        String stored = everyValue(prefix);
        assertThat(stored).contains("cfenc:1:k2:").doesNotContain("cfenc:1:k1:").doesNotContain(EMAIL);
        CartEngine onlyNew = engine(prefix, "k2");
        for (CreatedCart cart : carts) {
            assertThat(onlyNew.get(cart.actor(), cart.cart().id()).metadata()).contains(EMAIL);
        }
        assertThat(engine(prefix, "k2").maintenance().rotateKeys(2)).isZero();
    }
}
