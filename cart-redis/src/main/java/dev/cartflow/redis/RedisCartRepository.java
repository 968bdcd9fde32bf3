package dev.cartflow.redis;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CartState;
import dev.cartflow.model.CustomerId;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.spi.CartRepository;
import dev.cartflow.spi.CartStorage;
import dev.cartflow.spi.CartWrite;
import dev.cartflow.spi.IdempotencyRecord;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A {@link CartRepository} that keeps carts only in Redis (standalone or Cluster).
 *
 * <ul>
 *   <li>A cart is a hash {@code <prefix>:{<cartId>}:cart} with its version {@code v} and its JSON
 *       {@code d}; its events are a sorted set scored by sequence; its idempotency records are
 *       strings expiring at their {@code expiresAt}. All share the cart's hash tag, so a save is one
 *       Lua script that checks the version and writes snapshot, events and record together.</li>
 *   <li>{@link #saveAll} of carts in one slot (always the case on a standalone server) is one
 *       script. Across Cluster slots it is a two-phase write with a commit record: each cart is
 *       locked with its pending change, then {@code SET tx C NX} decides, then the changes are
 *       applied. Anyone who meets a lock rolls a committed change forward, or aborts an expired
 *       uncommitted one with {@code SET tx A NX}, so exactly one of commit or abort wins and the
 *       change is all or nothing even if the writer dies.</li>
 *   <li>Secondary indexes (customer, expiresAt, updatedAt) are sorted sets under one tag, updated
 *       after the cart by a version-guarded script; queries re-check every candidate against the
 *       stored cart.</li>
 * </ul>
 *
 * <p>Redis failures surface as {@link CartException} with {@link CartErrorCode#PROVIDER_UNAVAILABLE}.
 * Configure Redis with persistence (AOF) when it is the system of record.
 */
public final class RedisCartRepository implements CartStorage {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final long TX_RECORD_TTL_MS = Duration.ofDays(7).toMillis();

    // Shared Lua: parse one write section starting at ARGV[pos]; returns the section and the next pos.
    private static final String PARSE = """
            local function section(pos)
              local s = {expected = tonumber(ARGV[pos]), version = ARGV[pos + 1], data = ARGV[pos + 2],
                         idem = ARGV[pos + 3], idemAt = ARGV[pos + 4], events = {}}
              local ne = tonumber(ARGV[pos + 5])
              pos = pos + 6
              for j = 1, ne * 2 do
                s.events[j] = ARGV[pos]
                pos = pos + 1
              end
              return s, pos
            end
            local function write(cartKey, eventsKey, idemKey, s)
              redis.call('HSET', cartKey, 'v', s.version, 'd', s.data)
              redis.call('HDEL', cartKey, 'tx', 'txp', 'txu')
              for j = 1, #s.events, 2 do
                redis.call('ZADD', eventsKey, s.events[j], s.events[j + 1])
              end
              if s.idem ~= '' then
                redis.call('SET', idemKey, s.idem, 'PXAT', s.idemAt)
              end
            end
            """;

    /** KEYS: per cart (cart, events, idem); ARGV: n, then n sections. Returns {1} or {0|2, i, info}. */
    private static final LuaScript SAVE = new LuaScript(PARSE + """
            local n = tonumber(ARGV[1])
            local pos = 2
            local sections = {}
            for i = 1, n do
              sections[i], pos = section(pos)
            end
            for i = 1, n do
              local f = redis.call('HMGET', KEYS[3 * i - 2], 'v', 'tx')
              if f[2] then
                return {2, i, f[2]}
              end
              local cur = tonumber(f[1] or '0')
              if cur ~= sections[i].expected then
                return {0, i, tostring(cur)}
              end
            end
            for i = 1, n do
              write(KEYS[3 * i - 2], KEYS[3 * i - 1], KEYS[3 * i], sections[i])
            end
            return {1}
            """);

    /** KEYS: cart; ARGV: txId, lockUntilMs, pendingJson, then one section (expected first). */
    private static final LuaScript PREPARE = new LuaScript("""
            local f = redis.call('HMGET', KEYS[1], 'v', 'tx')
            if f[2] then
              return {2, 1, f[2]}
            end
            local cur = tonumber(f[1] or '0')
            if cur ~= tonumber(ARGV[4]) then
              return {0, 1, tostring(cur)}
            end
            redis.call('HSET', KEYS[1], 'tx', ARGV[1], 'txu', ARGV[2], 'txp', ARGV[3])
            return {1}
            """);

    /** KEYS: cart, events, idem; ARGV: txId. Applies the pending change of a committed transaction. */
    private static final LuaScript APPLY = new LuaScript(PARSE + """
            local f = redis.call('HMGET', KEYS[1], 'tx', 'txp')
            if f[1] ~= ARGV[1] then
              return 0
            end
            local p = cjson.decode(f[2])
            local s = {version = p.version, data = p.data, idem = p.idem, idemAt = p.idemAt, events = p.events}
            write(KEYS[1], KEYS[2], KEYS[3], s)
            return 1
            """);

    /** KEYS: cart; ARGV: txId. Drops the pending change of an aborted transaction. */
    private static final LuaScript ABORT = new LuaScript("""
            local f = redis.call('HMGET', KEYS[1], 'tx', 'v')
            if f[1] ~= ARGV[1] then
              return 0
            end
            if f[2] then
              redis.call('HDEL', KEYS[1], 'tx', 'txp', 'txu')
            else
              redis.call('DEL', KEYS[1])
            end
            return 1
            """);

    /**
     * KEYS: versions hash, expires zset, updated zset, customer zset (or the versions hash again);
     * ARGV: cartId, version, expiresMs, updatedMs, hasCustomer. Only a newer version moves the entries.
     */
    private static final LuaScript INDEX = new LuaScript("""
            local known = tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '0')
            if known >= tonumber(ARGV[2]) then
              return 0
            end
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
            redis.call('ZADD', KEYS[2], ARGV[3], ARGV[1])
            redis.call('ZADD', KEYS[3], ARGV[4], ARGV[1])
            if ARGV[5] == '1' then
              redis.call('ZADD', KEYS[4], ARGV[4], ARGV[1])
            end
            return 1
            """);

    /** Test hook: called at each two-phase step ("prepared", "committed") to simulate a crash there. */
    interface Fault {
        void at(String phase);
    }

    volatile Fault fault = phase -> { };

    private final CartRedisClient client;
    private final RedisKeys keys;
    private final Clock clock;
    private final Duration lockTimeout;
    private final Duration idempotencyRetention;

    private RedisCartRepository(Builder b) {
        this.idempotencyRetention = b.idempotencyRetention;
        this.client = b.client;
        this.keys = new RedisKeys(b.keyPrefix);
        this.clock = b.clock;
        this.lockTimeout = b.lockTimeout;
    }

    /**
     * A builder.
     *
     * @param client the Redis connection
     * @return a builder with the default prefix {@code cartflow}
     */
    public static Builder builder(CartRedisClient client) {
        return new Builder(client);
    }

    private RedisClusterCommands<String, String> redis() {
        return client.commands();
    }

    // ------------------------------------------------------------------ reads

    @Override
    public Optional<Cart> find(CartId id) {
        CartException.requireNonNull(id, "id");
        return guard(() -> load(id));
    }

    private Optional<Cart> load(CartId id) {
        for (int attempt = 0; attempt < 3; attempt++) {
            List<io.lettuce.core.KeyValue<String, String>> f = redis().hmget(keys.cart(id), "d", "tx");
            String data = f.get(0).getValueOrElse(null);
            String tx = f.get(1).getValueOrElse(null);
            if (tx != null && resolve(id, tx)) {
                continue; // rolled forward or back: read again
            }
            if (data == null) {
                return Optional.empty();
            }
            Optional<Cart> cart = RecordCodec.decodeCart(data);
            if (cart.isEmpty()) {
                throw new CartException(CartErrorCode.PROVIDER_UNAVAILABLE,
                        "cart " + id + " is stored in a format this version cannot read");
            }
            return cart;
        }
        throw new CartException(CartErrorCode.PROVIDER_UNAVAILABLE, "cart " + id + " is locked by a pending write");
    }

    @Override
    public Optional<Cart> findActiveByCustomer(CustomerId customerId) {
        CartException.requireNonNull(customerId, "customerId");
        return guard(() -> {
            List<String> ids = redis().zrevrange(keys.customerIndex(customerId), 0, -1);
            Cart best = null;
            for (String id : ids) {
                Optional<Cart> cart = load(CartId.parse(id));
                if (cart.isPresent() && cart.get().state() == CartState.ACTIVE
                        && cart.get().customerId().filter(customerId::equals).isPresent()
                        && (best == null || cart.get().updatedAt().isAfter(best.updatedAt()))) {
                    best = cart.get();
                }
            }
            return Optional.ofNullable(best);
        });
    }

    @Override
    public List<Cart> findExpiringBefore(Instant cutoff, int limit) {
        CartException.requireNonNull(cutoff, "cutoff");
        checkLimit(limit);
        return guard(() -> scan(keys.expiresIndex(), cutoff, limit, c -> c.expiresAt().isBefore(cutoff),
                Comparator.comparing(Cart::expiresAt)));
    }

    @Override
    public List<Cart> findInactiveSince(Instant cutoff, int limit) {
        CartException.requireNonNull(cutoff, "cutoff");
        checkLimit(limit);
        return guard(() -> scan(keys.updatedIndex(), cutoff, limit,
                c -> c.state() == CartState.ACTIVE && !c.lines().isEmpty() && c.abandonedAt() == null
                        && c.updatedAt().isBefore(cutoff),
                Comparator.comparing(Cart::updatedAt)));
    }

    private List<Cart> scan(String index, Instant cutoff, int limit, java.util.function.Predicate<Cart> keep,
                            Comparator<Cart> order) {
        double max = Math.ceil(cutoff.toEpochMilli() + (cutoff.getNano() % 1_000_000 == 0 ? 0 : 1));
        int batch = Math.max(64, limit * 2);
        List<Cart> result = new ArrayList<>();
        long offset = 0;
        while (result.size() < limit) {
            List<String> ids = redis().zrangebyscore(index, Range.create(Double.NEGATIVE_INFINITY, max),
                    Limit.create(offset, batch));
            for (String id : ids) {
                load(CartId.parse(id)).filter(keep).ifPresent(result::add);
            }
            if (ids.size() < batch) {
                break;
            }
            offset += batch;
        }
        result.sort(order.thenComparing(c -> c.id().value()));
        return result.size() > limit ? List.copyOf(result.subList(0, limit)) : result;
    }

    @Override
    public Optional<IdempotencyRecord> findIdempotency(String key, Instant now) {
        CartException.requireNonNull(key, "key");
        CartException.requireNonNull(now, "now");
        return guard(() -> {
            String cartId = redis().get(keys.idempotencyPointer(key));
            if (cartId == null) {
                return Optional.<IdempotencyRecord>empty();
            }
            CartId id = CartId.parse(cartId);
            settle(id);
            return Optional.ofNullable(redis().get(keys.idempotency(id, key)))
                    .flatMap(RecordCodec::decodeIdempotency)
                    .filter(r -> r.key().equals(key) && !r.expiresAt().isBefore(now));
        });
    }

    @Override
    public List<CartEvent> eventsSince(CartId id, long afterSequence) {
        CartException.requireNonNull(id, "id");
        return guard(() -> {
            settle(id);
            List<String> members = redis().zrangebyscore(keys.events(id),
                    Range.from(Range.Boundary.excluding(afterSequence), Range.Boundary.unbounded()));
            List<CartEvent> events = new ArrayList<>(members.size());
            for (String m : members) {
                int bar = m.indexOf('|');
                RecordCodec.decodeEvent(m.substring(bar + 1)).ifPresent(events::add);
            }
            events.sort(Comparator.comparingLong(CartEvent::sequence).thenComparingInt(CartEvent::index));
            return events;
        });
    }

    // ------------------------------------------------------------------ writes

    @Override
    public void save(CartWrite write) {
        CartException.requireNonNull(write, "write");
        saveAll(List.of(write));
    }

    @Override
    public void saveAll(List<CartWrite> writes) {
        CartException.requireNonNull(writes, "writes");
        if (writes.isEmpty()) {
            return;
        }
        Set<CartId> distinct = new HashSet<>();
        for (CartWrite w : writes) {
            if (!distinct.add(w.cart().id())) {
                throw CartException.invalidInput("one cart twice in saveAll");
            }
        }
        List<CartWrite> sorted = new ArrayList<>(writes);
        sorted.sort(Comparator.comparing(w -> w.cart().id().toString()));
        guard(() -> {
            for (CartWrite w : sorted) {
                if (w.idempotency() != null) {
                    redis().set(keys.idempotencyPointer(w.idempotency().key()), w.cart().id().toString(),
                            SetArgs.Builder.pxAt(idempotencyExpiry(w.idempotency())));
                }
            }
            if (singleSlot(sorted)) {
                saveInOneScript(sorted);
            } else {
                saveTwoPhase(sorted);
            }
            for (CartWrite w : sorted) {
                index(w.cart());
            }
            return null;
        });
    }

    private boolean singleSlot(List<CartWrite> writes) {
        if (!client.isCluster() || writes.size() == 1) {
            return true;
        }
        int slot = CartRedisClient.slot(keys.cart(writes.get(0).cart().id()));
        for (CartWrite w : writes) {
            if (CartRedisClient.slot(keys.cart(w.cart().id())) != slot) {
                return false;
            }
        }
        return true;
    }

    private void saveInOneScript(List<CartWrite> writes) {
        List<String> k = new ArrayList<>();
        List<String> a = new ArrayList<>();
        a.add(Integer.toString(writes.size()));
        for (CartWrite w : writes) {
            addKeys(k, w);
            addSection(a, w);
        }
        long deadline = System.nanoTime() + lockTimeout.toNanos() * 2;
        while (true) {
            List<Object> r = SAVE.run(redis(), ScriptOutputType.MULTI, k.toArray(String[]::new),
                    a.toArray(String[]::new));
            long status = (Long) r.get(0);
            if (status == 1) {
                return;
            }
            CartWrite failed = writes.get((int) ((Long) r.get(1) - 1));
            if (status == 0) {
                long stored = Long.parseLong(String.valueOf(r.get(2)));
                throw CartException.versionConflict(stored, "cart " + failed.cart().id() + " is at version "
                        + stored + ", expected " + failed.expectedVersion());
            }
            // locked by a two-phase write
            if (!resolve(failed.cart().id(), String.valueOf(r.get(2)))) {
                waitOrFail(deadline, failed.cart().id());
            }
        }
    }

    private void saveTwoPhase(List<CartWrite> writes) {
        String txId = UUID.randomUUID().toString();
        long lockUntil = clock.millis() + lockTimeout.toMillis();
        List<CartWrite> prepared = new ArrayList<>();
        long deadline = System.nanoTime() + lockTimeout.toNanos() * 2;
        try {
            for (CartWrite w : writes) {
                while (true) {
                    List<String> a = new ArrayList<>();
                    a.add(txId);
                    a.add(Long.toString(lockUntil));
                    a.add(pending(w));
                    a.add(Long.toString(w.expectedVersion()));
                    List<Object> r = PREPARE.run(redis(), ScriptOutputType.MULTI,
                            new String[] {keys.cart(w.cart().id())}, a.toArray(String[]::new));
                    long status = (Long) r.get(0);
                    if (status == 1) {
                        prepared.add(w);
                        break;
                    }
                    if (status == 0) {
                        long stored = Long.parseLong(String.valueOf(r.get(2)));
                        throw CartException.versionConflict(stored, "cart " + w.cart().id() + " is at version "
                                + stored + ", expected " + w.expectedVersion());
                    }
                    if (!resolve(w.cart().id(), String.valueOf(r.get(2)))) {
                        waitOrFail(deadline, w.cart().id());
                    }
                }
            }
        } catch (RuntimeException e) {
            abortAll(txId, prepared);
            throw e;
        }
        fault.at("prepared");
        String decided = redis().set(keys.twoPhase(txId), "C", SetArgs.Builder.nx().px(TX_RECORD_TTL_MS));
        if (!"OK".equals(decided)) {
            abortAll(txId, prepared);
            throw new CartException(CartErrorCode.PROVIDER_UNAVAILABLE,
                    "two-phase write was aborted by another client after its lock expired");
        }
        fault.at("committed");
        for (CartWrite w : writes) {
            apply(w.cart().id(), txId);
        }
        redis().del(keys.twoPhase(txId));
    }

    private void abortAll(String txId, List<CartWrite> prepared) {
        try {
            redis().set(keys.twoPhase(txId), "A", SetArgs.Builder.nx().px(TX_RECORD_TTL_MS));
            if ("A".equals(redis().get(keys.twoPhase(txId)))) {
                for (CartWrite w : prepared) {
                    ABORT.run(redis(), ScriptOutputType.INTEGER, new String[] {keys.cart(w.cart().id())}, txId);
                }
            }
        } catch (RuntimeException ignored) {
            // locks expire; the next reader aborts them
        }
    }

    /**
     * Settles a lock met on a cart: rolls a committed change forward, aborts an expired
     * uncommitted one.
     *
     * @return true when the lock is gone, false when its writer is still in progress
     */
    private boolean resolve(CartId id, String txId) {
        String decision = redis().get(keys.twoPhase(txId));
        if (decision == null) {
            String until = redis().hget(keys.cart(id), "txu");
            if (until != null && Long.parseLong(until) > clock.millis()) {
                return false;
            }
            redis().set(keys.twoPhase(txId), "A", SetArgs.Builder.nx().px(TX_RECORD_TTL_MS));
            decision = redis().get(keys.twoPhase(txId));
        }
        if ("C".equals(decision)) {
            apply(id, txId);
        } else {
            ABORT.run(redis(), ScriptOutputType.INTEGER, new String[] {keys.cart(id)}, txId);
        }
        return true;
    }

    /** Settles any lock on the cart so that reads of its events and records are not behind a commit. */
    private void settle(CartId id) {
        String tx = redis().hget(keys.cart(id), "tx");
        if (tx != null) {
            resolve(id, tx);
        }
    }

    private void apply(CartId id, String txId) {
        String pendingIdemKey = null;
        String p = redis().hget(keys.cart(id), "txp");
        if (p != null) {
            try {
                pendingIdemKey = MAPPER.readTree(p).path("idemKey").asText("");
            } catch (java.io.IOException e) {
                pendingIdemKey = "";
            }
        }
        String idemKey = keys.idempotency(id, pendingIdemKey == null ? "" : pendingIdemKey);
        APPLY.run(redis(), ScriptOutputType.INTEGER, new String[] {keys.cart(id), keys.events(id), idemKey}, txId);
    }

    private void waitOrFail(long deadline, CartId id) {
        if (System.nanoTime() > deadline) {
            throw new CartException(CartErrorCode.PROVIDER_UNAVAILABLE, "cart " + id + " stays locked");
        }
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CartException(CartErrorCode.PROVIDER_UNAVAILABLE, "interrupted", e);
        }
    }

    private void addKeys(List<String> k, CartWrite w) {
        CartId id = w.cart().id();
        k.add(keys.cart(id));
        k.add(keys.events(id));
        k.add(keys.idempotency(id, w.idempotency() == null ? "" : w.idempotency().key()));
    }

    private void addSection(List<String> a, CartWrite w) {
        a.add(Long.toString(w.expectedVersion()));
        a.add(Long.toString(w.cart().version()));
        a.add(RecordCodec.encode(w.cart()));
        a.add(w.idempotency() == null ? "" : RecordCodec.encode(w.idempotency()));
        a.add(w.idempotency() == null ? "0" : Long.toString(idempotencyExpiry(w.idempotency())));
        a.add(Integer.toString(w.events().size()));
        for (CartEvent e : w.events()) {
            a.add(Long.toString(e.sequence()));
            a.add(eventMember(e));
        }
    }

    /**
     * When Redis may drop a record: at its {@code expiresAt}, but never sooner than the retention
     * from now (the engine's clock may differ from the wall clock; reads filter by the given instant).
     */
    private long idempotencyExpiry(IdempotencyRecord r) {
        return Math.max(r.expiresAt().toEpochMilli(), clock.millis() + idempotencyRetention.toMillis());
    }

    private static String eventMember(CartEvent e) {
        return String.format("%06d|", e.index()) + RecordCodec.encode(e);
    }

    private String pending(CartWrite w) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("version", Long.toString(w.cart().version()));
        n.put("data", RecordCodec.encode(w.cart()));
        n.put("idem", w.idempotency() == null ? "" : RecordCodec.encode(w.idempotency()));
        n.put("idemKey", w.idempotency() == null ? "" : w.idempotency().key());
        n.put("idemAt", w.idempotency() == null ? "0" : Long.toString(idempotencyExpiry(w.idempotency())));
        ArrayNode events = n.putArray("events");
        for (CartEvent e : w.events()) {
            events.add(Long.toString(e.sequence()));
            events.add(eventMember(e));
        }
        return n.toString();
    }

    private void index(Cart cart) {
        String id = cart.id().toString();
        Optional<CustomerId> customer = cart.customerId();
        INDEX.run(redis(), ScriptOutputType.INTEGER,
                new String[] {keys.indexVersions(), keys.expiresIndex(), keys.updatedIndex(),
                        customer.map(keys::customerIndex).orElse(keys.indexVersions())},
                id, Long.toString(cart.version()), Long.toString(cart.expiresAt().toEpochMilli()),
                Long.toString(cart.updatedAt().toEpochMilli()), customer.isPresent() ? "1" : "0");
    }

    @Override
    public boolean delete(CartId id) {
        CartException.requireNonNull(id, "id");
        return guard(() -> {
            settle(id);
            Optional<Cart> cart = Optional.ofNullable(redis().hget(keys.cart(id), "d")).flatMap(RecordCodec::decodeCart);
            long removed = redis().del(keys.cart(id));
            redis().del(keys.events(id));
            String member = id.toString();
            redis().hdel(keys.indexVersions(), member);
            redis().zrem(keys.expiresIndex(), member);
            redis().zrem(keys.updatedIndex(), member);
            cart.flatMap(Cart::customerId).ifPresent(c -> redis().zrem(keys.customerIndex(c), member));
            return removed > 0;
        });
    }

    // ------------------------------------------------------------------ helpers

    private static void checkLimit(int limit) {
        if (limit < 1) {
            throw CartException.invalidInput("limit must be at least 1");
        }
    }

    static <T> T guard(Supplier<T> action) {
        return RedisFailures.translate("cart store", action);
    }

    /** Builder of {@link RedisCartRepository}; setters validate, {@link #build()} freezes. */
    public static final class Builder extends RepositoryBuilder<Builder> {
        private final CartRedisClient client;
        private Duration lockTimeout = Duration.ofSeconds(2);
        private Duration idempotencyRetention = Duration.ofHours(24);

        private Builder(CartRedisClient client) {
            this.client = CartException.requireNonNull(client, "client");
        }

        /** How long a cross-slot two-phase write may hold its locks; default 2 s. */
        public Builder lockTimeout(Duration timeout) {
            this.lockTimeout = positive(timeout, "lock timeout");
            return this;
        }

        /** The shortest time an idempotency record is kept after it is written; default 24 h. */
        public Builder idempotencyRetention(Duration retention) {
            if (retention == null || retention.isNegative()) {
                throw CartException.invalidInput("retention must not be negative");
            }
            this.idempotencyRetention = retention;
            return this;
        }

        /** The repository. */
        public RedisCartRepository build() {
            return new RedisCartRepository(this);
        }
    }

}
