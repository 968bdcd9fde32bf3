package dev.cartflow.jdbi;

import dev.cartflow.model.Sku;
import dev.cartflow.spi.StockKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/** The statements of {@link JdbiStockReservations} on tables {@code stock_reservations} and {@code stock_reservation_lines}. */
final class ReservationSql {
    /** The first key of the two-key advisory locks on stock keys ("CFSR"), apart from other CartFlow locks. */
    private static final int LOCK_NAMESPACE = 0x43465352;

    /** A reservation past its hold, as the sweeper sees it. */
    record Expired(String reservationId, ReservationOwner owner) {
    }

    private ReservationSql() {
    }

    /** Inserts the reservation's row unless it exists (waiting for a concurrent insert of the same id); true when inserted. */
    static boolean insert(Handle h, String id, ReservationOwner owner, Instant now, Instant holdUntil) {
        return h.createUpdate("""
                        INSERT INTO stock_reservations (cart_id, reservation_id, cart_version, reserved_at, hold_until)
                        VALUES (CAST(:cart AS uuid), :id, :version, CAST(:now AS timestamptz),
                                CAST(:until AS timestamptz))
                        ON CONFLICT (cart_id, reservation_id) DO NOTHING""")
                .bind("cart", owner.cartId().toString())
                .bind("id", id)
                .bind("version", owner.cartVersion())
                .bind("now", CartRows.text(now))
                .bind("until", owner.namesCart() ? CartRows.text(holdUntil) : null)
                .execute() == 1;
    }

    /** Extends the hold of an unconfirmed reservation, so that a repeated checkout is not swept before it stores. */
    static void extendHold(Handle h, String id, ReservationOwner owner, Instant holdUntil) {
        h.createUpdate("""
                        UPDATE stock_reservations SET hold_until = CAST(:until AS timestamptz)
                         WHERE cart_id = CAST(:cart AS uuid) AND reservation_id = :id
                           AND hold_until IS NOT NULL AND hold_until < CAST(:until AS timestamptz)""")
                .bind("cart", owner.cartId().toString())
                .bind("id", id)
                .bind("until", CartRows.text(holdUntil))
                .execute();
    }

    /**
     * Takes the transaction's advisory lock of every key, in ascending order of the lock numbers, so
     * that two reservations sharing keys always queue, never deadlock. Two keys sharing a number only
     * queue behind each other.
     */
    static void lock(Handle h, Collection<StockKey> keys) {
        List<Integer> numbers = keys.stream().map(ReservationSql::lockNumber).distinct().sorted().toList();
        if (numbers.isEmpty()) {
            return;
        }
        h.createQuery("""
                        SELECT pg_advisory_xact_lock(:ns, o.k)::text
                          FROM (SELECT k FROM unnest(CAST(:keys AS integer[])) AS k ORDER BY k) AS o""")
                .bind("ns", LOCK_NAMESPACE)
                .bindArray("keys", Integer.class, numbers)
                .mapTo(String.class)
                .list();
    }

    private static int lockNumber(StockKey key) {
        return (key.sku().value() + '\n' + key.warehouse()).hashCode();
    }

    /**
     * The units every stored reservation holds of each key (zero when none). Run after {@link #lock},
     * as a statement of its own: at read committed it then sees every reservation committed before the
     * lock was granted.
     */
    static Map<StockKey, Long> held(Handle h, Collection<StockKey> keys) {
        List<StockKey> asked = List.copyOf(keys);
        Map<StockKey, Long> held = new HashMap<>();
        if (asked.isEmpty()) {
            return held;
        }
        h.createQuery("""
                        SELECT k.sku, k.warehouse, coalesce(sum(l.units), 0) AS held
                          FROM unnest(CAST(:skus AS text[]), CAST(:warehouses AS text[])) AS k(sku, warehouse)
                          LEFT JOIN stock_reservation_lines l ON l.sku = k.sku AND l.warehouse = k.warehouse
                         GROUP BY k.sku, k.warehouse""")
                .bindArray("skus", String.class, asked.stream().map(k -> k.sku().value()).toList())
                .bindArray("warehouses", String.class, asked.stream().map(StockKey::warehouse).toList())
                .map((rs, ctx) -> held.put(new StockKey(new Sku(rs.getString("sku")), rs.getString("warehouse")),
                        rs.getLong("held")))
                .list();
        return held;
    }

    /** Stores what the reservation holds. */
    static void insertLines(Handle h, String id, ReservationOwner owner, Map<StockKey, Integer> units) {
        if (units.isEmpty()) {
            return;
        }
        List<String> skus = new ArrayList<>();
        List<String> warehouses = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        units.forEach((key, count) -> {
            skus.add(key.sku().value());
            warehouses.add(key.warehouse());
            counts.add(count);
        });
        h.createUpdate("""
                        INSERT INTO stock_reservation_lines (cart_id, reservation_id, sku, warehouse, units)
                        SELECT CAST(:cart AS uuid), :id, l.sku, l.warehouse, l.units
                          FROM unnest(CAST(:skus AS text[]), CAST(:warehouses AS text[]), CAST(:units AS integer[]))
                               AS l(sku, warehouse, units)""")
                .bind("cart", owner.cartId().toString())
                .bind("id", id)
                .bindArray("skus", String.class, skus)
                .bindArray("warehouses", String.class, warehouses)
                .bindArray("units", Integer.class, counts)
                .execute();
    }

    /** Deletes a reservation and its lines; how many reservations (0 or 1). */
    static int delete(Handle h, String id, ReservationOwner owner) {
        return h.createUpdate("DELETE FROM stock_reservations WHERE cart_id = CAST(:cart AS uuid) AND reservation_id = :id")
                .bind("cart", owner.cartId().toString())
                .bind("id", id)
                .execute();
    }

    /**
     * Deletes a reservation only while its hold is still past at {@code now}: a checkout repeated
     * meanwhile extended the hold, and then the reservation is its own again.
     */
    static int deleteExpired(Handle h, Expired expired, Instant now) {
        return h.createUpdate("""
                        DELETE FROM stock_reservations WHERE cart_id = CAST(:cart AS uuid) AND reservation_id = :id
                           AND hold_until < CAST(:now AS timestamptz)""")
                .bind("cart", expired.owner().cartId().toString())
                .bind("id", expired.reservationId())
                .bind("now", CartRows.text(now))
                .execute();
    }

    /** Marks a reservation whose checkout completed as held for good (until the host releases it). */
    static int confirm(Handle h, Expired expired, Instant now) {
        return h.createUpdate("""
                        UPDATE stock_reservations SET hold_until = NULL
                         WHERE cart_id = CAST(:cart AS uuid) AND reservation_id = :id
                           AND hold_until < CAST(:now AS timestamptz)""")
                .bind("cart", expired.owner().cartId().toString())
                .bind("id", expired.reservationId())
                .bind("now", CartRows.text(now))
                .execute();
    }

    /** The unconfirmed reservations whose hold ended before {@code now}, oldest first. */
    static List<Expired> expired(Handle h, Instant now, int limit) {
        return h.createQuery("""
                        SELECT cart_id::text AS cart_id, reservation_id, cart_version FROM stock_reservations
                         WHERE hold_until < CAST(:now AS timestamptz)
                         ORDER BY hold_until LIMIT :limit""")
                .bind("now", CartRows.text(now))
                .bind("limit", limit)
                .map((rs, ctx) -> new Expired(rs.getString("reservation_id"),
                        new ReservationOwner(UUID.fromString(rs.getString("cart_id")), rs.getLong("cart_version"))))
                .list();
    }
}
