package dev.cartflow.redis;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartId;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Decodes cache entries, reusing the cart decoded last time when the entry's bytes are identical
 * (comparing the bytes as read is far cheaper than decoding them to text and parsing; the cart is
 * immutable, so this is never stale).
 */
final class DecodedCarts {
    private final Cache<CartId, Decoded> decoded = Caffeine.newBuilder().maximumSize(1_000).build();

    /** The cart of an entry's UTF-8 bytes, empty when the entry does not decode or belongs to another id. */
    Optional<Cart> decode(CartId id, byte[] data) {
        Decoded last = decoded.getIfPresent(id);
        if (last != null && Arrays.equals(last.data, data)) {
            return Optional.of(last.cart);
        }
        Optional<Cart> cart = RecordCodec.decodeCart(new String(data, StandardCharsets.UTF_8))
                .filter(c -> c.id().equals(id));
        if (cart.isPresent()) {
            decoded.put(id, new Decoded(data, cart.get()));
        }
        return cart;
    }

    private record Decoded(byte[] data, Cart cart) {
    }
}
