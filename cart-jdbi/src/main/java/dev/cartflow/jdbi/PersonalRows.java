package dev.cartflow.jdbi;

import dev.cartflow.core.privacy.PersonalRecords;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CustomerId;
import dev.cartflow.spi.IdempotencyRecord;
import dev.cartflow.spi.PersonalRecord;
import dev.cartflow.spi.RetentionStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * The statements of erasure, export and retention on the cart tables; each runs on a handle given by
 * the caller, who owns the transaction.
 *
 * <p>Outbox rows of an erased customer's carts: the delivered ones are deleted; the undelivered ones
 * stay, in order, with their data replaced by {@link PersonalRecords#ERASED_DATA}, so that the
 * dispatcher still delivers every sequence number of the cart (a consumer that tracks sequences sees
 * no gap and no content) and a purge of delivered rows removes them later. Events name no customer,
 * but their data (skus, codes, countries) describes what the customer did.
 */
final class PersonalRows {
    /** A cart's stored responses: commands are keyed {@code cartId|...}, merges and checkouts {@code merge|cartId}. */
    private static final String RECORDS_OF_CARTS = """
             WHERE split_part(key, '|', 1) = ANY(CAST(:ids AS text[]))
                OR (split_part(key, '|', 1) IN ('merge', 'checkout') AND split_part(key, '|', 2) = ANY(CAST(:ids AS text[])))""";

    private PersonalRows() {
    }

    /**
     * The customer's carts and the guest carts merged into them (their {@code MERGED} events name
     * them), locked for the caller's transaction when {@code lock}.
     */
    static List<String> customerCarts(Handle h, CustomerId customerId, boolean lock) {
        Set<String> ids = new LinkedHashSet<>(h.createQuery("SELECT id::text FROM carts WHERE customer_id = :customer"
                        + " ORDER BY id" + (lock ? " FOR UPDATE" : ""))
                .bind("customer", customerId.value())
                .mapTo(String.class)
                .list());
        if (ids.isEmpty()) {
            return List.of();
        }
        List<CartEvent> merges = h.createQuery(CartSql.SELECT_EVENTS
                        + " WHERE cart_id = ANY(CAST(:ids AS uuid[])) AND type = 'MERGED' ORDER BY cart_id, sequence, idx")
                .bindArray("ids", String.class, new ArrayList<>(ids))
                .map(CartRows::event)
                .list();
        List<String> guests = new ArrayList<>();
        for (CartEvent merge : merges) {
            PersonalRecords.mergedFrom(merge).map(CartId::toString).filter(id -> !ids.contains(id)).ifPresent(guests::add);
        }
        if (!guests.isEmpty()) {
            ids.addAll(h.createQuery("SELECT id::text FROM carts WHERE id = ANY(CAST(:ids AS uuid[])) ORDER BY id"
                            + (lock ? " FOR UPDATE" : ""))
                    .bindArray("ids", String.class, guests)
                    .mapTo(String.class)
                    .list());
        }
        return List.copyOf(ids);
    }

    /** Erases the carts, their children, outbox rows and stored responses; the counts by kind. */
    static Map<String, Integer> erase(Handle h, List<String> ids) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return counts;
        }
        counts.put(PersonalRecords.LINE, count(h, "SELECT count(*) FROM cart_lines WHERE cart_id = ANY(CAST(:ids AS uuid[]))", ids));
        counts.put(PersonalRecords.CODE, count(h, "SELECT count(*) FROM cart_codes WHERE cart_id = ANY(CAST(:ids AS uuid[]))", ids));
        counts.put(PersonalRecords.EVENT, update(h, """
                DELETE FROM outbox WHERE cart_id = ANY(CAST(:ids AS uuid[])) AND dispatched_at IS NOT NULL""", ids));
        counts.put(PersonalRecords.UNDELIVERED_EVENT, h.createUpdate("""
                        UPDATE outbox SET data = CAST(:erased AS jsonb)
                         WHERE cart_id = ANY(CAST(:ids AS uuid[])) AND dispatched_at IS NULL
                           AND data <> CAST(:erased AS jsonb)""")
                .bindArray("ids", String.class, ids)
                .bind("erased", Json.write(PersonalRecords.ERASED_DATA))
                .execute());
        counts.put(PersonalRecords.IDEMPOTENCY, update(h, "DELETE FROM idempotency_keys " + RECORDS_OF_CARTS, ids));
        counts.put(PersonalRecords.CART, update(h, "DELETE FROM carts WHERE id = ANY(CAST(:ids AS uuid[]))", ids));
        return counts;
    }

    /** The carts, their events and stored responses, as exported. */
    static List<PersonalRecord> export(Handle h, List<String> ids) {
        List<PersonalRecord> records = new ArrayList<>();
        if (ids.isEmpty()) {
            return records;
        }
        h.createQuery(CartSql.SELECT_CARTS + " WHERE c.id = ANY(CAST(:ids AS uuid[])) ORDER BY c.id")
                .bindArray("ids", String.class, ids)
                .map(CartRows::cart)
                .forEach(cart -> records.add(PersonalRecords.cart(cart)));
        h.createQuery(CartSql.SELECT_EVENTS + " WHERE cart_id = ANY(CAST(:ids AS uuid[])) ORDER BY cart_id, sequence, idx")
                .bindArray("ids", String.class, ids)
                .map(CartRows::event)
                .forEach(event -> records.add(PersonalRecords.event(event)));
        h.createQuery("SELECT key, fingerprint, response, expires_at, expires_at_ns FROM idempotency_keys "
                        + RECORDS_OF_CARTS + " ORDER BY key")
                .bindArray("ids", String.class, ids)
                .map((rs, ctx) -> new IdempotencyRecord(rs.getString("key"), rs.getString("fingerprint"),
                        rs.getString("response"), CartRows.instant(rs, "expires_at", "expires_at_ns")))
                .forEach(record -> records.add(PersonalRecords.idempotency(record)));
        return records;
    }

    /** One retention batch of a kind: delivered outbox rows by their event time, stored responses by expiry. */
    static int deleteOlderThan(Handle h, String kind, Instant cutoff, int limit) {
        String statement;
        if (RetentionStore.EVENT.equals(kind)) {
            statement = """
                    DELETE FROM outbox WHERE id IN (
                        SELECT id FROM outbox
                         WHERE dispatched_at IS NOT NULL AND at <= CAST(:cutoff AS timestamptz)
                           AND (at < CAST(:cutoff AS timestamptz) OR at_ns < :cutoffNs)
                         ORDER BY at, at_ns, id LIMIT :limit)""";
        } else if (RetentionStore.IDEMPOTENCY.equals(kind)) {
            statement = """
                    DELETE FROM idempotency_keys WHERE key IN (
                        SELECT key FROM idempotency_keys
                         WHERE expires_at <= CAST(:cutoff AS timestamptz)
                           AND (expires_at < CAST(:cutoff AS timestamptz) OR expires_at_ns < :cutoffNs)
                         ORDER BY expires_at, expires_at_ns, key LIMIT :limit)""";
        } else {
            return 0;
        }
        return h.createUpdate(statement)
                .bind("cutoff", CartRows.text(cutoff))
                .bind("cutoffNs", CartRows.nanos(cutoff))
                .bind("limit", limit)
                .execute();
    }

    private static int count(Handle h, String sql, List<String> ids) {
        return h.createQuery(sql).bindArray("ids", String.class, ids).mapTo(Integer.class).one();
    }

    private static int update(Handle h, String sql, List<String> ids) {
        return h.createUpdate(sql).bindArray("ids", String.class, ids).execute();
    }
}
