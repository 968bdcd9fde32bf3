package dev.cartflow.core.resilience;

import dev.cartflow.core.internal.snapshot.Fallbacks;
import dev.cartflow.core.internal.snapshot.FallbackReporting;
import dev.cartflow.error.CartException;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CartOwner;
import dev.cartflow.model.Promotion;
import dev.cartflow.spi.PromotionUsageStore;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Redemption counts behind a guard. Redeeming and releasing are writes: never retried, never
 * answered by a fallback. Reading which promotions are spent (for pricing's {@code EXHAUSTED}) may
 * fall back to the last known answer for the same cart; the redemption at checkout still decides.
 */
final class ResilientPromotionUsage extends Decorated
        implements PromotionUsageStore, FallbackReporting<PromotionUsageStore> {
    private record Key(Set<Promotion> promotions, CartId cartId, CartOwner owner) {
    }

    private final PromotionUsageStore delegate;
    private final FallbackChain<Key, Set<String>> chain;

    ResilientPromotionUsage(PromotionUsageStore delegate, ProviderPolicy policy) {
        super(new Guard(Fallbacks.PROMOTION_USAGE, policy, policy.lastKnownGoodEntries() > 0));
        this.delegate = delegate;
        this.chain = new FallbackChain<>(guard, policy);
    }

    @Override
    public Set<String> redeem(Collection<Promotion> promotions, CartId cartId, CartOwner owner) {
        List<Promotion> given = List.copyOf(keys(promotions, "promotions"));
        CartException.requireNonNull(cartId, "cart id");
        CartException.requireNonNull(owner, "owner");
        return guard.write(() -> delegate.redeem(given, cartId, owner));
    }

    @Override
    public void release(CartId cartId) {
        CartException.requireNonNull(cartId, "cart id");
        guard.write(() -> delegate.release(cartId));
    }

    @Override
    public Set<String> exhausted(Collection<Promotion> promotions, CartId cartId, CartOwner owner) {
        return exhausted(promotions, cartId, owner, NOBODY);
    }

    private Set<String> exhausted(Collection<Promotion> promotions, CartId cartId, CartOwner owner,
                                  Consumer<String> onFallback) {
        Set<Promotion> candidates = keys(promotions, "promotions");
        CartException.requireNonNull(cartId, "cart id");
        CartException.requireNonNull(owner, "owner");
        List<Promotion> asked = List.copyOf(candidates);
        return chain.single(new Key(candidates, cartId, owner), () -> delegate.exhausted(asked, cartId, owner), null,
                onFallback);
    }

    @Override
    public PromotionUsageStore reportingTo(Consumer<String> onFallback) {
        ResilientPromotionUsage self = this;
        return new PromotionUsageStore() {
            @Override
            public Set<String> redeem(Collection<Promotion> promotions, CartId cartId, CartOwner owner) {
                return self.redeem(promotions, cartId, owner);
            }

            @Override
            public void release(CartId cartId) {
                self.release(cartId);
            }

            @Override
            public Set<String> exhausted(Collection<Promotion> promotions, CartId cartId, CartOwner owner) {
                return self.exhausted(promotions, cartId, owner, onFallback);
            }
        };
    }
}
