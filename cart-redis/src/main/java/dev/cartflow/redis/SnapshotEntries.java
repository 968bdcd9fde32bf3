package dev.cartflow.redis;

import dev.cartflow.model.Cart;
import dev.cartflow.model.CartId;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Redis entries of {@link CachingCartRepository}: one hash per cart with its version and JSON, or
 * a tombstone. Every change is a script that only ever replaces an entry by a higher version, so a
 * slow writer or a slow fill cannot go backwards. Every call goes through the repository's
 * {@link RedisGuard}: a failure answers empty or false, never an exception (except {@link #flushAll}).
 */
final class SnapshotEntries {
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

    private static final byte[] DATA_FIELD = {'d'};
    private static final byte[] TOMBSTONE_FIELD = {'t'};

    private final CartRedisClient client;
    private final RedisKeys keys;
    private final RedisGuard guard;
    private final Clock clock;
    private final Duration minTtl;
    private final Duration maxTtl;
    private final Duration expiryGrace;
    private final Duration tombstoneTtl;

    SnapshotEntries(CartRedisClient client, RedisKeys keys, RedisGuard guard, Clock clock, Duration minTtl,
                    Duration maxTtl, Duration expiryGrace, Duration tombstoneTtl) {
        this.client = client;
        this.keys = keys;
        this.guard = guard;
        this.clock = clock;
        this.minTtl = minTtl;
        this.maxTtl = maxTtl;
        this.expiryGrace = expiryGrace;
        this.tombstoneTtl = tombstoneTtl;
    }

    private RedisClusterCommands<String, String> redis() {
        return client.commands();
    }

    /** The entry as read ({@link Entry#data} null when absent), or empty when Redis did not answer. */
    Optional<Entry> read(CartId id) {
        String key = keys.snapshot(id);
        return guard.call(key, () -> {
            List<byte[]> fields = client.hmget(key, DATA_FIELD, TOMBSTONE_FIELD);
            return new Entry(fields.get(0), fields.get(1) != null);
        });
    }

    /**
     * A cache entry as Redis holds it: the cart document's UTF-8 bytes (compared as they are with
     * the last one decoded; {@code null} when absent) and whether the entry is a tombstone.
     */
    record Entry(byte[] data, boolean tombstone) {
    }

    /** Version-checked fill after a miss; true when Redis answered (whether or not it replaced the entry). */
    boolean put(Cart cart) {
        String key = keys.snapshot(cart.id());
        return guard.run(key, putAction(key, cart));
    }

    /**
     * The version-checked update after an acknowledged write: attempted even while the circuit of
     * the entry's node is open (see {@link RedisGuard#attempt}); true when Redis answered.
     */
    boolean update(Cart cart) {
        String key = keys.snapshot(cart.id());
        return guard.attempt(key, putAction(key, cart));
    }

    private Runnable putAction(String key, Cart cart) {
        String expireAt = Long.toString(expireAt(cart));
        return () -> PUT.run(redis(), ScriptOutputType.INTEGER, new String[] {key}, Long.toString(cart.version()),
                RecordCodec.encode(cart), expireAt);
    }

    /**
     * Replaces the entry by a tombstone that blocks fills, attempted even while the circuit of the
     * entry's node is open (it follows an acknowledged delete); true when Redis answered.
     */
    boolean tombstone(CartId id) {
        String key = keys.snapshot(id);
        return guard.attempt(key, () -> TOMBSTONE.run(redis(), ScriptOutputType.INTEGER,
                new String[] {key}, Long.toString(tombstoneTtl.toMillis())));
    }

    /** Drops an entry older than {@code stored} (after a conflict), also while its circuit is open; true when Redis answered. */
    boolean evictOlder(CartId id, long stored) {
        String key = keys.snapshot(id);
        return guard.attempt(key, () -> EVICT_OLDER.run(redis(), ScriptOutputType.INTEGER,
                new String[] {key}, Long.toString(stored)));
    }

    /** Drops the entry whatever its version; true when Redis answered. */
    boolean delete(CartId id) {
        String key = keys.snapshot(id);
        return guard.run(key, () -> redis().del(key));
    }

    /** Deletes every entry of the prefix on one Cluster master; true when it answered. */
    boolean flushNode(String node) {
        return guard.runOnNode(node, () -> client.deleteOnNode(node, keys.prefix() + ":{*}:snap"));
    }

    /** The Cluster master of the cart's entry ({@code null} on a standalone server). */
    String nodeOf(CartId id) {
        return client.nodeOf(keys.snapshot(id));
    }

    /** True when the circuit of the entry's node lets calls through now. */
    boolean reachable(CartId id) {
        return guard.mayCall(keys.snapshot(id));
    }

    /** When an entry written now expires: {@code expiresAt + grace}, within {@code [min, max]} from now. */
    long expireAt(Cart cart) {
        Instant now = clock.instant();
        Duration untilExpiry = Duration.between(now, cart.expiresAt().plus(expiryGrace));
        Duration ttl = untilExpiry.compareTo(minTtl) < 0 ? minTtl : untilExpiry.compareTo(maxTtl) > 0 ? maxTtl
                : untilExpiry;
        return now.plus(ttl).toEpochMilli();
    }

    /**
     * Deletes every entry of the key prefix (after a restart that may have reloaded old ones). Not
     * guarded: it throws on a Redis failure, so the caller runs it through the guard.
     */
    void flushAll() {
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
    }
}
