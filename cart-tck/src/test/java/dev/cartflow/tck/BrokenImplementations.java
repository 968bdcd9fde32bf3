package dev.cartflow.tck;

import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CartOwner;
import dev.cartflow.model.Product;
import dev.cartflow.model.Promotion;
import dev.cartflow.model.Sku;
import dev.cartflow.spi.CatalogProvider;
import dev.cartflow.spi.PromotionUsageStore;
import dev.cartflow.spi.StockKey;
import dev.cartflow.spi.StockReservations;
import dev.cartflow.spi.UsageLimits;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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
