package dev.cartflow.core.memory;

import dev.cartflow.model.Cart;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CartKind;
import dev.cartflow.model.CartState;
import dev.cartflow.model.CustomerId;
import dev.cartflow.error.CartException;
import dev.cartflow.spi.CartRepository;
import dev.cartflow.spi.CartScan;
import dev.cartflow.spi.CartStorage;
import dev.cartflow.spi.CartWrite;
import dev.cartflow.spi.CustomerCarts;
import dev.cartflow.spi.IdempotencyRecord;
import dev.cartflow.spi.PersonalDataStore;
import dev.cartflow.spi.PersonalRecord;
import dev.cartflow.core.privacy.PersonalRecords;
import dev.cartflow.spi.RetentionStore;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Set;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A thread-safe {@link CartRepository} in memory. It enforces versions like a database would
 * and writes a change, its events and its idempotency record atomically. For tests, examples and
 * single-instance deployments that can lose carts on restart.
 *
 * <p>It lists a customer's carts of every kind ({@link CustomerCarts}); {@link #findActiveByCustomer}
 * finds only shopping carts.
 *
 * <p>It can erase and export a customer's data (its carts and the guest carts merged into them, their
 * events and stored responses) and age events and stored responses out for the retention job.
 */
public final class InMemoryCartRepository implements CartStorage, CartScan, PersonalDataStore, RetentionStore,
        CustomerCarts {
    private final Map<CartId, Cart> carts = new HashMap<>();
    private final Map<CartId, List<CartEvent>> events = new HashMap<>();
    private final Map<String, IdempotencyRecord> idempotency = new HashMap<>();

    /** An empty repository. */
    public InMemoryCartRepository() {
    }

    @Override
    public synchronized Optional<Cart> find(CartId id) {
        return Optional.ofNullable(carts.get(requireId(id)));
    }

    @Override
    public synchronized Optional<Cart> findActiveByCustomer(CustomerId customerId) {
        if (customerId == null) {
            throw CartException.invalidInput("customer id must not be null");
        }
        return carts.values().stream()
                .filter(c -> c.state() == CartState.ACTIVE && c.kind() == CartKind.SHOPPING
                        && c.customerId().filter(customerId::equals).isPresent())
                .max(Comparator.comparing(Cart::updatedAt).thenComparing(c -> c.id().value()));
    }

    @Override
    public synchronized List<Cart> cartsOf(CustomerId customerId) {
        requireCustomer(customerId);
        return carts.values().stream()
                .filter(c -> c.state() == CartState.ACTIVE && c.customerId().filter(customerId::equals).isPresent())
                .sorted(Comparator.comparing(Cart::updatedAt).reversed().thenComparing(c -> c.id().value()))
                .toList();
    }

    @Override
    public synchronized void save(CartWrite write) {
        saveAll(List.of(write));
    }

    @Override
    public synchronized void saveAll(List<CartWrite> writes) {
        if (writes == null || writes.stream().anyMatch(java.util.Objects::isNull)) {
            throw CartException.invalidInput("writes must not be null");
        }
        for (CartWrite write : writes) {
            Cart stored = carts.get(write.cart().id());
            long storedVersion = stored == null ? 0 : stored.version();
            if (storedVersion != write.expectedVersion()) {
                throw CartException.versionConflict(storedVersion,
                        "cart " + write.cart().id() + " is at version " + storedVersion + ", not "
                                + write.expectedVersion());
            }
        }
        for (CartWrite write : writes) {
            Cart cart = write.cart();
            carts.put(cart.id(), cart);
            events.computeIfAbsent(cart.id(), k -> new ArrayList<>()).addAll(write.events());
            if (write.idempotency() != null) {
                idempotency.put(write.idempotency().key(), write.idempotency());
            }
        }
    }

    @Override
    public synchronized boolean delete(CartId id) {
        events.remove(requireId(id));
        return carts.remove(id) != null;
    }

    @Override
    public synchronized List<Cart> findExpiringBefore(Instant cutoff, int limit) {
        requirePage(cutoff, limit);
        return carts.values().stream()
                .filter(c -> c.expiresAt().isBefore(cutoff))
                .sorted(Comparator.comparing(Cart::expiresAt).thenComparing(c -> c.id().value()))
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized List<Cart> findInactiveSince(Instant cutoff, int limit) {
        requirePage(cutoff, limit);
        return carts.values().stream()
                .filter(c -> c.state() == CartState.ACTIVE && !c.lines().isEmpty() && c.abandonedAt() == null
                        && c.updatedAt().isBefore(cutoff))
                .sorted(Comparator.comparing(Cart::updatedAt).thenComparing(c -> c.id().value()))
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized Optional<IdempotencyRecord> findIdempotency(String key, Instant now) {
        if (key == null || now == null) {
            throw CartException.invalidInput("key and now are required");
        }
        IdempotencyRecord found = idempotency.get(key);
        if (found != null && found.expiresAt().isBefore(now)) {
            idempotency.remove(key);
            return Optional.empty();
        }
        return Optional.ofNullable(found);
    }

    @Override
    public synchronized List<CartEvent> eventsSince(CartId id, long afterSequence) {
        return events.getOrDefault(requireId(id), List.of()).stream()
                .filter(e -> e.sequence() > afterSequence)
                .toList();
    }

    @Override
    public synchronized Map<String, Integer> eraseCustomer(CustomerId customerId, String subject) {
        Set<CartId> ids = customerCarts(requireCustomer(customerId));
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (CartId id : ids) {
            Cart cart = carts.remove(id);
            counts.merge(PersonalRecords.CART, 1, Integer::sum);
            counts.merge(PersonalRecords.LINE, cart.lines().size(), Integer::sum);
            counts.merge(PersonalRecords.CODE, cart.codes().size(), Integer::sum);
            List<CartEvent> removed = events.remove(id);
            counts.merge(PersonalRecords.EVENT, removed == null ? 0 : removed.size(), Integer::sum);
        }
        int records = idempotency.size();
        idempotency.values().removeIf(r -> answersOneOf(r, ids));
        counts.put(PersonalRecords.IDEMPOTENCY, records - idempotency.size());
        return counts;
    }

    @Override
    public synchronized List<PersonalRecord> exportCustomer(CustomerId customerId, String subject) {
        Set<CartId> ids = customerCarts(requireCustomer(customerId));
        List<PersonalRecord> records = new ArrayList<>();
        for (CartId id : ids) {
            records.add(PersonalRecords.cart(carts.get(id)));
            events.getOrDefault(id, List.of()).forEach(e -> records.add(PersonalRecords.event(e)));
        }
        idempotency.values().stream().filter(r -> answersOneOf(r, ids))
                .forEach(r -> records.add(PersonalRecords.idempotency(r)));
        return records;
    }

    @Override
    public synchronized int deleteOlderThan(String kind, Instant cutoff, int limit) {
        if (kind == null) {
            throw CartException.invalidInput("kind must not be null");
        }
        requirePage(cutoff, limit);
        if (kind.equals(RetentionStore.EVENT)) {
            // Events in memory are delivered as they are stored (the in-process publisher).
            List<CartEvent> old = events.values().stream().flatMap(List::stream)
                    .filter(e -> e.at().isBefore(cutoff))
                    .sorted(Comparator.comparing(CartEvent::at)).limit(limit).toList();
            Set<CartEvent> doomed = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            doomed.addAll(old);
            events.values().forEach(list -> list.removeIf(doomed::contains));
            events.values().removeIf(List::isEmpty);
            return old.size();
        }
        if (kind.equals(RetentionStore.IDEMPOTENCY)) {
            List<String> old = idempotency.values().stream().filter(r -> r.expiresAt().isBefore(cutoff))
                    .sorted(Comparator.comparing(IdempotencyRecord::expiresAt)).limit(limit)
                    .map(IdempotencyRecord::key).toList();
            old.forEach(idempotency::remove);
            return old.size();
        }
        return 0;
    }

    /** The customer's carts and the guest carts merged into them. */
    private Set<CartId> customerCarts(CustomerId customerId) {
        Set<CartId> ids = new LinkedHashSet<>();
        carts.values().stream().filter(c -> c.customerId().filter(customerId::equals).isPresent())
                .sorted(Comparator.comparing(c -> c.id().value())).forEach(c -> ids.add(c.id()));
        for (CartId id : List.copyOf(ids)) {
            for (CartEvent event : events.getOrDefault(id, List.of())) {
                PersonalRecords.mergedFrom(event).filter(carts::containsKey).ifPresent(ids::add);
            }
        }
        return ids;
    }

    private static boolean answersOneOf(IdempotencyRecord record, Set<CartId> ids) {
        return PersonalRecords.cartOfIdempotencyKey(record.key()).filter(ids::contains).isPresent();
    }

    private static CustomerId requireCustomer(CustomerId customerId) {
        if (customerId == null) {
            throw CartException.invalidInput("customer id must not be null");
        }
        return customerId;
    }

    @Override
    public synchronized List<Cart> findAfter(CartId after, int limit) {
        if (limit < 1) {
            throw CartException.invalidInput("a positive limit is required");
        }
        String from = after == null ? "" : after.toString();
        return carts.values().stream()
                .filter(c -> c.id().toString().compareTo(from) > 0)
                .sorted(Comparator.comparing(c -> c.id().toString()))
                .limit(limit)
                .toList();
    }

    private static CartId requireId(CartId id) {
        if (id == null) {
            throw CartException.invalidInput("cart id must not be null");
        }
        return id;
    }

    private static void requirePage(Instant cutoff, int limit) {
        if (cutoff == null || limit < 1) {
            throw CartException.invalidInput("a cutoff and a positive limit are required");
        }
    }
}
