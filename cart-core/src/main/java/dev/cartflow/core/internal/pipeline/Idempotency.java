package dev.cartflow.core.internal.pipeline;

import dev.cartflow.core.internal.support.Failures;
import dev.cartflow.model.Actor;
import dev.cartflow.model.CartId;
import dev.cartflow.spi.CartRepository;
import dev.cartflow.spi.IdempotencyRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The one idempotency scheme of every operation: a record key naming what must happen at most once,
 * a {@link Fingerprint} of the request, a response in the {@link StoredResponses} codec, one time
 * to live, all written in the same repository write as the change it answers.
 *
 * <p>Record keys: a command is keyed by its cart, the kind of actor and the caller's key; a merge by
 * its guest cart (a guest cart merges once); a checkout by its cart (a cart checks out once). The
 * key formats are those of earlier versions, so that records written before a deploy are found.
 */
public final class Idempotency {
    private final CartRepository repository;
    private final Duration ttl;

    /** Records in this repository, kept for {@code ttl}. */
    public Idempotency(CartRepository repository, Duration ttl) {
        this.repository = repository;
        this.ttl = ttl;
    }

    /** The record key of a command with a caller's key. */
    public static String commandKey(Actor actor, CartId id, String clientKey) {
        return id + "|" + actor.getClass().getSimpleName() + "|" + clientKey;
    }

    /** The record key of the merge of a guest cart. */
    public static String mergeKey(CartId guestCartId) {
        return "merge|" + guestCartId;
    }

    /** The record key of the checkout of a cart. */
    public static String checkoutKey(CartId id) {
        return "checkout|" + id;
    }

    /** The live record under a key, if any. */
    public Optional<IdempotencyRecord> find(String key, Instant now) {
        return Failures.provider("repository", () -> repository.findIdempotency(key, now));
    }

    /** The record to store with a change. */
    public IdempotencyRecord record(String key, Fingerprint fingerprint, String response, Instant now) {
        return new IdempotencyRecord(key, fingerprint.value(), response, now.plus(ttl));
    }
}
