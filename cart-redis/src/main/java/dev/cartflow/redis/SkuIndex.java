package dev.cartflow.redis;

import dev.cartflow.model.Cart;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CartState;
import dev.cartflow.model.LineItem;
import dev.cartflow.model.Sku;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The optional Redis set per sku of the active carts holding it, kept by
 * {@link CachingCartRepository} for "price changed" notices. Best effort: a Redis failure leaves the
 * sets behind, so members are verified against the cart when read and stale ones removed.
 */
final class SkuIndex {
    private final CartRedisClient client;
    private final RedisKeys keys;
    private final RedisGuard guard;
    private final SnapshotEntries snapshots;
    private final Clock clock;
    private final Duration maxTtl;

    SkuIndex(CartRedisClient client, RedisKeys keys, RedisGuard guard, SnapshotEntries snapshots, Clock clock,
             Duration maxTtl) {
        this.client = client;
        this.keys = keys;
        this.guard = guard;
        this.snapshots = snapshots;
        this.clock = clock;
        this.maxTtl = maxTtl;
    }

    private RedisClusterCommands<String, String> redis() {
        return client.commands();
    }

    /** Adds an active cart to the sets of its skus (outliving the cart's entry), removes another. */
    void track(Cart cart) {
        String member = cart.id().toString();
        long expireAt = Math.max(snapshots.expireAt(cart), clock.millis() + maxTtl.toMillis());
        for (LineItem line : cart.lines()) {
            String key = keys.skuCarts(line.sku().value());
            // each sku's set behind the circuit of its own node (one dead master stops only its sets)
            guard.run(key, () -> {
                if (cart.state() == CartState.ACTIVE) {
                    redis().sadd(key, member);
                    redis().pexpireat(key, expireAt);
                } else {
                    redis().srem(key, member);
                }
            });
        }
    }

    /** Removes a deleted cart from the sets of the skus it held. */
    void untrack(Cart deleted) {
        for (LineItem line : deleted.lines()) {
            String key = keys.skuCarts(line.sku().value());
            guard.run(key, () -> redis().srem(key, deleted.id().toString()));
        }
    }

    /**
     * The members of a sku's set that {@code find} confirms as active carts with a line of it;
     * the others are removed from the set. Empty when Redis is unavailable.
     */
    Set<CartId> activeCartsHolding(Sku sku, Function<CartId, Optional<Cart>> find) {
        String key = keys.skuCarts(sku.value());
        Set<String> members = guard.call(key, () -> redis().smembers(key)).orElse(Set.of());
        Set<CartId> result = new LinkedHashSet<>();
        for (String m : members) {
            CartId id = CartId.parse(m);
            Optional<Cart> cart = find.apply(id);
            if (cart.isPresent() && cart.get().state() == CartState.ACTIVE
                    && cart.get().lines().stream().anyMatch(l -> l.sku().equals(sku))) {
                result.add(id);
            } else {
                guard.run(key, () -> redis().srem(key, m));
            }
        }
        return result;
    }
}
