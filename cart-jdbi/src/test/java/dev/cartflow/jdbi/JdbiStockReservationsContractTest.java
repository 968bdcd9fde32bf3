package dev.cartflow.jdbi;

import dev.cartflow.spi.InventoryProvider;
import dev.cartflow.spi.StockKey;
import dev.cartflow.spi.StockReservations;
import dev.cartflow.tck.StockReservationsContract;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The cart-tck reservations contract on {@link JdbiStockReservations} and PostgreSQL. */
class JdbiStockReservationsContractTest extends StockReservationsContract {
    private static PostgresFixture db;

    @BeforeAll
    static void start() {
        db = PostgresFixture.create(8);
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    /** The host's stock levels: fixed, as a stock feed read between two updates. */
    static InventoryProvider levels(Map<StockKey, Long> levels) {
        Map<StockKey, Long> copy = Map.copyOf(levels);
        return keys -> {
            Map<StockKey, Long> answer = new HashMap<>(copy);
            answer.keySet().retainAll(keys);
            return answer;
        };
    }

    static void truncate(PostgresFixture db) {
        db.jdbi.useHandle(h -> h.execute("TRUNCATE stock_reservation_lines, stock_reservations"));
    }

    @Override
    protected StockReservations newReservations(Map<StockKey, Long> levels) {
        truncate(db);
        return JdbiStockReservations.create(db.jdbi, levels(levels));
    }

    @Override
    protected Optional<InventoryProvider> levels(StockReservations reservations) {
        return Optional.of(((JdbiStockReservations) reservations)::unreserved);
    }
}
