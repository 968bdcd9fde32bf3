package dev.cartflow.jdbi;

import dev.cartflow.model.Cart;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.LineItem;
import dev.cartflow.model.Money;
import dev.cartflow.spi.IdempotencyRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Everything that hangs off cart rows (lines, codes, participants, outbox events and idempotency
 * records) as the parallel arrays of set-based {@code unnest} inserts, one CTE per kind that is
 * present: a write names only the kinds it has, so a change of a cart with three lines and one
 * event binds and plans two inserts, not five.
 *
 * <p>Two uses. {@link #insert} writes the children of carts whose rows were written before, in a
 * statement of its own. {@link #guardedStatement} is the whole write of one cart in one statement:
 * the cart row (inserted, or updated under its version guard, CTE {@code written}), the delete of
 * its old children, and the inserts of the new ones, each conditioned on the guard. An insert of
 * new lines also waits for the delete of the old ones (it reads the delete's row count), so that the
 * unique keys of a replaced line never meet their successor in the same statement.
 */
final class CartChildren {
    private static final int LINES = 1;
    private static final int CODES = 2;
    private static final int PARTICIPANTS = 4;
    private static final int EVENTS = 8;
    private static final int KEYS = 16;

    /** The statement of each {@link Guard} and each combination of kinds present, parsed once. */
    private static final NamedSql[][] STATEMENTS = new NamedSql[Guard.values().length][32];

    static {
        for (Guard guard : Guard.values()) {
            for (int parts = 0; parts < 32; parts++) {
                STATEMENTS[guard.ordinal()][parts] = NamedSql.of(render(guard, parts));
            }
        }
    }

    /** How the children's inserts depend on the cart row of the same statement. */
    enum Guard {
        /** The rows were written by earlier statements of the transaction. */
        NONE,
        /** A new cart inserted in the same statement. */
        NEW_CART,
        /** A stored cart updated under its version guard in the same statement. */
        CHANGED_CART
    }

    private final int parts;
    private final List<String> lineCarts = new ArrayList<>();
    private final List<Integer> linePositions = new ArrayList<>();
    private final List<String> lineIds = new ArrayList<>();
    private final List<String> skus = new ArrayList<>();
    private final List<String> warehouses = new ArrayList<>();
    private final List<Integer> quantities = new ArrayList<>();
    private final List<Long> priceMinors = new ArrayList<>();
    private final List<String> priceCurrencies = new ArrayList<>();
    private final List<String> addedAts = new ArrayList<>();
    private final List<Integer> addedAtNs = new ArrayList<>();
    private final List<String> codeCarts = new ArrayList<>();
    private final List<Integer> codePositions = new ArrayList<>();
    private final List<String> codes = new ArrayList<>();
    private final List<String> eventCarts = new ArrayList<>();
    private final List<Long> sequences = new ArrayList<>();
    private final List<Integer> indexes = new ArrayList<>();
    private final List<String> types = new ArrayList<>();
    private final List<String> ats = new ArrayList<>();
    private final List<Integer> atNs = new ArrayList<>();
    private final List<String> datas = new ArrayList<>();
    private final List<String> keys = new ArrayList<>();
    private final List<String> fingerprints = new ArrayList<>();
    private final List<String> responses = new ArrayList<>();
    private final List<String> keyExpiries = new ArrayList<>();
    private final List<Integer> keyExpiryNs = new ArrayList<>();
    private final ParticipantRows participants;

    /** The children of {@code carts}, with the events and records of the same write. */
    CartChildren(List<Cart> carts, List<CartEvent> events, List<IdempotencyRecord> records) {
        for (Cart cart : carts) {
            String id = cart.id().toString();
            int position = 0;
            for (LineItem line : cart.lines()) {
                lineCarts.add(id);
                linePositions.add(position++);
                lineIds.add(line.id().value());
                skus.add(line.sku().value());
                warehouses.add(line.warehouse());
                quantities.add(line.quantity());
                Money price = line.addedUnitPrice();
                priceMinors.add(price == null ? null : price.minor());
                priceCurrencies.add(price == null ? null : price.currency().getCurrencyCode());
                addedAts.add(CartRows.text(line.addedAt()));
                addedAtNs.add(CartRows.nanos(line.addedAt()));
            }
            position = 0;
            for (String code : cart.codes()) {
                codeCarts.add(id);
                codePositions.add(position++);
                codes.add(code);
            }
        }
        List<CartEvent> orderedEvents = new ArrayList<>(events);
        if (orderedEvents.size() > 1) {
            orderedEvents.sort(Comparator.comparing((CartEvent e) -> e.cartId().value())
                    .thenComparingLong(CartEvent::sequence)
                    .thenComparingInt(CartEvent::index));
        }
        for (CartEvent event : orderedEvents) {
            eventCarts.add(event.cartId().toString());
            sequences.add(event.sequence());
            indexes.add(event.index());
            types.add(event.type().name());
            ats.add(CartRows.text(event.at()));
            atNs.add(CartRows.nanos(event.at()));
            datas.add(Json.writeSorted(event.data()));
        }
        for (IdempotencyRecord record : records) {
            keys.add(record.key());
            fingerprints.add(record.fingerprint());
            responses.add(record.response());
            keyExpiries.add(CartRows.text(record.expiresAt()));
            keyExpiryNs.add(CartRows.nanos(record.expiresAt()));
        }
        participants = new ParticipantRows(carts);
        parts = (lineCarts.isEmpty() ? 0 : LINES) | (codeCarts.isEmpty() ? 0 : CODES)
                | (participants.isEmpty() ? 0 : PARTICIPANTS) | (eventCarts.isEmpty() ? 0 : EVENTS)
                | (keys.isEmpty() ? 0 : KEYS);
    }

    /**
     * Inserts the lines and codes of {@code carts}, the events and the records, in the caller's
     * transaction, after the cart rows were written.
     *
     * @return the number of idempotency records inserted (a live record with the same key is kept)
     */
    static long insert(Handle h, List<Cart> carts, List<CartEvent> events,
                       List<IdempotencyRecord> records, Instant now) {
        CartChildren children = new CartChildren(carts, events, records);
        if (children.parts == 0) {
            return 0;
        }
        return CartStore.queryLong(h, STATEMENTS[Guard.NONE.ordinal()][children.parts],
                children.bind(new NamedSql.Params(), now));
    }

    /**
     * The one statement of a single-cart write: the cart row under {@code guard}, then these
     * children. Its row has two columns: the cart rows written (0 when the guard failed, and then
     * nothing else was written) and the idempotency records written.
     */
    NamedSql guardedStatement(Guard guard) {
        return STATEMENTS[guard.ordinal()][parts];
    }

    /** Whether there is an idempotency record to write (the caller must then be able to roll back). */
    boolean hasRecords() {
        return (parts & KEYS) != 0;
    }

    /** Binds the arrays of the kinds present, and {@code now} when there are records. */
    NamedSql.Params bind(NamedSql.Params params, Instant now) {
        if ((parts & LINES) != 0) {
            params.text("lineCarts", lineCarts)
                    .int4("linePositions", linePositions)
                    .text("lineIds", lineIds)
                    .text("skus", skus)
                    .text("warehouses", warehouses)
                    .int4("quantities", quantities)
                    .int8("priceMinors", priceMinors)
                    .text("priceCurrencies", priceCurrencies)
                    .text("addedAts", addedAts)
                    .int4("addedAtNs", addedAtNs);
        }
        if ((parts & CODES) != 0) {
            params.text("codeCarts", codeCarts)
                    .int4("codePositions", codePositions)
                    .text("codes", codes);
        }
        if ((parts & PARTICIPANTS) != 0) {
            participants.bind(params);
        }
        if ((parts & EVENTS) != 0) {
            params.text("eventCarts", eventCarts)
                    .int8("sequences", sequences)
                    .int4("indexes", indexes)
                    .text("types", types)
                    .text("ats", ats)
                    .int4("atNs", atNs)
                    .text("datas", datas);
        }
        if ((parts & KEYS) != 0) {
            params.text("keys", keys)
                    .text("fingerprints", fingerprints)
                    .text("responses", responses)
                    .text("keyExpiries", keyExpiries)
                    .int4("keyExpiryNs", keyExpiryNs)
                    .bind("now", now == null ? null : CartRows.text(now));
        }
        return params;
    }

    private static String render(Guard guard, int parts) {
        List<String> ctes = new ArrayList<>();
        switch (guard) {
            case NEW_CART -> ctes.add("WITH written AS (" + CartSql.INSERT_CART_RETURNING + ")");
            case CHANGED_CART -> ctes.add("WITH written AS (" + CartSql.GUARDED_UPDATE + "),\n" + CartSql.OLD_CHILDREN);
            case NONE -> {
            }
        }
        if ((parts & LINES) != 0) {
            ctes.add(String.format(CartSql.NEW_LINES, condition(guard, "old_lines")));
        }
        if ((parts & CODES) != 0) {
            ctes.add(String.format(CartSql.NEW_CODES, condition(guard, "old_codes")));
        }
        if ((parts & PARTICIPANTS) != 0) {
            ctes.add(String.format(CartSql.NEW_PARTICIPANTS, condition(guard, "old_participants")));
        }
        if ((parts & EVENTS) != 0) {
            ctes.add(String.format(CartSql.NEW_EVENTS, condition(guard, null)));
        }
        if ((parts & KEYS) != 0) {
            ctes.add(String.format(CartSql.NEW_KEYS, condition(guard, null)));
        }
        String keysWritten = (parts & KEYS) != 0 ? "(SELECT count(*) FROM new_keys)" : "0";
        String result = guard == Guard.NONE ? "SELECT " + keysWritten
                : "SELECT (SELECT count(*) FROM written), " + keysWritten;
        if (ctes.isEmpty()) {
            return result;
        }
        String with = String.join(",\n", ctes);
        return (guard == Guard.NONE ? "WITH " + with : with) + "\n" + result;
    }

    /** The condition of one insert: the guard held, and the children it replaces are gone. */
    private static String condition(Guard guard, String replaced) {
        return switch (guard) {
            case NONE -> "";
            case NEW_CART -> "WHERE EXISTS (SELECT 1 FROM written)";
            case CHANGED_CART -> "WHERE EXISTS (SELECT 1 FROM written)"
                    + (replaced == null ? "" : " AND (SELECT count(*) FROM " + replaced + ") >= 0");
        };
    }
}
