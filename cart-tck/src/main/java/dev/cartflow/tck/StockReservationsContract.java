package dev.cartflow.tck;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Sku;
import dev.cartflow.spi.InventoryProvider;
import dev.cartflow.spi.StockKey;
import dev.cartflow.spi.StockReservations;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What any correct {@link StockReservations} satisfies. Extend it beside the implementation:
 * {@link #newReservations} returns reservations over exactly the given stock levels, and
 * {@link #levels} (optional) the stock-level view of the same stock, to check that reserving and
 * releasing move the available units.
 *
 * <p>An implementation reserves all or nothing ({@code OUT_OF_STOCK} when any key has too few units,
 * holding nothing then); reserving again under the same id holds nothing more; a release gives the
 * units back and ignores unknown ids. It must be thread-safe and atomic: concurrent checkouts never
 * reserve more units than there are.
 */
public abstract class StockReservationsContract {

    /** Subclasses are the implementation-specific tests. */
    protected StockReservationsContract() {
    }

    /**
     * Reservations over exactly these stock levels.
     *
     * @param levels units by sku and warehouse
     * @return the reservations under test
     */
    protected abstract StockReservations newReservations(Map<StockKey, Long> levels);

    /**
     * The stock levels of the same stock, when they can be read; by default the reservations
     * themselves when they also implement {@link InventoryProvider}.
     *
     * @param reservations the reservations under test
     * @return the levels, or empty to skip the checks on available units
     */
    protected Optional<InventoryProvider> levels(StockReservations reservations) {
        return reservations instanceof InventoryProvider inventory ? Optional.of(inventory) : Optional.empty();
    }

    private static final StockKey A = new StockKey(new Sku("A"), "main");
    private static final StockKey B = new StockKey(new Sku("B"), "main");

    private static String id() {
        return "checkout-" + UUID.randomUUID();
    }

    private static void outOfStock(StockReservations reservations, Map<StockKey, Integer> units) {
        CartException e = assertThrows(CartException.class, () -> reservations.reserve(id(), units));
        assertEquals(CartErrorCode.OUT_OF_STOCK, e.code(), e::getMessage);
    }

    private void assertAvailable(StockReservations reservations, StockKey key, long units) {
        levels(reservations).ifPresent(levels -> assertEquals(Map.of(key, units), levels.available(Set.of(key))));
    }

    @Test
    void reserve_enoughUnits_holdsThem() {
        StockReservations reservations = newReservations(Map.of(A, 5L, B, 2L));

        reservations.reserve(id(), Map.of(A, 3, B, 2));

        assertAvailable(reservations, A, 2);
        assertAvailable(reservations, B, 0);
        outOfStock(reservations, Map.of(A, 3));
        reservations.reserve(id(), Map.of(A, 2));
    }

    @Test
    void reserve_tooFewUnitsOfOneKey_outOfStockAndNothingHeld() {
        StockReservations reservations = newReservations(Map.of(A, 5L, B, 2L));

        outOfStock(reservations, Map.of(A, 5, B, 3));

        assertAvailable(reservations, A, 5);
        reservations.reserve(id(), Map.of(A, 5, B, 2));
    }

    @Test
    void reserve_sameIdAgain_holdsNothingMore() {
        StockReservations reservations = newReservations(Map.of(A, 5L));
        String id = id();
        reservations.reserve(id, Map.of(A, 3));

        reservations.reserve(id, Map.of(A, 3));

        assertAvailable(reservations, A, 2);
        reservations.reserve(id(), Map.of(A, 2));
        outOfStock(reservations, Map.of(A, 1));
    }

    @Test
    void release_reservedId_givesUnitsBack() {
        StockReservations reservations = newReservations(Map.of(A, 3L));
        String id = id();
        reservations.reserve(id, Map.of(A, 3));

        reservations.release(id);

        assertAvailable(reservations, A, 3);
        reservations.reserve(id(), Map.of(A, 3));
    }

    @Test
    void release_unknownOrTwice_ignored() {
        StockReservations reservations = newReservations(Map.of(A, 3L));
        String id = id();
        reservations.reserve(id, Map.of(A, 1));
        reservations.release(id);

        assertDoesNotThrow(() -> reservations.release(id));
        assertDoesNotThrow(() -> reservations.release(id()));
        assertAvailable(reservations, A, 3);
        reservations.reserve(id(), Map.of(A, 3));
    }

    @Test
    void reserve_twentyCheckoutsRacingForTenUnits_exactlyTenHold() throws Exception {
        StockReservations reservations = newReservations(Map.of(A, 10L));

        List<Boolean> held = Concurrently.run(8, 20, i -> () -> {
            try {
                reservations.reserve(id(), Map.of(A, 1));
                return true;
            } catch (CartException e) {
                assertEquals(CartErrorCode.OUT_OF_STOCK, e.code(), e::getMessage);
                return false;
            }
        });

        assertEquals(10, held.stream().filter(h -> h).count());
        assertAvailable(reservations, A, 0);
    }
}
