package dev.cartflow.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.core.crypto.EncryptingCartRepository;
import dev.cartflow.core.crypto.EncryptionSettings;
import dev.cartflow.core.crypto.InMemoryKeyProvider;
import dev.cartflow.model.Cart;
import dev.cartflow.model.ShippingAddress;
import dev.cartflow.spi.CartRepository;
import dev.cartflow.spi.CartWrite;
import dev.cartflow.spi.KeyProvider;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Key rotation through the engine covers the sealed shipping address. */
class CartEngineAddressRotationTest {
    private static final ShippingAddress ADDRESS = new ShippingAddress("ON", "M5V 2T6", "Toronto",
            List.of("290 Bremner Blvd"));
    private final TestWorld world = new TestWorld();

    private static KeyProvider keys(String... ids) {
        InMemoryKeyProvider.Builder b = InMemoryKeyProvider.builder();
        for (String id : ids) {
            byte[] key = new byte[32];
            Arrays.fill(key, (byte) id.hashCode());
            b.key(id, key);
        }
        return b.build();
    }

    private CartRepository encrypting(KeyProvider keys) {
        return EncryptingCartRepository.wrap(world.repository, EncryptionSettings.builder().keys(keys).build());
    }

    private CartEngine engine(KeyProvider keys) {
        return world.builder().repository(encrypting(keys)).build();
    }

    @Test
    void rotateKeys_cartWithASealedAddress_resealedUnderTheCurrentKeyAndReadBack() {
        CreatedCart created = engine(keys("k1")).createGuestCart(NewCart.of("EUR", "DE"));
        CartRepository old = encrypting(keys("k1"));
        Cart stored = old.find(created.cart().id()).orElseThrow();
        Cart withAddress = stored.toBuilder().shippingAddress(ADDRESS).version(stored.version() + 1).build();
        old.save(CartWrite.of(withAddress, stored.version(), List.of()));

        int rotated = engine(keys("k1", "k2")).maintenance().rotateKeys(10);

        assertThat(rotated).isEqualTo(1);
        Cart raw = world.repository.find(created.cart().id()).orElseThrow();
        assertThat(raw.metadata()).contains("cfenc:1:k2:").doesNotContain("cfenc:1:k1:").doesNotContain("Toronto");
        assertThat(raw.shippingAddress()).isEqualTo(new ShippingAddress("ON", null, null, List.of()));
        assertThat(engine(keys("k2")).get(created.actor(), created.cart().id()).shippingAddress()).isEqualTo(ADDRESS);
        assertThat(engine(keys("k1", "k2")).maintenance().rotateKeys(10)).isZero();
    }
}
