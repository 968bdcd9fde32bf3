package dev.cartflow.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.cartflow.error.CartException;
import java.time.Duration;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Idempotency for the two calls the engine keeps no key for, over HTTP and gRPC alike: creating a
 * cart (there is no cart yet to keep the key on) and a merge. The first answer is kept in this
 * instance for a day and given again to a repeat with the same key and request; the same key with
 * another request is {@code IDEMPOTENCY_KEY_REUSED}. Every other mutation is replayed by the engine
 * from the store, so on any instance.
 *
 * <p>A key belongs to its caller: the scope (the signed-in customer, or a guest's client address)
 * is part of it, so one caller's key never answers another caller's cart or guest token.
 *
 * @param <A> the answer
 */
public final class Replays<A> {
    private record Kept<A>(String request, A answer) {
    }

    private final Cache<String, Kept<A>> kept = Caffeine.newBuilder().expireAfterWrite(Duration.ofDays(1))
            .maximumSize(100_000).build();

    /**
     * Runs a call once per caller and key.
     *
     * @param scope   whose key it is (a customer id or a guest's client address); kept in memory only
     * @param key     the caller's idempotency key; null or blank just runs the call
     * @param request what the call is, told apart from another use of the key
     * @param call    the call; a failure is not kept, so a retry after one runs again
     * @return the first answer to this key
     */
    public A once(String scope, @Nullable String key, String request, Supplier<A> call) {
        if (key == null || key.isBlank()) {
            return call.get();
        }
        // computed once per key: a concurrent repeat waits for the first call instead of running it again,
        // and calls with other keys are not held up
        Kept<A> first = kept.get(scope + '\n' + key.trim(), k -> new Kept<>(request, call.get()));
        if (!first.request().equals(request)) {
            throw CartException.idempotencyKeyReused();
        }
        return first.answer();
    }
}
