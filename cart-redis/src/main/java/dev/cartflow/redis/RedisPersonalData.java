package dev.cartflow.redis;

import dev.cartflow.core.privacy.PersonalRecords;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CustomerId;
import dev.cartflow.spi.IdempotencyRecord;
import dev.cartflow.spi.PersonalRecord;
import dev.cartflow.spi.RetentionStore;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Erasure, export and retention of {@link RedisCartRepository}. A customer's carts are found through
 * its customer index (and checked against the stored cart), the guest carts merged into them through
 * their {@code MERGED} events; their stored responses by a scan of the record keys, which carry the
 * cart's hash tag. Not guarded: the repository runs every call through its failure translation.
 */
final class RedisPersonalData {
    private final CartRedisClient client;
    private final RedisKeys keys;
    private final Function<CartId, Optional<Cart>> load;
    private final Function<CartId, List<CartEvent>> events;
    private final Predicate<CartId> delete;

    RedisPersonalData(CartRedisClient client, RedisKeys keys, Function<CartId, Optional<Cart>> load,
                      Function<CartId, List<CartEvent>> events, Predicate<CartId> delete) {
        this.client = client;
        this.keys = keys;
        this.load = load;
        this.events = events;
        this.delete = delete;
    }

    private RedisClusterCommands<String, String> redis() {
        return client.commands();
    }

    Map<String, Integer> erase(CustomerId customerId) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<Cart> carts = customerCarts(customerId);
        Set<CartId> ids = ids(carts);
        int records = 0;
        for (Map.Entry<String, IdempotencyRecord> record : records(ids).entrySet()) {
            records += (int) (long) redis().del(record.getKey());
            redis().del(keys.idempotencyPointer(record.getValue().key()));
        }
        counts.put(PersonalRecords.IDEMPOTENCY, records);
        for (Cart cart : carts) {
            int stored = (int) (long) redis().zcard(keys.events(cart.id()));
            if (delete.test(cart.id())) {
                counts.merge(PersonalRecords.CART, 1, Integer::sum);
                counts.merge(PersonalRecords.LINE, cart.lines().size(), Integer::sum);
                counts.merge(PersonalRecords.CODE, cart.codes().size(), Integer::sum);
                counts.merge(PersonalRecords.EVENT, stored, Integer::sum);
            }
        }
        counts.put(PersonalRecords.INDEX, (int) (long) redis().del(keys.customerIndex(customerId)));
        return counts;
    }

    List<PersonalRecord> export(CustomerId customerId) {
        List<Cart> carts = customerCarts(customerId);
        List<PersonalRecord> records = new ArrayList<>();
        for (Cart cart : carts) {
            records.add(PersonalRecords.cart(cart));
            events.apply(cart.id()).forEach(e -> records.add(PersonalRecords.event(e)));
        }
        records(ids(carts)).values().forEach(r -> records.add(PersonalRecords.idempotency(r)));
        return records;
    }

    /** A retention batch: events are a log here (no outbox), so every old one may go; records by expiry. */
    int deleteOlderThan(String kind, Instant cutoff, int limit) {
        int deleted = 0;
        if (RetentionStore.EVENT.equals(kind)) {
            ScanIterator<String> it = scan(keys.prefix() + ":{*}:events");
            while (it.hasNext() && deleted < limit) {
                String key = it.next();
                for (String member : redis().zrange(key, 0, -1)) {
                    Optional<CartEvent> event = RecordCodec.decodeEvent(member.substring(member.indexOf('|') + 1));
                    if (deleted < limit && event.isPresent() && event.get().at().isBefore(cutoff)) {
                        deleted += (int) (long) redis().zrem(key, member);
                    }
                }
            }
        } else if (RetentionStore.IDEMPOTENCY.equals(kind)) {
            ScanIterator<String> it = scan(keys.prefix() + ":{*}:idem:*");
            while (it.hasNext() && deleted < limit) {
                String key = it.next();
                Optional<IdempotencyRecord> record = Optional.ofNullable(redis().get(key))
                        .flatMap(RecordCodec::decodeIdempotency);
                if (record.isPresent() && record.get().expiresAt().isBefore(cutoff)) {
                    deleted += (int) (long) redis().del(key);
                    redis().del(keys.idempotencyPointer(record.get().key()));
                }
            }
        }
        return deleted;
    }

    /** The customer's carts, then the guest carts merged into them. */
    private List<Cart> customerCarts(CustomerId customerId) {
        Map<CartId, Cart> carts = new LinkedHashMap<>();
        for (String id : redis().zrange(keys.customerIndex(customerId), 0, -1)) {
            load.apply(CartId.parse(id)).filter(c -> c.customerId().filter(customerId::equals).isPresent())
                    .ifPresent(c -> carts.put(c.id(), c));
        }
        for (Cart cart : List.copyOf(carts.values())) {
            for (CartEvent event : events.apply(cart.id())) {
                PersonalRecords.mergedFrom(event).filter(id -> !carts.containsKey(id)).flatMap(load)
                        .ifPresent(guest -> carts.put(guest.id(), guest));
            }
        }
        return List.copyOf(carts.values());
    }

    /** The stored responses of these carts, by their Redis key. */
    private Map<String, IdempotencyRecord> records(Set<CartId> ids) {
        Map<String, IdempotencyRecord> records = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return records;
        }
        ScanIterator<String> it = scan(keys.prefix() + ":{*}:idem:*");
        while (it.hasNext()) {
            String key = it.next();
            int open = key.indexOf(":{");
            int close = key.indexOf("}:idem:", open);
            if (open < 0 || close < 0 || !cartId(key.substring(open + 2, close)).filter(ids::contains).isPresent()) {
                continue;
            }
            Optional.ofNullable(redis().get(key)).flatMap(RecordCodec::decodeIdempotency)
                    .ifPresent(r -> records.put(key, r));
        }
        return records;
    }

    private ScanIterator<String> scan(String pattern) {
        return ScanIterator.scan(redis(), ScanArgs.Builder.matches(pattern).limit(500));
    }

    private static Optional<CartId> cartId(String text) {
        try {
            return Optional.of(CartId.parse(text));
        } catch (dev.cartflow.error.CartException e) {
            return Optional.empty();
        }
    }

    private static Set<CartId> ids(List<Cart> carts) {
        Set<CartId> ids = new LinkedHashSet<>();
        carts.forEach(c -> ids.add(c.id()));
        return ids;
    }
}
