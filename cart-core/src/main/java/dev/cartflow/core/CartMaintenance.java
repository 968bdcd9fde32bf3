package dev.cartflow.core;

import java.time.Duration;

/**
 * The engine's batch jobs, for a host's scheduler; from {@link CartEngine#maintenance()}. Each call
 * handles one batch; call again while it returns {@code batchSize}. Thread-safe, and safe to run
 * beside shopper traffic: every change is a versioned write, and a cart changed meanwhile is
 * skipped until the next run. Needs a {@link dev.cartflow.spi.CartMaintenanceStore} (the
 * repository, when it is one); without it a call fails with {@code INTERNAL}.
 */
public interface CartMaintenance {

    /**
     * Deletes carts whose expiry is more than {@code retention} ago (any state), one batch. A cart
     * that expired while active is first stored as {@code EXPIRED} with its {@code EXPIRED} event,
     * through the repository (so an outbox gets the event in the same transaction), then deleted.
     *
     * @param retention how long expired, merged and checked-out carts are kept after their expiry
     * @param batchSize at most this many carts
     * @return the number deleted
     */
    int purgeExpired(Duration retention, int batchSize);

    /**
     * Marks active carts with lines and no activity for {@code inactivity} as abandoned, emitting
     * {@code ABANDONED} once per period of inactivity (any later change clears the mark), one batch.
     *
     * @param inactivity how long without a change makes a cart abandoned
     * @param batchSize  at most this many carts
     * @return the number marked
     */
    int markAbandoned(Duration inactivity, int batchSize);

    /**
     * Applies a retention policy, one batch per kind of record it names: carts past their expiry by
     * {@link #purgeExpired}, and delivered events, expired stored responses and audit entries by every
     * store of the engine that is a {@link dev.cartflow.spi.RetentionStore}. A record is deleted only
     * when it is older than its kind's retention. Call again while a kind's count equals
     * {@code batchSize}.
     *
     * @param policy    how long each kind is kept
     * @param batchSize at most this many records per kind and store
     * @return how many were deleted, per kind
     */
    dev.cartflow.core.privacy.RetentionReport applyRetention(dev.cartflow.core.privacy.RetentionPolicy policy,
                                                             int batchSize);

    /**
     * Re-encrypts with the current key every cart whose encrypted fields are under an older key (or
     * were stored before encryption was configured): one full pass over the store, reading
     * {@code batchSize} carts per page, each stale cart rewritten through the repository with its
     * version guard (next version, nothing else changed, no event). A cart changed meanwhile is
     * skipped: the change itself was written with the current key, and anything left is found by
     * the next run. Needs an {@link dev.cartflow.core.crypto.EncryptingCartRepository} as the
     * engine's repository over a store that is a {@link dev.cartflow.spi.CartScan}; without them a
     * call fails with {@code INTERNAL}. Stored idempotent responses are not rewritten: they expire
     * within the idempotency time to live, so keep a retired key that long after the pass.
     *
     * @param batchSize stored carts read per page, at least 1
     * @return the number of carts re-encrypted
     */
    int rotateKeys(int batchSize);

    /**
     * As {@link #markAbandoned}, and each cart marked gets a recovery token in the same write (its
     * {@code ABANDONED} event says {@code recoveryToken=true}, and a {@code RECOVERY_ISSUED} event
     * follows), returned here once for the host's mailer. A cart changed meanwhile is skipped and
     * gets no token.
     *
     * @param inactivity how long without a change makes a cart abandoned
     * @param batchSize  at most this many carts
     * @return one link per cart marked, in the order marked
     */
    java.util.List<RecoveryLink> markAbandonedWithRecovery(Duration inactivity, int batchSize);
}
