package dev.cartflow.service.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.cartflow.error.CartException;
import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.http.ResponseEntity;

/**
 * Idempotency for the two calls the engine has no key for: creating a cart (there is no cart yet to
 * keep the key on) and a merge. The first response is kept in this instance for a day and answered
 * again to a repeat with the same key and request; the same key with another request is
 * {@code IDEMPOTENCY_KEY_REUSED}. Every other mutation is replayed by the engine from the store, so
 * on any instance.
 */
final class Replays {
    private record Kept(String request, ResponseEntity<CartJson> response) {
    }

    private final Cache<String, Kept> kept = Caffeine.newBuilder().expireAfterWrite(Duration.ofDays(1))
            .maximumSize(100_000).build();

    /**
     * Runs a call once per key.
     *
     * @param key     the caller's idempotency key, or null to just run it
     * @param request what the call is (method, path and body), told apart from another use of the key
     * @param call    the call
     */
    ResponseEntity<CartJson> once(String key, String request, Supplier<ResponseEntity<CartJson>> call) {
        if (key == null) {
            return call.get();
        }
        // computed once per key: a concurrent repeat waits for the first call instead of running it again
        Kept first = kept.get(key, k -> new Kept(request, call.get()));
        if (!first.request().equals(request)) {
            throw CartException.idempotencyKeyReused();
        }
        return first.response();
    }
}
