package dev.cartflow.redis;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartId;
import java.util.Optional;

/**
 * Decodes cache entries, reusing the cart decoded last time when the bytes are identical (a string
 * comparison is far cheaper than parsing; the cart is immutable, so this is never stale).
 */
final class DecodedCarts {
    private final Cache<CartId, Decoded> decoded = Caffeine.newBuilder().maximumSize(1_000).build();

    /** The cart of an entry, empty when the entry does not decode or belongs to another id. */
    Optional<Cart> decode(CartId id, String data) {
        Decoded last = decoded.getIfPresent(id);
        if (last != null && last.json.equals(data)) {
            return Optional.of(last.cart);
        }
        Optional<Cart> cart = RecordCodec.decodeCart(data).filter(c -> c.id().equals(id));
        cart.ifPresent(c -> decoded.put(id, new Decoded(data, c)));
        return cart;
    }

    private record Decoded(String json, Cart cart) {
    }
}
