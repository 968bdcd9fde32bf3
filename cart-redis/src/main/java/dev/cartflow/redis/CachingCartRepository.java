package dev.cartflow.redis;

import dev.cartflow.core.health.ComponentHealth;
import dev.cartflow.core.health.HealthContributor;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.Sku;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.spi.CartRepository;
import dev.cartflow.spi.CartScan;
import dev.cartflow.spi.CartStorage;
import dev.cartflow.spi.CartWrite;
import dev.cartflow.spi.CustomerCarts;
import dev.cartflow.spi.IdempotencyRecord;
import dev.cartflow.spi.PersonalDataStore;
import dev.cartflow.spi.PersonalRecord;
import dev.cartflow.spi.RetentionStore;
import java.util.Map;
import io.lettuce.core.RedisConnectionStateListener;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A {@link CartRepository} decorator that keeps cart snapshots in Redis in front of any repository
 * (the delegate stays the system of record).
 *
 * <ul>
 *   <li>Only {@link #find} is answered from the cache; every other method goes to the delegate
 *       ({@link #cartsOf} too, which needs a delegate that is a {@link CustomerCarts}).</li>
 *   <li>Writes go to the delegate first, then update the cache with a version-checked script: an
 *       entry is only ever replaced by a higher version, so a slow older write or a slow fill can
 *       never overwrite a newer snapshot. A delete leaves a short-lived tombstone that blocks
 *       fills.</li>
 *   <li>An entry lives until a while after the cart's {@code expiresAt}, within configured bounds.</li>
 *   <li>Redis failures never reach the caller: a bounded command timeout and a circuit breaker make
 *       the repository bypass Redis and work from the delegate. Carts written while Redis was
 *       unreachable are remembered and refreshed from the delegate before the cache is used for
 *       them again ({@link #cacheHealth()} and {@link #health()} show the degradation).</li>
 *   <li>An optional near cache (Caffeine) answers repeated reads locally; other instances evict
 *       their copies on pub/sub invalidations. It is bypassed until that subscription stands, so
 *       the repository can be built while Redis is down.</li>
 *   <li>Optionally, a set per sku lists the active carts holding it ({@link #activeCartsHolding}).</li>
 *   <li>Erasing a customer ({@link #eraseCustomer}, when the delegate can) evicts the customer's carts
 *       from Redis and from every instance's near cache, erases them in the delegate, and evicts them
 *       again, so that no reader refills a copy meanwhile.</li>
 * </ul>
 *
 * <p>Close it on shutdown to release its pub/sub subscription; the {@link CartRedisClient} is closed
 * by its owner.
 */
public final class CachingCartRepository implements CartStorage, CartScan, CustomerCarts, PersonalDataStore,
        RetentionStore, HealthContributor, AutoCloseable {
    private final CartStorage delegate;
    private final CartRedisClient client;
    private final RedisGuard guard;
    private final NearCache near;
    private final SnapshotEntries snapshots;
    private final boolean trackSkus;
    private final SkuIndex skuIndex;

    private final List<RedisConnectionStateListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final DecodedCarts decoded = new DecodedCarts();
    private final CacheRecovery recovery;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();
    private final CacheSignals signals;

    CachingCartRepository(CachingCartRepositoryBuilder b) {
        this.delegate = b.delegate;
        this.client = b.client;
        RedisKeys keys = new RedisKeys(b.keyPrefix);
        this.signals = new CacheSignals(b.observer);
        this.guard = new RedisGuard(b.failureThreshold, b.openDelay, this::onCircuitOpen,
                this::suspectRestart, this::onRedisFailure, client.isCluster() ? client::nodeOf : null);
        this.snapshots = new SnapshotEntries(client, keys, guard, b.clock, b.minTtl, b.maxTtl, b.expiryGrace,
                b.tombstoneTtl);
        this.trackSkus = b.trackSkus;
        this.skuIndex = new SkuIndex(client, keys, guard, snapshots, b.clock, b.maxTtl);
        this.recovery = new CacheRecovery(delegate, client, guard, snapshots, b.maxPendingRefresh,
                () -> onCircuitOpen(null), this::publish);
        if (!client.isCluster()) {
            RedisConnectionStateListener restartWatch = recovery.restartWatch();
            client.addConnectionListener(restartWatch);
            listeners.add(restartWatch);
        }
        this.near = b.nearCacheSize > 0
                ? new NearCache(client, keys, guard, b.nearCacheSize, b.nearCacheTtl, b.openDelay,
                        signals::swallowed) : null;
    }

    /**
     * A builder.
     *
     * @param delegate the system of record
     * @param client   the Redis connection
     * @return a builder with defaults (no near cache, no sku sets)
     */
    public static CachingCartRepositoryBuilder builder(CartStorage delegate, CartRedisClient client) {
        return new CachingCartRepositoryBuilder(delegate, client);
    }

    // ------------------------------------------------------------------ cached read

    @Override
    public Optional<Cart> find(CartId id) {
        CartException.requireNonNull(id, "id");
        if (near != null) {
            Cart local = near.get(id);
            signals.accessed(CacheSignals.NEAR_CACHE, local != null);
            if (local != null) {
                hits.incrementAndGet();
                return Optional.of(local);
            }
        }
        recovery.recoverIfNeeded();
        if (recovery.restartUnchecked() || recovery.isPending(id) || recovery.distrusts(id)) {
            guard.bypassed.incrementAndGet();
            signals.accessed(CacheSignals.CACHE, false);
            return delegate.find(id);
        }
        Optional<SnapshotEntries.Entry> entry = snapshots.read(id);
        if (entry.isEmpty()) {
            signals.accessed(CacheSignals.CACHE, false);
            return delegate.find(id);
        }
        byte[] data = entry.get().data();
        boolean tombstone = entry.get().tombstone();
        if (data != null) {
            Optional<Cart> cart = decoded.decode(id, data);
            if (cart.isPresent()) {
                hits.incrementAndGet();
                signals.accessed(CacheSignals.CACHE, true);
                keepNear(cart.get());
                return cart;
            }
        }
        misses.incrementAndGet();
        signals.accessed(CacheSignals.CACHE, false);
        Optional<Cart> loaded = delegate.find(id);
        if (loaded.isPresent() && !tombstone) {
            put(loaded.get());
            keepNear(loaded.get());
        }
        return loaded;
    }

    // ------------------------------------------------------------------ writes

    @Override
    public void save(CartWrite write) {
        CartException.requireNonNull(write, "write");
        write(List.of(write), () -> delegate.save(write));
    }

    @Override
    public void saveAll(List<CartWrite> writes) {
        CartException.requireNonNull(writes, "writes");
        write(writes, () -> delegate.saveAll(writes));
    }

    /** The delegate's write of {@code writes}, then the cache's update after it or its conflict. */
    private void write(List<CartWrite> writes, Runnable delegateWrite) {
        try {
            delegateWrite.run();
        } catch (CartException e) {
            onConflict(e, writes);
            throw e;
        }
        afterWrite(writes);
    }

    @Override
    public boolean delete(CartId id) {
        CartException.requireNonNull(id, "id");
        Optional<Cart> before = trackSkus ? delegate.find(id) : Optional.empty();
        boolean existed = delegate.delete(id);
        evict(id, before);
        return existed;
    }

    /** Drops a cart from the near caches of every instance and blocks Redis fills for a while. */
    private void evict(CartId id, Optional<Cart> before) {
        withNear(n -> n.invalidate(id));
        boolean done = snapshots.tombstone(id);
        if (!done) {
            recovery.remember(id);
        }
        before.ifPresent(skuIndex::untrack);
        publish(id);
    }

    @Override
    public Map<String, Integer> eraseCustomer(CustomerId customerId, String subject) {
        return CachedErasure.erase(delegate, customerId, subject,
                cart -> evict(cart.id(), trackSkus ? Optional.of(cart) : Optional.empty()));
    }

    @Override
    public List<PersonalRecord> exportCustomer(CustomerId customerId, String subject) {
        return CachedErasure.personal(delegate).exportCustomer(customerId, subject);
    }

    /** The delegate's retention (the cache holds neither events nor stored responses); 0 when it has none. */
    @Override
    public int deleteOlderThan(String kind, Instant cutoff, int limit) {
        return delegate instanceof RetentionStore retaining ? retaining.deleteOlderThan(kind, cutoff, limit) : 0;
    }

    private void afterWrite(List<CartWrite> writes) {
        for (CartWrite w : writes) {
            Cart cart = w.cart();
            // Put the saved snapshot rather than evict: after an eviction, a reader that loaded the
            // previous version just before this save could fill the near cache with it.
            keepNear(cart);
            if (!snapshots.update(cart)) {
                recovery.remember(cart.id());
            }
            if (trackSkus) {
                skuIndex.track(cart);
            }
            publish(cart.id());
        }
    }

    /** A conflict means the caller saw an old version: drop an entry older than the stored one. */
    private void onConflict(CartException e, List<CartWrite> writes) {
        if (e.code() != CartErrorCode.VERSION_CONFLICT) {
            return;
        }
        for (CartWrite w : writes) {
            long stored = e.currentVersion().orElse(Long.MAX_VALUE);
            // Only an older copy goes: evicting the stored version itself would let a reader that
            // loaded an even older one fill the near cache with it.
            withNear(n -> n.dropOlderThan(w.cart().id(), stored));
            snapshots.evictOlder(w.cart().id(), stored);
        }
    }

    /** Version-checked cache fill after a miss; true when Redis answered (whether or not it replaced the entry). */
    private boolean put(Cart cart) {
        return snapshots.put(cart);
    }

    /**
     * The active carts holding a sku, for "price changed" notices. Needs
     * {@link CachingCartRepositoryBuilder#trackSkus}.
     * Entries are verified against the cart (through this cache); stale ones are removed. Empty when
     * Redis is unavailable.
     *
     * @param sku the sku
     * @return ids of active carts with a line of that sku
     */
    public Set<CartId> activeCartsHolding(Sku sku) {
        CartException.requireNonNull(sku, "sku");
        return skuIndex.activeCartsHolding(sku, this::find);
    }

    // ------------------------------------------------------------------ degradation and recovery

    /** The circuit closed again: the server may have restarted meanwhile (also called while building). */
    private void suspectRestart() {
        if (recovery != null) {
            recovery.suspectRestart();
        }
    }

    /**
     * A Redis call failed: besides telling the observer, distrust the cache until the server's run id
     * is checked, since the failure may be a restart that another connection has not noticed yet.
     */
    private void onRedisFailure(RuntimeException e) {
        signals.swallowed(e);
        suspectRestart();
    }

    /** A circuit opened: the near cache may have missed invalidations; a master's entries may be old. */
    private void onCircuitOpen(String node) {
        withNear(NearCache::invalidateAll);
        if (node != null && recovery != null) {
            recovery.distrust(node);
        }
    }

    /**
     * The cache's state: whether Redis is bypassed and the counters.
     *
     * @return a snapshot
     */
    public CacheHealth cacheHealth() {
        recovery.recoverIfNeeded();
        boolean degraded = !guard.closed() || recovery.degraded();
        return new CacheHealth(degraded, guard.state(), hits.get(), misses.get(), guard.bypassed.get(),
                guard.failures.get(), recovery.pendingCount());
    }

    /** The name of this part in the engine's health report. */
    @Override
    public String healthName() {
        return CacheSignals.HEALTH_NAME;
    }

    /**
     * This cache as a part of the engine's health report ({@code cart-cache}): {@code DEGRADED}
     * while Redis is bypassed or carts wait to be refreshed (the delegate still answers, so never
     * {@code DOWN}), else {@code UP}; the details are {@link #cacheHealth()}'s figures.
     *
     * @return the health now
     */
    @Override
    public ComponentHealth health() {
        return CacheSignals.health(cacheHealth());
    }

    // ------------------------------------------------------------------ near cache

    private void keepNear(Cart cart) {
        withNear(n -> n.keep(cart));
    }

    private void publish(CartId id) {
        withNear(n -> n.publish(id));
    }

    private void withNear(Consumer<NearCache> action) {
        if (near != null) {
            action.accept(near);
        }
    }

    // ------------------------------------------------------------------ delegated

    @Override
    public Optional<Cart> findActiveByCustomer(CustomerId customerId) {
        return delegate.findActiveByCustomer(customerId);
    }

    @Override
    public List<Cart> findExpiringBefore(Instant cutoff, int limit) {
        return delegate.findExpiringBefore(cutoff, limit);
    }

    @Override
    public List<Cart> findInactiveSince(Instant cutoff, int limit) {
        return delegate.findInactiveSince(cutoff, limit);
    }

    /**
     * The delegate's listing of a customer's carts, read from the store of record like
     * {@link #findActiveByCustomer} (a listing is not answered from the cache).
     *
     * @throws CartException {@code INTERNAL} when the delegate is not a {@link CustomerCarts}
     */
    @Override
    public List<Cart> cartsOf(CustomerId customerId) {
        if (delegate instanceof CustomerCarts lists) {
            return lists.cartsOf(customerId);
        }
        throw CartException.internal("the store behind this cart cache cannot list a customer's carts"
                + " (it is not a CustomerCarts)", null);
    }

    /** The delegate's scan (the key rotation job reads through the cache's store of record). */
    @Override
    public List<Cart> findAfter(CartId after, int limit) {
        if (delegate instanceof CartScan scan) {
            return scan.findAfter(after, limit);
        }
        throw CartException.internal("the store behind this cart cache cannot scan carts (it is not a CartScan)",
                null);
    }

    @Override
    public Optional<IdempotencyRecord> findIdempotency(String key, Instant now) {
        return delegate.findIdempotency(key, now);
    }

    @Override
    public List<CartEvent> eventsSince(CartId id, long afterSequence) {
        return delegate.eventsSince(id, afterSequence);
    }

    @Override
    public void close() {
        listeners.forEach(client::removeConnectionListener);
        withNear(NearCache::close);
    }
}
