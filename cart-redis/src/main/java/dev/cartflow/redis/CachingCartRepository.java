package dev.cartflow.redis;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CartState;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.LineItem;
import dev.cartflow.model.Sku;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.spi.CartRepository;
import dev.cartflow.spi.CartStorage;
import dev.cartflow.spi.CartWrite;
import dev.cartflow.spi.IdempotencyRecord;
import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link CartRepository} decorator that keeps cart snapshots in Redis in front of any repository
 * (the delegate stays the system of record).
 *
 * <ul>
 *   <li>Only {@link #find} is answered from the cache; every other method goes to the delegate.</li>
 *   <li>Writes go to the delegate first, then update the cache with a version-checked script: an
 *       entry is only ever replaced by a higher version, so a slow older write or a slow fill can
 *       never overwrite a newer snapshot. A delete leaves a short-lived tombstone that blocks
 *       fills.</li>
 *   <li>An entry lives until a while after the cart's {@code expiresAt}, within configured bounds.</li>
 *   <li>Redis failures never reach the caller: a bounded command timeout and a circuit breaker make
 *       the repository bypass Redis and work from the delegate. Carts written while Redis was
 *       unreachable are remembered and refreshed from the delegate before the cache is used for
 *       them again ({@link #health()} shows the degradation).</li>
 *   <li>An optional near cache (Caffeine) answers repeated reads locally; other instances evict
 *       their copies on pub/sub invalidations. It is bypassed until that subscription stands, so
 *       the repository can be built while Redis is down.</li>
 *   <li>Optionally, a set per sku lists the active carts holding it ({@link #activeCartsHolding}).</li>
 * </ul>
 *
 * <p>Close it on shutdown to release its pub/sub subscription; the {@link CartRedisClient} is closed
 * by its owner.
 */
public final class CachingCartRepository implements CartStorage, AutoCloseable {
    /** KEYS: snap; ARGV: version, data, expireAtMs. Replaces only an older entry, never a tombstone. */
    private static final LuaScript PUT = new LuaScript("""
            local f = redis.call('HMGET', KEYS[1], 'v', 't')
            if f[2] then
              return 0
            end
            if f[1] and tonumber(f[1]) >= tonumber(ARGV[1]) then
              return 0
            end
            redis.call('HSET', KEYS[1], 'v', ARGV[1], 'd', ARGV[2])
            redis.call('PEXPIREAT', KEYS[1], ARGV[3])
            return 1
            """);

    /** KEYS: snap; ARGV: ttlMs. Replaces the entry by a tombstone that blocks fills. */
    private static final LuaScript TOMBSTONE = new LuaScript("""
            redis.call('DEL', KEYS[1])
            redis.call('HSET', KEYS[1], 't', '1')
            redis.call('PEXPIRE', KEYS[1], ARGV[1])
            return 1
            """);

    /** KEYS: snap; ARGV: version. Drops an entry older than the given version. */
    private static final LuaScript EVICT_OLDER = new LuaScript("""
            local v = redis.call('HGET', KEYS[1], 'v')
            if v and tonumber(v) < tonumber(ARGV[1]) then
              redis.call('DEL', KEYS[1])
              return 1
            end
            return 0
            """);

    private final CartStorage delegate;
    private final CartRedisClient client;
    private final RedisKeys keys;
    private final Clock clock;
    private final Duration minTtl;
    private final Duration maxTtl;
    private final Duration expiryGrace;
    private final Duration tombstoneTtl;
    private final boolean trackSkus;
    private final int maxPendingRefresh;
    private final RedisGuard guard;
    private final Cache<CartId, Cart> near;
    private final String instanceId = UUID.randomUUID().toString();
    private volatile StatefulRedisPubSubConnection<String, String> pubSub;
    /** False until the invalidation subscription stands, and while it is disconnected. */
    private final AtomicBoolean nearUsable = new AtomicBoolean();
    private final long resubscribeNanos;
    private final AtomicLong nextSubscribeAttempt = new AtomicLong(System.nanoTime());

    private final Set<CartId> pendingRefresh = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean flushNeeded = new AtomicBoolean();
    private final AtomicBoolean recovering = new AtomicBoolean();
    private final List<RedisConnectionStateListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Cache<CartId, Decoded> decoded = Caffeine.newBuilder().maximumSize(1_000).build();
    private final AtomicBoolean checkRestart = new AtomicBoolean();
    private volatile String runId;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();

    private CachingCartRepository(Builder b) {
        this.delegate = b.delegate;
        this.client = b.client;
        this.keys = new RedisKeys(b.keyPrefix);
        this.clock = b.clock;
        this.minTtl = b.minTtl;
        this.maxTtl = b.maxTtl;
        this.expiryGrace = b.expiryGrace;
        this.tombstoneTtl = b.tombstoneTtl;
        this.trackSkus = b.trackSkus;
        this.maxPendingRefresh = b.maxPendingRefresh;
        this.guard = new RedisGuard(b.failureThreshold, b.openDelay, this::onCircuitOpen,
                () -> checkRestart.set(true));
        if (!client.isCluster()) {
            this.runId = guard.call(this::currentRunId).orElse(null);
            RedisConnectionStateListener restartWatch = new RedisConnectionStateListener() {
                @Override
                public void onRedisConnected(RedisChannelHandler<?, ?> handler, java.net.SocketAddress address) {
                    checkRestart.set(true);
                }
            };
            client.addConnectionListener(restartWatch);
            listeners.add(restartWatch);
        }
        this.resubscribeNanos = Math.max(b.openDelay.toNanos(), Duration.ofMillis(100).toNanos());
        if (b.nearCacheSize > 0) {
            this.near = Caffeine.newBuilder().maximumSize(b.nearCacheSize).expireAfterWrite(b.nearCacheTtl).build();
            subscribeIfNeeded();
        } else {
            this.near = null;
        }
    }

    /**
     * A builder.
     *
     * @param delegate the system of record
     * @param client   the Redis connection
     * @return a builder with defaults (no near cache, no sku sets)
     */
    public static Builder builder(CartStorage delegate, CartRedisClient client) {
        return new Builder(delegate, client);
    }

    private RedisClusterCommands<String, String> redis() {
        return client.commands();
    }

    // ------------------------------------------------------------------ cached read

    @Override
    public Optional<Cart> find(CartId id) {
        CartException.requireNonNull(id, "id");
        subscribeIfNeeded();
        if (near != null && nearUsable.get()) {
            Cart local = near.getIfPresent(id);
            if (local != null) {
                hits.incrementAndGet();
                return Optional.of(local);
            }
        }
        recoverIfNeeded();
        if (pendingRefresh.contains(id)) {
            guard.bypassed.incrementAndGet();
            return delegate.find(id);
        }
        String snapKey = keys.snapshot(id);
        Optional<List<KeyValue<String, String>>> entry = guard.call(() -> redis().hmget(snapKey, "d", "t"));
        if (entry.isEmpty()) {
            return delegate.find(id);
        }
        String data = entry.get().get(0).getValueOrElse(null);
        boolean tombstone = entry.get().get(1).hasValue();
        if (data != null) {
            Optional<Cart> cart = decode(id, data);
            if (cart.isPresent()) {
                hits.incrementAndGet();
                keepNear(cart.get());
                return cart;
            }
        }
        misses.incrementAndGet();
        Optional<Cart> loaded = delegate.find(id);
        if (loaded.isPresent() && !tombstone) {
            put(loaded.get());
            keepNear(loaded.get());
        }
        return loaded;
    }

    /**
     * Decodes an entry, reusing the cart decoded last time when the bytes are identical (a string
     * comparison is far cheaper than parsing; the cart is immutable, so this is never stale).
     */
    private Optional<Cart> decode(CartId id, String data) {
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

    // ------------------------------------------------------------------ writes

    @Override
    public void save(CartWrite write) {
        CartException.requireNonNull(write, "write");
        try {
            delegate.save(write);
        } catch (CartException e) {
            onConflict(e, List.of(write));
            throw e;
        }
        afterWrite(List.of(write));
    }

    @Override
    public void saveAll(List<CartWrite> writes) {
        CartException.requireNonNull(writes, "writes");
        try {
            delegate.saveAll(writes);
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
        invalidateNear(id);
        boolean done = guard.run(() -> TOMBSTONE.run(redis(), ScriptOutputType.INTEGER,
                new String[] {keys.snapshot(id)}, Long.toString(tombstoneTtl.toMillis())));
        if (!done) {
            remember(id);
        }
        before.ifPresent(c -> guard.run(() -> c.lines().forEach(l ->
                redis().srem(keys.skuCarts(l.sku().value()), id.toString()))));
        publish(id);
        return existed;
    }

    private void afterWrite(List<CartWrite> writes) {
        for (CartWrite w : writes) {
            Cart cart = w.cart();
            // Put the saved snapshot rather than evict: after an eviction, a reader that loaded the
            // previous version just before this save could fill the near cache with it.
            keepNear(cart);
            if (!put(cart)) {
                remember(cart.id());
            }
            if (trackSkus) {
                trackSkus(cart);
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
            if (near != null) {
                near.asMap().computeIfPresent(w.cart().id(), (id, cart) -> cart.version() < stored ? null : cart);
            }
            guard.run(() -> EVICT_OLDER.run(redis(), ScriptOutputType.INTEGER,
                    new String[] {keys.snapshot(w.cart().id())}, Long.toString(stored)));
        }
    }

    /** Version-checked cache fill; true when Redis answered (whether or not it replaced the entry). */
    private boolean put(Cart cart) {
        long expireAt = expireAt(cart);
        return guard.run(() -> PUT.run(redis(), ScriptOutputType.INTEGER,
                new String[] {keys.snapshot(cart.id())}, Long.toString(cart.version()), RecordCodec.encode(cart),
                Long.toString(expireAt)));
    }

    long expireAt(Cart cart) {
        Instant now = clock.instant();
        Duration untilExpiry = Duration.between(now, cart.expiresAt().plus(expiryGrace));
        Duration ttl = untilExpiry.compareTo(minTtl) < 0 ? minTtl : untilExpiry.compareTo(maxTtl) > 0 ? maxTtl
                : untilExpiry;
        return now.plus(ttl).toEpochMilli();
    }

    private void trackSkus(Cart cart) {
        String member = cart.id().toString();
        long expireAt = Math.max(expireAt(cart), clock.millis() + maxTtl.toMillis());
        guard.run(() -> {
            for (LineItem line : cart.lines()) {
                String key = keys.skuCarts(line.sku().value());
                if (cart.state() == CartState.ACTIVE) {
                    redis().sadd(key, member);
                    redis().pexpireat(key, expireAt);
                } else {
                    redis().srem(key, member);
                }
            }
        });
    }

    /**
     * The active carts holding a sku, for "price changed" notices. Needs {@link Builder#trackSkus}.
     * Entries are verified against the cart (through this cache); stale ones are removed. Empty when
     * Redis is unavailable.
     *
     * @param sku the sku
     * @return ids of active carts with a line of that sku
     */
    public Set<CartId> activeCartsHolding(Sku sku) {
        CartException.requireNonNull(sku, "sku");
        String key = keys.skuCarts(sku.value());
        Set<String> members = guard.call(() -> redis().smembers(key)).orElse(Set.of());
        Set<CartId> result = new LinkedHashSet<>();
        for (String m : members) {
            CartId id = CartId.parse(m);
            Optional<Cart> cart = find(id);
            if (cart.isPresent() && cart.get().state() == CartState.ACTIVE
                    && cart.get().lines().stream().anyMatch(l -> l.sku().equals(sku))) {
                result.add(id);
            } else {
                guard.run(() -> redis().srem(key, m));
            }
        }
        return result;
    }

    // ------------------------------------------------------------------ degradation and recovery

    private void remember(CartId id) {
        if (pendingRefresh.size() >= maxPendingRefresh) {
            flushNeeded.set(true);
        } else {
            pendingRefresh.add(id);
        }
    }

    private void onCircuitOpen() {
        if (near != null) {
            near.invalidateAll();
        }
    }

    /**
     * Refreshes, from the delegate, every cart written while Redis was unreachable (or flushes all
     * snapshots when there were too many), once Redis answers again.
     */
    private void recoverIfNeeded() {
        if (checkRestart.get() && checkRestart.compareAndSet(true, false)) {
            Optional<String> now = guard.call(this::currentRunId);
            if (now.isEmpty()) {
                checkRestart.set(true);
            } else if (runId != null && !runId.equals(now.get())) {
                // a restarted server may have loaded an old persisted snapshot: drop every entry
                flushNeeded.set(true);
            }
            now.ifPresent(id -> runId = id);
        }
        if ((pendingRefresh.isEmpty() && !flushNeeded.get()) || !recovering.compareAndSet(false, true)) {
            return;
        }
        try {
            if (flushNeeded.get()) {
                if (!guard.run(this::flushSnapshots)) {
                    return;
                }
                flushNeeded.set(false);
                pendingRefresh.clear();
                return;
            }
            int budget = 100; // bounded work on the caller's thread; the rest on later calls
            for (CartId id : List.copyOf(pendingRefresh)) {
                if (budget-- == 0) {
                    return;
                }
                Optional<Cart> current = delegate.find(id);
                boolean done;
                if (current.isPresent()) {
                    // evict first: the entry may hold a version the delegate no longer has (a write that
                    // reached Redis but failed in the delegate cannot happen, but a lost delete can)
                    done = guard.run(() -> redis().del(keys.snapshot(id))) && put(current.get());
                } else {
                    done = guard.run(() -> TOMBSTONE.run(redis(), ScriptOutputType.INTEGER,
                            new String[] {keys.snapshot(id)}, Long.toString(tombstoneTtl.toMillis())));
                }
                if (!done) {
                    return;
                }
                pendingRefresh.remove(id);
                publish(id);
            }
        } finally {
            recovering.set(false);
        }
    }

    /** The server's run id, which changes with every restart (standalone only). */
    private String currentRunId() {
        String info = redis().info("server");
        for (String line : info.split("\r?\n")) {
            if (line.startsWith("run_id:")) {
                return line.substring(7).trim();
            }
        }
        return "";
    }

    private void flushSnapshots() {
        ScanIterator<String> it = ScanIterator.scan(redis(), ScanArgs.Builder.matches(keys.prefix() + ":{*}:snap")
                .limit(500));
        List<String> batch = new ArrayList<>();
        while (it.hasNext()) {
            batch.add(it.next());
            if (batch.size() == 100) {
                batch.forEach(k -> redis().del(k));
                batch.clear();
            }
        }
        batch.forEach(k -> redis().del(k));
        if (near != null) {
            near.invalidateAll();
        }
    }

    /**
     * The cache's state: whether Redis is bypassed and the counters.
     *
     * @return a snapshot
     */
    public CacheHealth health() {
        recoverIfNeeded();
        boolean degraded = !guard.closed() || !pendingRefresh.isEmpty() || flushNeeded.get();
        return new CacheHealth(degraded, guard.state(), hits.get(), misses.get(), guard.bypassed.get(),
                guard.failures.get(), pendingRefresh.size());
    }

    // ------------------------------------------------------------------ near cache

    private void keepNear(Cart cart) {
        if (near != null && nearUsable.get()) {
            near.asMap().merge(cart.id(), cart, (old, neu) -> neu.version() >= old.version() ? neu : old);
        }
    }

    private void invalidateNear(CartId id) {
        if (near != null) {
            near.invalidate(id);
        }
    }

    /** Tells the other instances' near caches; also while this instance's own subscription is missing. */
    private void publish(CartId id) {
        if (near != null) {
            guard.run(() -> redis().publish(keys.invalidationChannel(), instanceId + "|" + id));
        }
    }

    /**
     * Subscribes to the near cache's invalidations when it is on and not yet subscribed (Redis was
     * down when this repository was built, or the attempt failed): at most one attempt per circuit
     * delay, on the caller's thread. Until it succeeds the near cache is bypassed.
     */
    private void subscribeIfNeeded() {
        if (near == null || pubSub != null) {
            return;
        }
        long now = System.nanoTime();
        long next = nextSubscribeAttempt.get();
        if (now - next < 0 || !nextSubscribeAttempt.compareAndSet(next, now + resubscribeNanos)) {
            return;
        }
        synchronized (nextSubscribeAttempt) {
            if (pubSub != null) {
                return;
            }
            try {
                pubSub = subscribe();
                near.invalidateAll();
                nearUsable.set(true);
            } catch (RuntimeException e) {
                guard.failures.incrementAndGet();
            }
        }
    }

    private StatefulRedisPubSubConnection<String, String> subscribe() {
        StatefulRedisPubSubConnection<String, String> connection = client.connectPubSub();
        connection.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                int bar = message.indexOf('|');
                if (bar > 0 && !message.startsWith(instanceId)) {
                    try {
                        near.invalidate(CartId.parse(message.substring(bar + 1)));
                    } catch (CartException ignored) {
                        // not ours
                    }
                }
            }
        });
        RedisConnectionStateListener pubSubWatch = new RedisConnectionStateListener() {
            @Override
            public void onRedisDisconnected(RedisChannelHandler<?, ?> handler) {
                if (handler == connection) {
                    // invalidations may be missed while disconnected: stop trusting local copies
                    nearUsable.set(false);
                    near.invalidateAll();
                }
            }

            @Override
            public void onRedisConnected(RedisChannelHandler<?, ?> handler, java.net.SocketAddress address) {
                if (handler == connection) {
                    near.invalidateAll();
                    nearUsable.set(true);
                }
            }
        };
        client.addConnectionListener(pubSubWatch);
        try {
            connection.sync().subscribe(keys.invalidationChannel());
        } catch (RuntimeException e) {
            client.removeConnectionListener(pubSubWatch);
            closeQuietly(connection);
            throw e;
        }
        listeners.add(pubSubWatch);
        return connection;
    }

    private static void closeQuietly(StatefulRedisPubSubConnection<String, String> connection) {
        try {
            connection.close();
        } catch (RuntimeException ignored) {
            // releasing a connection that already failed
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
        StatefulRedisPubSubConnection<String, String> connection = pubSub;
        if (connection != null) {
            closeQuietly(connection);
        }
    }

    /** Builder of {@link CachingCartRepository}; setters validate, {@link #build()} freezes. */
    public static final class Builder extends RepositoryBuilder<Builder> {
        private final CartStorage delegate;
        private final CartRedisClient client;
        private Duration minTtl = Duration.ofMinutes(5);
        private Duration maxTtl = Duration.ofDays(7);
        private Duration expiryGrace = Duration.ofHours(1);
        private Duration tombstoneTtl = Duration.ofMinutes(1);
        private int failureThreshold = 3;
        private Duration openDelay = Duration.ofSeconds(1);
        private long nearCacheSize;
        private Duration nearCacheTtl = Duration.ofSeconds(5);
        private boolean trackSkus;
        private int maxPendingRefresh = 10_000;

        private Builder(CartStorage delegate, CartRedisClient client) {
            this.delegate = CartException.requireNonNull(delegate, "delegate");
            this.client = CartException.requireNonNull(client, "client");
        }

        /**
         * How long an entry lives: until {@code expiresAt + grace}, but at least {@code min} and at most
         * {@code max}. Defaults 5 min, 7 days, 1 h.
         */
        public Builder entryLifetime(Duration min, Duration max, Duration grace) {
            if (min == null || max == null || grace == null || min.isNegative() || min.isZero()
                    || max.compareTo(min) < 0 || grace.isNegative()) {
                throw CartException.invalidInput("need 0 < min <= max and grace >= 0");
            }
            this.minTtl = min;
            this.maxTtl = max;
            this.expiryGrace = grace;
            return this;
        }

        /** How long a deleted cart blocks cache fills; default 1 min. */
        public Builder tombstoneTtl(Duration ttl) {
            this.tombstoneTtl = positive(ttl, "tombstone ttl");
            return this;
        }

        /**
         * The circuit breaker: it opens after {@code failures} consecutive Redis failures and tries
         * Redis again after {@code delay}. Defaults 3 and 1 s.
         */
        public Builder circuitBreaker(int failures, Duration delay) {
            if (failures < 1 || delay == null || delay.isNegative()) {
                throw CartException.invalidInput("need failures >= 1 and a non-negative delay");
            }
            this.failureThreshold = failures;
            this.openDelay = delay;
            return this;
        }

        /**
         * Enables the near cache: up to {@code maxSize} carts kept in this JVM for at most {@code ttl},
         * evicted on other instances' invalidations. Off by default.
         */
        public Builder nearCache(long maxSize, Duration ttl) {
            if (maxSize < 1 || ttl == null || ttl.isNegative() || ttl.isZero()) {
                throw CartException.invalidInput("need maxSize >= 1 and a positive ttl");
            }
            this.nearCacheSize = maxSize;
            this.nearCacheTtl = ttl;
            return this;
        }

        /** Maintains a Redis set per sku of the active carts holding it; off by default. */
        public Builder trackSkus(boolean track) {
            this.trackSkus = track;
            return this;
        }

        /** How many carts written while Redis is unreachable are remembered one by one before a full flush. */
        public Builder maxPendingRefresh(int max) {
            if (max < 1) {
                throw CartException.invalidInput("max must be at least 1");
            }
            this.maxPendingRefresh = max;
            return this;
        }

        /** The repository; subscribes to invalidations when the near cache is on. */
        public CachingCartRepository build() {
            return new CachingCartRepository(this);
        }
    }
}
