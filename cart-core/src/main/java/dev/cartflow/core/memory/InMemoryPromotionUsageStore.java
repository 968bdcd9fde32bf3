package dev.cartflow.core.memory;

import dev.cartflow.model.CartId;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.Promotion;
import dev.cartflow.spi.PromotionUsageStore;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Redemption counters in memory; atomic under one lock. */
public final class InMemoryPromotionUsageStore implements PromotionUsageStore {
    private record Redemption(String promotionId, CustomerId customerId) {
    }

    private final Map<CartId, Set<Redemption>> byCart = new HashMap<>();

    /** No redemptions. */
    public InMemoryPromotionUsageStore() {
    }

    @Override
    public synchronized Set<String> redeem(Collection<Promotion> promotions, CartId cartId, CustomerId customerId) {
        Set<String> spent = exhausted(promotions, cartId, customerId);
        if (!spent.isEmpty()) {
            return spent;
        }
        Set<Redemption> mine = byCart.computeIfAbsent(cartId, k -> new HashSet<>());
        for (Promotion p : promotions) {
            mine.add(new Redemption(p.id(), customerId));
        }
        return Set.of();
    }

    @Override
    public synchronized void release(CartId cartId) {
        byCart.remove(cartId);
    }

    @Override
    public synchronized Set<String> exhausted(Collection<Promotion> promotions, CartId cartId, CustomerId customerId) {
        Set<String> spent = new LinkedHashSet<>();
        Set<Redemption> mine = byCart.getOrDefault(cartId, Set.of());
        for (Promotion p : promotions) {
            if (mine.stream().anyMatch(r -> r.promotionId().equals(p.id()))) {
                continue;
            }
            long total = 0;
            long byCustomer = 0;
            for (Set<Redemption> redemptions : byCart.values()) {
                for (Redemption r : redemptions) {
                    if (r.promotionId().equals(p.id())) {
                        total++;
                        if (customerId != null && customerId.equals(r.customerId())) {
                            byCustomer++;
                        }
                    }
                }
            }
            if (p.maxUses() > 0 && total >= p.maxUses()
                    || customerId != null && p.maxUsesPerCustomer() > 0 && byCustomer >= p.maxUsesPerCustomer()) {
                spent.add(p.id());
            }
        }
        return spent;
    }
}
