package dev.cartflow.redis;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.CartId;
import dev.cartflow.spi.CartWrite;
import dev.cartflow.spi.IdempotencyRecord;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The write path of {@link RedisCartRepository}: one version-checking script when every cart is in
 * one slot, else the two-phase write with a commit record; and the settling of locks that readers
 * meet. See docs/redis.md ("Cross-slot atomic saveAll") for the protocol and why it is all or
 * nothing.
 */
final class RedisCartWriter {
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


    private final CartRedisClient client;
    private final RedisKeys keys;
    private final Clock clock;
    private final Duration lockTimeout;
    private final Duration idempotencyRetention;
    private final Supplier<RedisCartRepository.Fault> fault;

    RedisCartWriter(CartRedisClient client, RedisKeys keys, Clock clock, Duration lockTimeout,
                    Duration idempotencyRetention, Supplier<RedisCartRepository.Fault> fault) {
        this.client = client;
        this.keys = keys;
        this.clock = clock;
        this.lockTimeout = lockTimeout;
        this.idempotencyRetention = idempotencyRetention;
        this.fault = fault;
    }

    private RedisClusterCommands<String, String> redis() {
        return client.commands();
    }

    /** Writes carts sorted by id, each at most once, all or nothing; the caller translates failures. */
    void write(List<CartWrite> sorted) {
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
        fault.get().at("prepared");
        String decided = redis().set(keys.twoPhase(txId), "C", SetArgs.Builder.nx().px(TX_RECORD_TTL_MS));
        if (!"OK".equals(decided)) {
            abortAll(txId, prepared);
            throw new CartException(CartErrorCode.PROVIDER_UNAVAILABLE,
                    "two-phase write was aborted by another client after its lock expired");
        }
        fault.get().at("committed");
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
    boolean resolve(CartId id, String txId) {
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
    void settle(CartId id) {
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
}
