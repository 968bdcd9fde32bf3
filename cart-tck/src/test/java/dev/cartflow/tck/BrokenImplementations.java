package dev.cartflow.tck;

import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CartOwner;
import dev.cartflow.model.CartState;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.Product;
import dev.cartflow.model.Promotion;
import dev.cartflow.model.Sku;
import dev.cartflow.spi.CartEventPublisher;
import dev.cartflow.spi.CartRepository;
import dev.cartflow.spi.CartWrite;
import dev.cartflow.spi.CatalogProvider;
import dev.cartflow.spi.IdempotencyRecord;
import dev.cartflow.spi.PromotionUsageStore;
import dev.cartflow.spi.StockKey;
import dev.cartflow.spi.StockReservations;
import dev.cartflow.spi.UsageLimits;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Implementations with one known defect each, run through the contracts by
 * {@link ContractsCatchDefectsTest}. Their names do not end in {@code Test}, so the build does not run
 * them on its own.
 */
final class BrokenImplementations {
    private BrokenImplementations() {
    }

    /** A usage store that counts redemptions per owner only for customers: the guest defect. */
    static final class GuestBlindUsageStore extends PromotionUsageStoreContract {
        @Override
        protected PromotionUsageStore newStore() {
            return new SimpleUsageStore(false, true);
        }
    }

    /** A usage store that checks and then redeems without holding a lock. */
    static final class RacyUsageStore extends PromotionUsageStoreContract {
        @Override
        protected PromotionUsageStore newStore() {
            return new SimpleUsageStore(true, false);
        }
    }

    /** A catalog that answers every product it knows, asked or not. */
    static final class ChattyCatalog extends CatalogProviderContract {
        @Override
        protected CatalogProvider newProvider(List<Product> products) {
            Map<Sku, Product> all = new HashMap<>();
            products.forEach(p -> all.put(p.sku(), p));
            return skus -> Map.copyOf(all);
        }
    }

    /** Reservations that hold the keys with enough units even when another key has too few. */
    static final class PartialReservations extends StockReservationsContract {
        @Override
        protected StockReservations newReservations(Map<StockKey, Long> levels) {
            Map<StockKey, Long> stock = new ConcurrentHashMap<>(levels);
            return new StockReservations() {
                @Override
                public synchronized void reserve(String reservationId, Map<StockKey, Integer> units) {
                    boolean tooFew = false;
                    for (Map.Entry<StockKey, Integer> e : units.entrySet()) {
                        long available = stock.getOrDefault(e.getKey(), Long.MAX_VALUE);
                        if (available < e.getValue()) {
                            tooFew = true;
                        } else {
                            stock.computeIfPresent(e.getKey(), (k, v) -> v - e.getValue());
                        }
                    }
                    if (tooFew) {
                        throw new CartException(CartErrorCode.OUT_OF_STOCK, "short");
                    }
                }

                @Override
                public void release(String reservationId) {
                }
            };
        }
    }

    /** A repository that overwrites whatever version is stored (no optimistic locking). */
    static final class VersionBlindRepository extends CartRepositoryContract {
        @Override
        protected CartRepository newRepository() {
            Map<CartId, Cart> carts = new ConcurrentHashMap<>();
            Map<String, IdempotencyRecord> records = new ConcurrentHashMap<>();
            return new CartRepository() {
                @Override
                public Optional<Cart> find(CartId id) {
                    return Optional.ofNullable(carts.get(id));
                }

                @Override
                public Optional<Cart> findActiveByCustomer(CustomerId customerId) {
                    return carts.values().stream()
                            .filter(c -> c.state() == CartState.ACTIVE
                                    && c.owner().equals(new CartOwner.Customer(customerId)))
                            .max(Comparator.comparing(Cart::updatedAt));
                }

                @Override
                public void save(CartWrite write) {
                    carts.put(write.cart().id(), write.cart());
                    if (write.idempotency() != null) {
                        records.put(write.idempotency().key(), write.idempotency());
                    }
                }

                @Override
                public void saveAll(List<CartWrite> writes) {
                    writes.forEach(this::save);
                }

                @Override
                public Optional<IdempotencyRecord> findIdempotency(String key, Instant now) {
                    return Optional.ofNullable(records.get(key)).filter(r -> !r.expiresAt().isBefore(now));
                }
            };
        }

        @Override
        protected int unitsPerThread() {
            return 50;
        }
    }

    /** A publisher that delivers each batch in reverse. */
    static final class ReversingPublisher extends CartEventPublisherContract {
        private final List<CartEvent> delivered = new CopyOnWriteArrayList<>();

        @Override
        protected CartEventPublisher newPublisher() {
            return events -> {
                List<CartEvent> reversed = new ArrayList<>(events);
                Collections.reverse(reversed);
                delivered.addAll(reversed);
            };
        }

        @Override
        protected Optional<List<CartEvent>> delivered(CartEventPublisher publisher) {
            return Optional.of(List.copyOf(delivered));
        }
    }

    /** Redemptions in a map; {@code racy} drops the lock, {@code guestBlind} never counts guests. */
    private static final class SimpleUsageStore implements PromotionUsageStore {
        private record Redemptions(CartOwner owner, Set<String> ids) {
        }

        private final Map<CartId, Redemptions> byCart = new ConcurrentHashMap<>();
        private final boolean racy;
        private final boolean guestBlind;

        SimpleUsageStore(boolean racy, boolean guestBlind) {
            this.racy = racy;
            this.guestBlind = guestBlind;
        }

        @Override
        public Set<String> redeem(Collection<Promotion> promotions, CartId cartId, CartOwner owner) {
            if (racy) {
                return redeemUnlocked(promotions, cartId, owner);
            }
            synchronized (this) {
                return redeemUnlocked(promotions, cartId, owner);
            }
        }

        private Set<String> redeemUnlocked(Collection<Promotion> promotions, CartId cartId, CartOwner owner) {
            Set<String> spent = exhausted(promotions, cartId, owner);
            if (!spent.isEmpty()) {
                return spent;
            }
            Thread.yield();
            Redemptions mine = byCart.computeIfAbsent(cartId,
                    k -> new Redemptions(owner, ConcurrentHashMap.newKeySet()));
            promotions.forEach(p -> mine.ids().add(p.id()));
            return Set.of();
        }

        @Override
        public void release(CartId cartId) {
            if (cartId == null) {
                throw CartException.invalidInput("cart id must not be null");
            }
            byCart.remove(cartId);
        }

        @Override
        public Set<String> exhausted(Collection<Promotion> promotions, CartId cartId, CartOwner owner) {
            if (promotions == null || cartId == null || owner == null) {
                throw CartException.invalidInput("null argument");
            }
            Set<String> spent = new LinkedHashSet<>();
            for (Promotion p : promotions) {
                long others = 0;
                long ownerElsewhere = 0;
                for (Map.Entry<CartId, Redemptions> e : byCart.entrySet()) {
                    if (!e.getKey().equals(cartId) && e.getValue().ids().contains(p.id())) {
                        others++;
                        boolean counted = !(guestBlind && owner instanceof CartOwner.Guest);
                        if (counted && e.getValue().owner().equals(owner)) {
                            ownerElsewhere++;
                        }
                    }
                }
                Redemptions mine = byCart.get(cartId);
                if (UsageLimits.isSpent(p, mine != null && mine.ids().contains(p.id()), others, ownerElsewhere)) {
                    spent.add(p.id());
                }
            }
            return spent;
        }
    }
}
