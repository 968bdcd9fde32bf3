package dev.cartflow.core.resilience;

import dev.cartflow.core.internal.snapshot.Fallbacks;
import dev.cartflow.error.CartException;
import dev.cartflow.spi.StockKey;
import dev.cartflow.spi.StockReservations;
import java.util.Map;

/**
 * Stock reservations behind a guard: writes, so never retried (a retried reservation might hold
 * units twice with a host that is not idempotent) and never answered by a fallback.
 */
final class ResilientReservations extends Decorated implements StockReservations {
    private final StockReservations delegate;

    ResilientReservations(StockReservations delegate, ProviderPolicy policy) {
        super(new Guard(Fallbacks.RESERVATIONS, policy, false));
        this.delegate = delegate;
    }

    @Override
    public void reserve(String reservationId, Map<StockKey, Integer> units) {
        reserve(guard, delegate, reservationId, units);
    }

    @Override
    public void release(String reservationId) {
        CartException.requireNonNull(reservationId, "reservation id");
        guard.write(() -> delegate.release(reservationId));
    }

    static void reserve(Guard guard, StockReservations delegate, String reservationId, Map<StockKey, Integer> units) {
        CartException.requireNonNull(reservationId, "reservation id");
        CartException.requireNonNull(units, "units");
        units.forEach((key, count) -> {
            CartException.requireNonNull(key, "stock key");
            CartException.requireNonNull(count, "units");
        });
        Map<StockKey, Integer> copy = Map.copyOf(units);
        guard.write(() -> delegate.reserve(reservationId, copy));
    }
}
