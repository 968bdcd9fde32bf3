package dev.cartflow.redis;

import dev.cartflow.core.codec.CartCodec;
import dev.cartflow.core.privacy.PersonalRecords;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CustomerId;
import dev.cartflow.spi.CartStorage;
import dev.cartflow.spi.PersonalDataStore;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The erasure of {@link CachingCartRepository}: the customer's carts (as the delegate exports them)
 * are evicted from Redis and every near cache, the delegate erases, and they are evicted again, so
 * that a reader who loaded one from the delegate meanwhile cannot keep a copy.
 */
final class CachedErasure {
    private CachedErasure() {
    }

    static Map<String, Integer> erase(CartStorage delegate, CustomerId customerId, String subject,
                                      Consumer<Cart> evict) {
        CartException.requireNonNull(customerId, "customerId");
        PersonalDataStore store = personal(delegate);
        List<Cart> carts = store.exportCustomer(customerId, subject).stream()
                .filter(r -> r.kind().equals(PersonalRecords.CART))
                .map(r -> CartCodec.read(r.json()))
                .toList();
        carts.forEach(evict);
        Map<String, Integer> counts = store.eraseCustomer(customerId, subject);
        carts.forEach(evict);
        return counts;
    }

    /** The delegate as a personal data store; a cache over one that is not cannot erase ({@code INTERNAL}). */
    static PersonalDataStore personal(CartStorage delegate) {
        if (delegate instanceof PersonalDataStore personal) {
            return personal;
        }
        throw CartException.internal("the delegate of this cache cannot erase or export personal data", null);
    }
}
