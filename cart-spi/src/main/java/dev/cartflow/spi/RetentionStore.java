package dev.cartflow.spi;

import java.time.Instant;

/**
 * Optional capability of a store that keeps records with a limited life (events, stored responses,
 * audit entries): the deletes of the retention job ({@code CartMaintenance.applyRetention}). The
 * engine asks every configured store that implements it, one batch per kind. Thread-safe; a failing
 * store reports {@code CartException} with {@code PROVIDER_UNAVAILABLE}.
 *
 * <p>What "older" means per kind: an {@link #EVENT} by the instant it happened, and only once it is
 * delivered (a store with an outbox never deletes an event it has not dispatched yet); an
 * {@link #IDEMPOTENCY} record by its {@code expiresAt}; an {@link #AUDIT} entry by its {@code at}.
 */
public interface RetentionStore {
    /** Cart events (outbox rows once delivered). */
    String EVENT = "event";
    /** Stored responses of idempotent operations. */
    String IDEMPOTENCY = "idempotency";
    /** Entries of the audit trail. */
    String AUDIT = "audit";

    /**
     * Deletes up to {@code limit} records of one kind that are older than {@code cutoff}, oldest
     * first.
     *
     * @param kind   one of the kinds above; a store that keeps no record of that kind returns 0
     * @param cutoff exclusive upper bound of the record's age instant
     * @param limit  at most this many, at least 1
     * @return how many were deleted
     */
    int deleteOlderThan(String kind, Instant cutoff, int limit);
}
