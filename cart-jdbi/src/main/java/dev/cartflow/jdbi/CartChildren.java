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
 * The set-based insert of everything that hangs off cart rows: lines, codes, participants, outbox
 * events and idempotency records, all in one {@link CartSql#INSERT_CHILDREN} statement whatever their number
 * (each column travels as one array).
 */
final class CartChildren {
    private CartChildren() {
    }

    /**
     * Inserts the lines and codes of {@code carts}, the events and the records, in the caller's
     * transaction.
     *
     * @return the number of idempotency records inserted (a live record with the same key is kept)
     */
    static long insert(Handle h, List<Cart> carts, List<CartEvent> events,
                       List<IdempotencyRecord> records, Instant now) {
        boolean anyLineOrCode = carts.stream().anyMatch(c -> !c.lines().isEmpty() || !c.codes().isEmpty());
        if (!anyLineOrCode && !ParticipantRows.any(carts) && events.isEmpty() && records.isEmpty()) {
            return 0;
        }
        List<String> lineCarts = new ArrayList<>();
        List<Integer> linePositions = new ArrayList<>();
        List<String> lineIds = new ArrayList<>();
        List<String> skus = new ArrayList<>();
        List<String> warehouses = new ArrayList<>();
        List<Integer> quantities = new ArrayList<>();
        List<Long> priceMinors = new ArrayList<>();
        List<String> priceCurrencies = new ArrayList<>();
        List<String> addedAts = new ArrayList<>();
        List<Integer> addedAtNs = new ArrayList<>();
        List<String> codeCarts = new ArrayList<>();
        List<Integer> codePositions = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        for (Cart cart : carts) {
            int position = 0;
            for (LineItem line : cart.lines()) {
                lineCarts.add(cart.id().toString());
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
                codeCarts.add(cart.id().toString());
                codePositions.add(position++);
                codes.add(code);
            }
        }
        List<CartEvent> orderedEvents = new ArrayList<>(events);
        orderedEvents.sort(Comparator.comparing((CartEvent e) -> e.cartId().value())
                .thenComparingLong(CartEvent::sequence)
                .thenComparingInt(CartEvent::index));
        List<String> eventCarts = new ArrayList<>();
        List<Long> sequences = new ArrayList<>();
        List<Integer> indexes = new ArrayList<>();
        List<String> types = new ArrayList<>();
        List<String> ats = new ArrayList<>();
        List<Integer> atNs = new ArrayList<>();
        List<String> datas = new ArrayList<>();
        for (CartEvent event : orderedEvents) {
            eventCarts.add(event.cartId().toString());
            sequences.add(event.sequence());
            indexes.add(event.index());
            types.add(event.type().name());
            ats.add(CartRows.text(event.at()));
            atNs.add(CartRows.nanos(event.at()));
            datas.add(Json.write(event.sortedData()));
        }
        List<String> keys = new ArrayList<>();
        List<String> fingerprints = new ArrayList<>();
        List<String> responses = new ArrayList<>();
        List<String> keyExpiries = new ArrayList<>();
        List<Integer> keyExpiryNs = new ArrayList<>();
        for (IdempotencyRecord record : records) {
            keys.add(record.key());
            fingerprints.add(record.fingerprint());
            responses.add(record.response());
            keyExpiries.add(CartRows.text(record.expiresAt()));
            keyExpiryNs.add(CartRows.nanos(record.expiresAt()));
        }
        return new ParticipantRows(carts).bind(h.createQuery(CartSql.INSERT_CHILDREN))
                .bindArray("lineCarts", String.class, lineCarts)
                .bindArray("linePositions", Integer.class, linePositions)
                .bindArray("lineIds", String.class, lineIds)
                .bindArray("skus", String.class, skus)
                .bindArray("warehouses", String.class, warehouses)
                .bindArray("quantities", Integer.class, quantities)
                .bindArray("priceMinors", Long.class, priceMinors)
                .bindArray("priceCurrencies", String.class, priceCurrencies)
                .bindArray("addedAts", String.class, addedAts)
                .bindArray("addedAtNs", Integer.class, addedAtNs)
                .bindArray("codeCarts", String.class, codeCarts)
                .bindArray("codePositions", Integer.class, codePositions)
                .bindArray("codes", String.class, codes)
                .bindArray("eventCarts", String.class, eventCarts)
                .bindArray("sequences", Long.class, sequences)
                .bindArray("indexes", Integer.class, indexes)
                .bindArray("types", String.class, types)
                .bindArray("ats", String.class, ats)
                .bindArray("atNs", Integer.class, atNs)
                .bindArray("datas", String.class, datas)
                .bindArray("keys", String.class, keys)
                .bindArray("fingerprints", String.class, fingerprints)
                .bindArray("responses", String.class, responses)
                .bindArray("keyExpiries", String.class, keyExpiries)
                .bindArray("keyExpiryNs", Integer.class, keyExpiryNs)
                .bind("now", now == null ? null : CartRows.text(now))
                .mapTo(Long.class)
                .one();
    }
}
