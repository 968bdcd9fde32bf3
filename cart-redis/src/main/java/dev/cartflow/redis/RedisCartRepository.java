package dev.cartflow.redis;

import dev.cartflow.model.Cart;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CartKind;
import dev.cartflow.model.CartState;
import dev.cartflow.model.CustomerId;
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
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
 *       stored cart. The customer index holds carts of every kind: {@link #cartsOf} lists the active
 *       ones, {@link #findActiveByCustomer} returns the latest shopping cart among them.</li>
 * </ul>
 *
 * <p>Data protection: {@link #eraseCustomer} deletes the customer's carts (found through its
 * customer index) and the guest carts merged into them, with their events, stored responses and
 * index entries, and the customer index itself; {@link #deleteOlderThan} ages out events and
 * expired stored responses (both scan the keyspace, so run them off-peak).
 *
 * <p>Redis failures surface as {@link CartException} with {@link CartErrorCode#PROVIDER_UNAVAILABLE}.
 * Configure Redis with persistence (AOF) when it is the system of record.
 */
public final class RedisCartRepository implements CartStorage, CartScan, CustomerCarts, PersonalDataStore, RetentionStore {
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
    private final RedisCartWriter writer;
    private final RedisPersonalData personal;

    RedisCartRepository(RedisCartRepositoryBuilder b) {
        this.client = b.client;
        this.keys = new RedisKeys(b.keyPrefix);
        this.writer = new RedisCartWriter(b.client, keys, b.clock, b.lockTimeout, b.idempotencyRetention,
                () -> fault);
        this.personal = new RedisPersonalData(b.client, keys, this::load, id -> eventsSince(id, 0), this::delete);
    }

    /**
     * A builder.
     *
     * @param client the Redis connection
     * @return a builder with the default prefix {@code cartflow}
     */
    public static RedisCartRepositoryBuilder builder(CartRedisClient client) {
        return new RedisCartRepositoryBuilder(client);
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
            if (tx != null && writer.resolve(id, tx)) {
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
        return guard(() -> activeCarts(customerId).stream().filter(c -> c.kind() == CartKind.SHOPPING).findFirst());
    }

    @Override
    public List<Cart> cartsOf(CustomerId customerId) {
        CartException.requireNonNull(customerId, "customerId");
        return guard(() -> activeCarts(customerId));
    }

    /**
     * The customer's active carts of every kind, most recently updated first: each candidate of the
     * customer index checked against the stored cart (an index entry may lag behind its cart).
     */
    private List<Cart> activeCarts(CustomerId customerId) {
        List<Cart> carts = new ArrayList<>();
        for (String id : redis().zrevrange(keys.customerIndex(customerId), 0, -1)) {
            load(CartId.parse(id))
                    .filter(c -> c.state() == CartState.ACTIVE && c.customerId().filter(customerId::equals).isPresent())
                    .ifPresent(carts::add);
        }
        carts.sort(Comparator.comparing(Cart::updatedAt).reversed().thenComparing(c -> c.id().toString()));
        return carts;
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

    /**
     * Every cart after {@code after} in id order, for the key rotation job. Redis keeps no index by
     * id, so each page reads every id of the expiry index and sorts them: fine for a batch job over
     * the carts Redis alone holds, not for millions (keep those in a store with an id index, such as
     * cart-jdbi, behind the cart cache).
     */
    @Override
    public List<Cart> findAfter(CartId after, int limit) {
        checkLimit(limit);
        String from = after == null ? "" : after.toString();
        return guard(() -> {
            List<Cart> page = new ArrayList<>();
            for (String id : redis().zrange(keys.expiresIndex(), 0, -1).stream()
                    .filter(id -> id.compareTo(from) > 0).sorted().toList()) {
                load(CartId.parse(id)).ifPresent(page::add);
                if (page.size() == limit) {
                    break;
                }
            }
            return page;
        });
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
            writer.settle(id);
            return Optional.ofNullable(redis().get(keys.idempotency(id, key)))
                    .flatMap(RecordCodec::decodeIdempotency)
                    .filter(r -> r.key().equals(key) && !r.expiresAt().isBefore(now));
        });
    }

    @Override
    public List<CartEvent> eventsSince(CartId id, long afterSequence) {
        CartException.requireNonNull(id, "id");
        return guard(() -> {
            writer.settle(id);
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
            writer.write(sorted);
            for (CartWrite w : sorted) {
                index(w.cart());
            }
            return null;
        });
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
            writer.settle(id);
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

    // ------------------------------------------------------------------ data protection

    @Override
    public Map<String, Integer> eraseCustomer(CustomerId customerId, String subject) {
        CartException.requireNonNull(customerId, "customerId");
        return guard(() -> personal.erase(customerId));
    }

    @Override
    public List<PersonalRecord> exportCustomer(CustomerId customerId, String subject) {
        CartException.requireNonNull(customerId, "customerId");
        return guard(() -> personal.export(customerId));
    }

    @Override
    public int deleteOlderThan(String kind, Instant cutoff, int limit) {
        CartException.requireNonNull(kind, "kind");
        CartException.requireNonNull(cutoff, "cutoff");
        checkLimit(limit);
        return guard(() -> personal.deleteOlderThan(kind, cutoff, limit));
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
}
