package dev.cartflow.core.resilience;

import dev.cartflow.core.internal.snapshot.Fallbacks;
import dev.cartflow.core.internal.snapshot.FallbackReporting;
import dev.cartflow.error.CartException;
import dev.cartflow.spi.InventoryProvider;
import dev.cartflow.spi.StockKey;
import dev.cartflow.spi.StockReservations;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** Stock levels behind a guard, remembered per stock key. */
class ResilientInventory extends Decorated implements InventoryProvider, FallbackReporting<InventoryProvider> {
    private final InventoryProvider delegate;
    private final @Nullable InventoryProvider defaults;
    private final FallbackChain<StockKey, Long> chain;

    ResilientInventory(InventoryProvider delegate, ProviderPolicy policy, @Nullable InventoryProvider defaults) {
        super(new Guard(Fallbacks.INVENTORY, policy, defaults != null || policy.lastKnownGoodEntries() > 0));
        this.delegate = delegate;
        this.defaults = defaults;
        this.chain = new FallbackChain<>(guard, policy);
    }

    /** The decorator of an inventory, keeping its reservations (writes: never retried, no fallback). */
    static InventoryProvider of(InventoryProvider delegate, ProviderPolicy policy, @Nullable InventoryProvider defaults) {
        return delegate instanceof StockReservations reservations
                ? new Reserving(delegate, reservations, policy, defaults)
                : new ResilientInventory(delegate, policy, defaults);
    }

    @Override
    public Map<StockKey, Long> available(Set<StockKey> keys) {
        return available(keys, NOBODY);
    }

    private Map<StockKey, Long> available(Set<StockKey> keys, Consumer<String> onFallback) {
        return chain.batch(keys(keys, "stock keys"), delegate::available,
                defaults == null ? null : defaults::available, onFallback);
    }

    @Override
    public InventoryProvider reportingTo(Consumer<String> onFallback) {
        return keys -> available(keys, onFallback);
    }

    /** An inventory that also reserves, through the same guard (one stock system, one breaker). */
    private static final class Reserving extends ResilientInventory implements StockReservations {
        private final StockReservations reservations;

        Reserving(InventoryProvider delegate, StockReservations reservations, ProviderPolicy policy,
                  @Nullable InventoryProvider defaults) {
            super(delegate, policy, defaults);
            this.reservations = reservations;
        }

        @Override
        public void reserve(String reservationId, Map<StockKey, Integer> units) {
            ResilientReservations.reserve(guard, reservations, reservationId, units);
        }

        @Override
        public void release(String reservationId) {
            CartException.requireNonNull(reservationId, "reservation id");
            guard.write(() -> reservations.release(reservationId));
        }
    }
}
