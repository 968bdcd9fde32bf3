package dev.cartflow.core.memory;

import dev.cartflow.error.CartException;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CartOwner;
import dev.cartflow.model.Promotion;
import dev.cartflow.spi.PromotionUsageStore;
import dev.cartflow.spi.UsageLimits;
import dev.cartflow.core.privacy.PersonalRecords;
import dev.cartflow.model.CustomerId;
import dev.cartflow.spi.PersonalDataStore;
import dev.cartflow.spi.PersonalRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Redemption counters in memory, for one engine instance (tests, single-node hosts); atomic and
 * thread-safe under one lock. Whether a promotion is spent is {@link UsageLimits}' rule. Owners are
 * compared as given: a customer, a guest token hash, or a guest identity's pseudonym
 * ({@link UsageLimits#identifiedGuest}).
 *
 * <p>Erasing a customer keeps its redemptions, so that the promotions' total use counts stay true,
 * but removes their owner: the customer's own per-customer counts start again.
 */
public final class InMemoryPromotionUsageStore implements PromotionUsageStore, PersonalDataStore {
    /** A cart's redemptions; the owner is null once its customer was erased (the uses still count). */
    private record Redemptions(CartOwner owner, Set<String> promotionIds) {
    }

    private final Map<CartId, Redemptions> byCart = new HashMap<>();

    /** No redemptions. */
    public InMemoryPromotionUsageStore() {
    }

    @Override
    public synchronized Set<String> redeem(Collection<Promotion> promotions, CartId cartId, CartOwner owner) {
        Set<String> spent = exhausted(promotions, cartId, owner);
        if (!spent.isEmpty()) {
            return spent;
        }
        Redemptions mine = byCart.computeIfAbsent(cartId, k -> new Redemptions(owner, new LinkedHashSet<>()));
        for (Promotion p : promotions) {
            mine.promotionIds().add(p.id());
        }
        return Set.of();
    }

    @Override
    public synchronized void release(CartId cartId) {
        if (cartId == null) {
            throw CartException.invalidInput("cart id must not be null");
        }
        byCart.remove(cartId);
    }

    @Override
    public synchronized Set<String> exhausted(Collection<Promotion> promotions, CartId cartId, CartOwner owner) {
        check(promotions, cartId, owner);
        Set<String> spent = new LinkedHashSet<>();
        Redemptions mine = byCart.get(cartId);
        for (Promotion p : promotions) {
            if (!UsageLimits.isLimited(p)) {
                continue;
            }
            long others = 0;
            long ownerElsewhere = 0;
            for (Map.Entry<CartId, Redemptions> entry : byCart.entrySet()) {
                if (!entry.getKey().equals(cartId) && entry.getValue().promotionIds().contains(p.id())) {
                    others++;
                    if (owner.equals(entry.getValue().owner())) {
                        ownerElsewhere++;
                    }
                }
            }
            boolean redeemedHere = mine != null && mine.promotionIds().contains(p.id());
            if (UsageLimits.isSpent(p, redeemedHere, others, ownerElsewhere)) {
                spent.add(p.id());
            }
        }
        return spent;
    }

    @Override
    public synchronized Map<String, Integer> eraseCustomer(CustomerId customerId, String subject) {
        CartOwner owner = owner(customerId);
        int anonymized = 0;
        for (Map.Entry<CartId, Redemptions> entry : byCart.entrySet()) {
            if (owner.equals(entry.getValue().owner())) {
                anonymized += entry.getValue().promotionIds().size();
                entry.setValue(new Redemptions(null, entry.getValue().promotionIds()));
            }
        }
        return Map.of(PersonalRecords.REDEMPTION, anonymized);
    }

    @Override
    public synchronized List<PersonalRecord> exportCustomer(CustomerId customerId, String subject) {
        CartOwner owner = owner(customerId);
        List<PersonalRecord> records = new ArrayList<>();
        byCart.forEach((cartId, redemptions) -> {
            if (owner.equals(redemptions.owner())) {
                redemptions.promotionIds().forEach(id -> records.add(PersonalRecords.redemption(cartId, id)));
            }
        });
        return records;
    }

    private static CartOwner owner(CustomerId customerId) {
        if (customerId == null) {
            throw CartException.invalidInput("customer id must not be null");
        }
        return new CartOwner.Customer(customerId);
    }

    private static void check(Collection<Promotion> promotions, CartId cartId, CartOwner owner) {
        if (promotions == null || cartId == null || owner == null) {
            throw CartException.invalidInput("promotions, cart id and owner must not be null");
        }
        for (Promotion p : promotions) {
            if (p == null) {
                throw CartException.invalidInput("promotion must not be null");
            }
        }
    }
}
