package dev.cartflow.jdbi;

import dev.cartflow.model.CartEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The statements of the {@code outbox} table used by {@link OutboxDispatcher}; each runs on a
 * handle given by the caller, who owns the transaction.
 */
final class OutboxTable {
    private static final String LOCK_HEADS = """
            SELECT o.cart_id::text FROM outbox o
             WHERE o.dispatched_at IS NULL
               AND (o.next_attempt_at IS NULL OR o.next_attempt_at <= now())
               AND NOT EXISTS (SELECT 1 FROM outbox p
                                WHERE p.cart_id = o.cart_id AND p.dispatched_at IS NULL AND p.id < o.id)
             ORDER BY o.id
             LIMIT :limit
               FOR UPDATE OF o SKIP LOCKED
            """;

    private static final String PENDING_OF_CARTS = """
            SELECT id, cart_id::text AS cart_id, sequence, idx, type, at, at_ns, data::text AS data FROM outbox
             WHERE cart_id = ANY(CAST(:carts AS uuid[])) AND dispatched_at IS NULL
             ORDER BY cart_id, sequence, idx
             LIMIT :limit
            """;

    private OutboxTable() {
    }

    /**
     * Locks the oldest undelivered event of up to {@code limit} carts that are due and not locked by
     * another dispatcher.
     *
     * @return the ids of those carts
     */
    static List<String> lockHeads(Handle h, int limit) {
        return h.createQuery(LOCK_HEADS).bind("limit", limit).mapTo(String.class).list();
    }

    /**
     * The undelivered events of {@code carts} in per-cart order, at most {@code limit}; their row ids
     * are added to {@code ids} in the same order.
     */
    static List<CartEvent> pending(Handle h, List<String> carts, int limit, List<Long> ids) {
        return h.createQuery(PENDING_OF_CARTS)
                .bindArray("carts", String.class, carts)
                .bind("limit", limit)
                .map((rs, ctx) -> {
                    ids.add(rs.getLong("id"));
                    return CartRows.event(rs, ctx);
                })
                .list();
    }

    static void markDispatched(Handle h, List<Long> ids) {
        h.createUpdate("""
                        UPDATE outbox SET dispatched_at = now(), attempts = attempts + 1, next_attempt_at = NULL
                         WHERE id = ANY(CAST(:ids AS bigint[]))""")
                .bindArray("ids", Long.class, ids)
                .execute();
    }

    /**
     * Postpones the head event of each of {@code carts} by an exponential back-off on its attempt
     * count, between {@code min} and {@code max}.
     */
    static void postpone(Handle h, List<String> carts, Duration min, Duration max) {
        h.createUpdate("""
                        UPDATE outbox o
                           SET attempts = o.attempts + 1,
                               next_attempt_at = now() + least(:maxMs, :minMs * power(2, least(o.attempts, 30)))
                                                         * interval '1 millisecond'
                         WHERE o.cart_id = ANY(CAST(:carts AS uuid[])) AND o.dispatched_at IS NULL
                           AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.cart_id = o.cart_id
                                             AND p.dispatched_at IS NULL AND p.id < o.id)""")
                .bindArray("carts", String.class, carts)
                .bind("minMs", (double) min.toMillis())
                .bind("maxMs", (double) max.toMillis())
                .execute();
    }

    /** The undelivered events and the age of the oldest against {@code clock}, never negative. */
    static OutboxDispatcher.Lag lag(Handle h, Clock clock) {
        return h.createQuery("""
                        SELECT count(*) AS pending, min(at) AS oldest FROM outbox WHERE dispatched_at IS NULL""")
                .map((rs, ctx) -> {
                    Instant oldest = CartRows.instant(rs, "oldest");
                    Duration age = oldest == null ? Duration.ZERO : Duration.between(oldest, clock.instant());
                    return new OutboxDispatcher.Lag(rs.getLong("pending"), age.isNegative() ? Duration.ZERO : age);
                })
                .one();
    }

    /** Deletes the delivered events dispatched before {@code cutoff}; returns how many. */
    static int purgeDispatchedBefore(Handle h, Instant cutoff) {
        return h.createUpdate("""
                        DELETE FROM outbox WHERE dispatched_at IS NOT NULL
                           AND dispatched_at < CAST(:cutoff AS timestamptz)""")
                .bind("cutoff", CartRows.text(cutoff))
                .execute();
    }
}
