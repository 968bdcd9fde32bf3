package dev.cartflow.core.residency;

import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CustomerId;
import dev.cartflow.spi.CartScan;
import dev.cartflow.spi.CartStorage;
import dev.cartflow.spi.CartWrite;
import dev.cartflow.spi.CustomerCarts;
import dev.cartflow.spi.IdempotencyRecord;
import dev.cartflow.spi.PersonalDataStore;
import dev.cartflow.spi.PersonalRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Data residency as a cart store: each region's carts live in that region's own storage, and no
 * call writes a cart anywhere else. A cart is written to the storage of its {@link Cart#region()};
 * a cart is found by its id alone, which carries its region's code ({@link Region#newCartId}), so a
 * read asks exactly one region. Only ids without a code (carts from before regions) are looked up
 * in the default region first and then in each other region in turn.
 *
 * <pre>{@code
 * CartStorage routing = RegionRoutingRepository.builder()
 *         .region(Region.of("eu", 1), euRepository)
 *         .region(Region.of("us", 2), usRepository)
 *         .defaultRegion("eu")          // where carts without a region are (optional)
 *         .build();
 * }</pre>
 *
 * <p>Refusals are {@code ACCESS_DENIED}: a cart of a region this routing has no storage for, a cart
 * without a region when there is no default region, and one write spanning two regions (a merge
 * cannot be atomic across two databases, so a guest cart merges only within its region). Calls with
 * no id to route by ask every region: {@link #findActiveByCustomer}, {@link #cartsOf}, the
 * maintenance scans, {@link #findAfter} and erasure and export. Thread-safe when the regions' stores are.
 */
public final class RegionRoutingRepository implements CartStorage, CartScan, PersonalDataStore, CustomerCarts {
    private final Map<String, CartStorage> byName;
    private final Map<Integer, CartStorage> byCode;
    private final Map<Integer, String> names;
    private final String defaultRegion;

    private RegionRoutingRepository(Builder b) {
        this.byName = Map.copyOf(b.byName);
        this.byCode = Map.copyOf(b.byCode);
        this.names = Map.copyOf(b.names);
        this.defaultRegion = b.defaultRegion;
    }

    /**
     * A builder with no regions.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Optional<Cart> find(CartId id) {
        return route(id, store -> store.find(id), Optional::isPresent, Optional.empty());
    }

    @Override
    public Optional<Cart> findActiveByCustomer(CustomerId customerId) {
        return byName.values().stream()
                .map(store -> store.findActiveByCustomer(customerId))
                .flatMap(Optional::stream)
                .max(Comparator.comparing(Cart::updatedAt).thenComparing(c -> c.id().toString()));
    }

    @Override
    public void save(CartWrite write) {
        CartException.requireNonNull(write, "write");
        storeOf(write.cart()).save(write);
    }

    @Override
    public void saveAll(List<CartWrite> writes) {
        if (writes == null || writes.stream().anyMatch(java.util.Objects::isNull)) {
            throw CartException.invalidInput("writes must not be or hold null");
        }
        if (writes.isEmpty()) {
            return;
        }
        CartStorage store = storeOf(writes.get(0).cart());
        for (CartWrite write : writes) {
            if (storeOf(write.cart()) != store) {
                throw new CartException(CartErrorCode.ACCESS_DENIED,
                        "one write cannot span two regions (a cart merges only within its region)");
            }
        }
        store.saveAll(writes);
    }

    /**
     * The record is in the region of the cart its key names; a key names its cart by id, as the
     * engine scopes every key to one cart ({@link IdempotencyRecord#key()}).
     */
    @Override
    public Optional<IdempotencyRecord> findIdempotency(String key, Instant now) {
        CartException.requireNonNull(key, "key");
        return route(cartIdIn(key), store -> store.findIdempotency(key, now), Optional::isPresent, Optional.empty());
    }

    @Override
    public List<CartEvent> eventsSince(CartId id, long afterSequence) {
        return route(id, store -> store.eventsSince(id, afterSequence), events -> !events.isEmpty(), List.of());
    }

    @Override
    public List<Cart> findExpiringBefore(Instant cutoff, int limit) {
        return merged(store -> store.findExpiringBefore(cutoff, limit),
                Comparator.comparing(Cart::expiresAt).thenComparing(c -> c.id().toString()), limit);
    }

    @Override
    public List<Cart> findInactiveSince(Instant cutoff, int limit) {
        return merged(store -> store.findInactiveSince(cutoff, limit),
                Comparator.comparing(Cart::updatedAt).thenComparing(c -> c.id().toString()), limit);
    }

    @Override
    public boolean delete(CartId id) {
        return route(id, store -> store.delete(id), Boolean::booleanValue, false);
    }

    /**
     * Every region's carts merged in id order; each region's store must be a {@link CartScan}.
     *
     * @throws CartException {@code INTERNAL} when one is not
     */
    @Override
    public List<Cart> findAfter(CartId after, int limit) {
        return merged(store -> {
            if (!(store instanceof CartScan scan)) {
                throw CartException.internal("a region's store is not a CartScan", null);
            }
            return scan.findAfter(after, limit);
        }, Comparator.comparing(c -> c.id().toString()), limit);
    }

    /**
     * The customer's active carts of every region, most recently updated first; each region's store
     * must be a {@link CustomerCarts}.
     *
     * @throws CartException {@code INTERNAL} when one is not
     */
    @Override
    public List<Cart> cartsOf(CustomerId customerId) {
        CartException.requireNonNull(customerId, "customer id");
        List<Cart> carts = new ArrayList<>();
        for (CartStorage store : byName.values()) {
            if (!(store instanceof CustomerCarts lists)) {
                throw CartException.internal("a region's store is not a CustomerCarts", null);
            }
            carts.addAll(lists.cartsOf(customerId));
        }
        carts.sort(Comparator.comparing(Cart::updatedAt).reversed().thenComparing(c -> c.id().toString()));
        return carts;
    }

    /** Erased in every region whose store keeps personal data; the counts are summed per kind. */
    @Override
    public Map<String, Integer> eraseCustomer(CustomerId customerId, String subject) {
        Map<String, Integer> counts = new TreeMap<>();
        for (CartStorage store : byName.values()) {
            if (store instanceof PersonalDataStore personal) {
                personal.eraseCustomer(customerId, subject).forEach((kind, n) -> counts.merge(kind, n, Integer::sum));
            }
        }
        return counts;
    }

    @Override
    public List<PersonalRecord> exportCustomer(CustomerId customerId, String subject) {
        List<PersonalRecord> records = new ArrayList<>();
        for (CartStorage store : byName.values()) {
            if (store instanceof PersonalDataStore personal) {
                records.addAll(personal.exportCustomer(customerId, subject));
            }
        }
        return records;
    }

    /** The store of a cart about to be written. */
    private CartStorage storeOf(Cart cart) {
        CartException.requireNonNull(cart, "cart");
        String region = cart.region() != null ? cart.region() : defaultRegion;
        if (region == null) {
            throw new CartException(CartErrorCode.ACCESS_DENIED,
                    "cart has no region and this routing has no default region");
        }
        CartStorage store = byName.get(region);
        if (store == null) {
            throw new CartException(CartErrorCode.ACCESS_DENIED, "no storage is configured for region " + region);
        }
        OptionalInt code = Region.codeOf(cart.id());
        if (code.isPresent() && !region.equals(names.get(code.getAsInt()))) {
            throw new CartException(CartErrorCode.ACCESS_DENIED,
                    "cart's id belongs to another region than its region " + region);
        }
        return store;
    }

    /**
     * A call for one cart: the region its id names, or for an id without a code (or no id), the
     * default region and then the others until one answers.
     */
    private <T> T route(CartId id, Function<CartStorage, T> call, java.util.function.Predicate<T> answered, T none) {
        OptionalInt code = id == null ? OptionalInt.empty() : Region.codeOf(id);
        if (code.isPresent()) {
            CartStorage store = byCode.get(code.getAsInt());
            return store == null ? none : call.apply(store);
        }
        for (CartStorage store : lookupOrder()) {
            T result = call.apply(store);
            if (answered.test(result)) {
                return result;
            }
        }
        return none;
    }

    private List<CartStorage> lookupOrder() {
        List<CartStorage> order = new ArrayList<>();
        if (defaultRegion != null) {
            order.add(byName.get(defaultRegion));
        }
        byName.forEach((name, store) -> {
            if (!name.equals(defaultRegion)) {
                order.add(store);
            }
        });
        return order;
    }

    private List<Cart> merged(Function<CartStorage, List<Cart>> scan, Comparator<Cart> order, int limit) {
        if (limit < 1) {
            throw CartException.invalidInput("a positive limit is required");
        }
        List<Cart> all = new ArrayList<>();
        for (CartStorage store : byName.values()) {
            all.addAll(scan.apply(store));
        }
        all.sort(order);
        return List.copyOf(all.subList(0, Math.min(limit, all.size())));
    }

    /** The first part of a record key that is a cart id, or null. */
    private static CartId cartIdIn(String key) {
        for (String part : key.split("\\|")) {
            if (part.length() == 36) {
                try {
                    return CartId.parse(part);
                } catch (CartException notAnId) {
                    // keep looking
                }
            }
        }
        return null;
    }

    /** Collects the regions. Not thread-safe. */
    public static final class Builder {
        private final Map<String, CartStorage> byName = new LinkedHashMap<>();
        private final Map<Integer, CartStorage> byCode = new LinkedHashMap<>();
        private final Map<Integer, String> names = new LinkedHashMap<>();
        private String defaultRegion;

        private Builder() {
        }

        /**
         * Adds a region and its storage.
         *
         * @param region  the region; its name and code must be new to this builder
         * @param storage the store of its carts, used for nothing else
         * @return this builder
         * @throws CartException {@code INVALID_INPUT} on a null argument or a repeated name, code or store
         */
        public Builder region(Region region, CartStorage storage) {
            CartException.requireNonNull(region, "region");
            CartException.requireNonNull(storage, "storage");
            if (byName.containsKey(region.name()) || byCode.containsKey(region.code())) {
                throw CartException.invalidInput("region " + region.name() + " or its code is given twice");
            }
            if (byName.containsValue(storage)) {
                throw CartException.invalidInput("two regions cannot share one store");
            }
            byName.put(region.name(), storage);
            byCode.put(region.code(), storage);
            names.put(region.code(), region.name());
            return this;
        }

        /**
         * The region whose storage holds carts without a region (those stored before regions); by
         * default none, and such carts are refused on write.
         *
         * @param name a region added to this builder
         * @return this builder
         */
        public Builder defaultRegion(String name) {
            this.defaultRegion = CartException.requireNonNull(name, "default region");
            return this;
        }

        /**
         * The routing store.
         *
         * @return the store
         * @throws CartException {@code INVALID_INPUT} without regions or with an unknown default region
         */
        public RegionRoutingRepository build() {
            if (byName.isEmpty()) {
                throw CartException.invalidInput("at least one region is required");
            }
            if (defaultRegion != null && !byName.containsKey(defaultRegion)) {
                throw CartException.invalidInput("the default region " + defaultRegion + " was not added");
            }
            return new RegionRoutingRepository(this);
        }
    }
}
