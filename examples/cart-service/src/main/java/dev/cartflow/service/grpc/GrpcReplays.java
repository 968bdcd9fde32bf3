package dev.cartflow.service.grpc;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.protobuf.Message;
import dev.cartflow.error.CartException;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Idempotency for the two rpcs the engine keeps no key for: creating a cart (there is no cart yet to
 * keep it on) and a merge. As over HTTP, the first answer is kept in this instance for a day and
 * given again to a repeat with the same key and request; the same key with another request is
 * {@code IDEMPOTENCY_KEY_REUSED}. The request is the message itself (with its credentials' owner),
 * so any field that differs makes it another request.
 *
 * @param <A> the answer
 */
final class GrpcReplays<A extends Message> {
    private record Kept<A>(String request, A answer) {
    }

    private final Cache<String, Kept<A>> kept = Caffeine.newBuilder().expireAfterWrite(Duration.ofDays(1))
            .maximumSize(100_000).build();

    /**
     * Runs a call once per key.
     *
     * @param key     the caller's idempotency key, empty to just run it
     * @param request what the call is, told apart from another use of the key
     * @param call    the call
     */
    A once(String key, String request, Supplier<A> call) {
        if (key.isBlank()) {
            return call.get();
        }
        // computed once per key: a concurrent repeat waits for the first call instead of running it again,
        // and calls with other keys are not held up
        Kept<A> first = kept.get(key, k -> new Kept<>(request, call.get()));
        if (!first.request().equals(request)) {
            throw CartException.idempotencyKeyReused();
        }
        return first.answer();
    }
}
