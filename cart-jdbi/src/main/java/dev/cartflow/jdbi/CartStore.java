package dev.cartflow.jdbi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CartOwner;
import dev.cartflow.model.CartState;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.LineId;
import dev.cartflow.model.LineItem;
import dev.cartflow.model.Money;
import dev.cartflow.model.Sku;
import dev.cartflow.error.CartException;
import dev.cartflow.spi.CartWrite;
import dev.cartflow.spi.IdempotencyRecord;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The SQL of the cart tables and the mapping between rows and the model. Every method runs on a
 * handle given by the caller, who owns the transaction. Every statement is parameterized; values
 * travel as text, numbers or arrays of them and are cast in SQL.
 *
 * <p>Statement budget: loading any number of carts is one query (lines and codes are aggregated in
 * it); writing carts is one guarded statement per cart (which also deletes the replaced lines and
 * codes) plus one set-based statement for all lines, codes, outbox events and idempotency records,
 * whatever their number: a single-cart save is two statements.
 */
final class CartStore {
    private CartStore() {
    }

    // ----------------------------------------------------------------------------------- reads

    static Optional<Cart> find(Handle h, CartId id) {
        return h.createQuery(CartSql.SELECT_CARTS + " WHERE c.id = CAST(:id AS uuid)")
                .bind("id", id.toString())
                .map(CartStore::cart)
                .findOne();
    }

    static Optional<Cart> findActiveByCustomer(Handle h, CustomerId customerId) {
        return h.createQuery(CartSql.SELECT_CARTS + """
                         WHERE c.customer_id = :customerId AND c.state = 'ACTIVE'
                         ORDER BY c.updated_at DESC, c.updated_at_ns DESC, c.id LIMIT 1""")
                .bind("customerId", customerId.value())
                .map(CartStore::cart)
                .findOne();
    }

    static List<Cart> findExpiringBefore(Handle h, Instant cutoff, int limit) {
        return h.createQuery(CartSql.SELECT_CARTS + """
                         WHERE c.expires_at <= CAST(:cutoff AS timestamptz)
                           AND (c.expires_at < CAST(:cutoff AS timestamptz) OR c.expires_at_ns < :cutoffNs)
                         ORDER BY c.expires_at, c.expires_at_ns, c.id LIMIT :limit""")
                .bind("cutoff", text(cutoff))
                .bind("cutoffNs", nanos(cutoff))
                .bind("limit", limit)
                .map(CartStore::cart)
                .list();
    }

    static List<Cart> findInactiveSince(Handle h, Instant cutoff, int limit) {
        return h.createQuery(CartSql.SELECT_CARTS + """
                         WHERE c.state = 'ACTIVE' AND c.abandoned_at IS NULL
                           AND c.updated_at <= CAST(:cutoff AS timestamptz)
                           AND (c.updated_at < CAST(:cutoff AS timestamptz) OR c.updated_at_ns < :cutoffNs)
                           AND EXISTS (SELECT 1 FROM cart_lines l WHERE l.cart_id = c.id)
                         ORDER BY c.updated_at, c.updated_at_ns, c.id LIMIT :limit""")
                .bind("cutoff", text(cutoff))
                .bind("cutoffNs", nanos(cutoff))
                .bind("limit", limit)
                .map(CartStore::cart)
                .list();
    }

    /** One page of all carts in id order, after {@code afterId} (null for the first page). */
    static List<Cart> page(Handle h, CartId afterId, int limit) {
        return h.createQuery(CartSql.SELECT_CARTS + """
                         WHERE (CAST(:after AS uuid) IS NULL OR c.id > CAST(:after AS uuid))
                         ORDER BY c.id LIMIT :limit""")
                .bind("after", afterId == null ? null : afterId.toString())
                .bind("limit", limit)
                .map(CartStore::cart)
                .list();
    }

    static Optional<IdempotencyRecord> findIdempotency(Handle h, String key, Instant now) {
        return h.createQuery("""
                        SELECT key, fingerprint, response, expires_at, expires_at_ns FROM idempotency_keys
                         WHERE key = :key AND expires_at >= CAST(:now AS timestamptz)
                           AND (expires_at > CAST(:now AS timestamptz) OR expires_at_ns >= :nowNs)""")
                .bind("key", key)
                .bind("now", text(now))
                .bind("nowNs", nanos(now))
                .map((rs, ctx) -> new IdempotencyRecord(rs.getString("key"), rs.getString("fingerprint"),
                        rs.getString("response"), instant(rs, "expires_at", "expires_at_ns")))
                .findOne();
    }

    static List<CartEvent> eventsSince(Handle h, CartId id, long afterSequence) {
        return h.createQuery(CartSql.SELECT_EVENTS + """
                         WHERE cart_id = CAST(:id AS uuid) AND sequence > :after ORDER BY sequence, idx""")
                .bind("id", id.toString())
                .bind("after", afterSequence)
                .map(CartStore::event)
                .list();
    }

    static long storedVersion(Handle h, CartId id) {
        return h.createQuery("SELECT version FROM carts WHERE id = CAST(:id AS uuid)")
                .bind("id", id.toString())
                .mapTo(Long.class)
                .findOne()
                .orElse(0L);
    }

    // ---------------------------------------------------------------------------------- writes

    /**
     * Writes the changes in the caller's transaction; throws {@code VERSION_CONFLICT} (and the caller
     * rolls back) when a guard fails. Carts are written in id order so that two transactions touching
     * the same carts lock them in the same order and cannot deadlock. One guard statement per cart,
     * then one statement for all lines, codes, events and idempotency records.
     */
    static void write(Handle h, List<CartWrite> writes) {
        List<CartWrite> ordered = new ArrayList<>(writes);
        ordered.sort(Comparator.comparing(w -> w.cart().id().value()));
        Set<CartId> seen = new HashSet<>();
        Set<String> keys = new HashSet<>();
        List<IdempotencyRecord> records = new ArrayList<>();
        Instant now = null;
        for (CartWrite write : ordered) {
            if (!seen.add(write.cart().id())) {
                throw CartException.invalidInput("cart " + write.cart().id() + " appears twice in one write");
            }
            if (write.idempotency() != null) {
                if (!keys.add(write.idempotency().key())) {
                    throw CartException.invalidInput("idempotency key appears twice in one write");
                }
                records.add(write.idempotency());
                Instant at = write.cart().updatedAt();
                now = now == null || at.isAfter(now) ? at : now;
            }
        }
        for (CartWrite write : ordered) {
            Cart cart = write.cart();
            long rows;
            if (write.expectedVersion() == 0) {
                rows = bindCart(h.createUpdate(CartSql.INSERT_CART), cart).execute();
            } else {
                rows = bindCart(h.createQuery(CartSql.UPDATE_CART), cart)
                        .bind("expectedVersion", write.expectedVersion())
                        .mapTo(Long.class)
                        .one();
            }
            if (rows != 1) {
                long stored = storedVersion(h, cart.id());
                throw CartException.versionConflict(stored, "cart " + cart.id() + " is at version " + stored
                        + ", not " + write.expectedVersion());
            }
        }
        List<CartEvent> events = ordered.stream().flatMap(w -> w.events().stream()).toList();
        long written = insertChildren(h, ordered.stream().map(CartWrite::cart).toList(), events, records, now);
        if (written != records.size()) {
            CartWrite first = ordered.get(0);
            throw CartException.versionConflict(first.expectedVersion(),
                    "idempotency key is already used by a live record; reload and retry");
        }
    }

    /**
     * Inserts or replaces carts whose stored version is lower (import). Returns the carts written;
     * the others were skipped.
     */
    static List<Cart> upsertIfNewer(Handle h, Collection<Cart> carts) {
        List<Cart> ordered = new ArrayList<>(carts);
        ordered.sort(Comparator.comparing(c -> c.id().value()));
        List<Cart> written = new ArrayList<>();
        Set<CartId> seen = new HashSet<>();
        for (Cart cart : ordered) {
            if (!seen.add(cart.id())) {
                continue;
            }
            if (bindCart(h.createQuery(CartSql.UPSERT_IF_NEWER), cart).mapTo(Long.class).one() == 1) {
                written.add(cart);
            }
        }
        insertChildren(h, written, List.of(), List.of(), null);
        return written;
    }

    /**
     * Deletes the cart, its lines and codes, and its delivered outbox rows. Undelivered rows stay so
     * that the dispatcher still delivers them (a purge writes the EXPIRED event and then deletes);
     * {@link OutboxDispatcher#purgeDispatchedBefore} removes them once delivered.
     */
    static boolean delete(Handle h, CartId id) {
        h.createUpdate("DELETE FROM outbox WHERE cart_id = CAST(:id AS uuid) AND dispatched_at IS NOT NULL")
                .bind("id", id.toString()).execute();
        return h.createUpdate("DELETE FROM carts WHERE id = CAST(:id AS uuid)").bind("id", id.toString())
                .execute() == 1;
    }

    /** Outbox rows only (tests, tools). */
    static void insertEvents(Handle h, List<CartEvent> events) {
        insertChildren(h, List.of(), events, List.of(), null);
    }

    private static long insertChildren(Handle h, List<Cart> carts, List<CartEvent> events,
                                       List<IdempotencyRecord> records, Instant now) {
        boolean anyLineOrCode = carts.stream().anyMatch(c -> !c.lines().isEmpty() || !c.codes().isEmpty());
        if (!anyLineOrCode && events.isEmpty() && records.isEmpty()) {
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
                addedAts.add(text(line.addedAt()));
                addedAtNs.add(nanos(line.addedAt()));
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
            ats.add(text(event.at()));
            atNs.add(nanos(event.at()));
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
            keyExpiries.add(text(record.expiresAt()));
            keyExpiryNs.add(nanos(record.expiresAt()));
        }
        return h.createQuery(CartSql.INSERT_CHILDREN)
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
                .bind("now", now == null ? null : text(now))
                .mapTo(Long.class)
                .one();
    }

    private static <S extends org.jdbi.v3.core.statement.SqlStatement<S>> S bindCart(S statement, Cart cart) {
        CartOwner owner = cart.owner();
        return statement
                .bind("id", cart.id().toString())
                .bind("ownerKind", owner instanceof CartOwner.Guest ? "GUEST" : "CUSTOMER")
                .bind("tokenHash", owner instanceof CartOwner.Guest g ? g.tokenHash() : null)
                .bind("customerId", owner instanceof CartOwner.Customer c ? c.customerId().value() : null)
                .bind("customerGroup", cart.customerGroup())
                .bind("currency", cart.currency().getCurrencyCode())
                .bind("country", cart.country())
                .bind("state", cart.state().name())
                .bind("version", cart.version())
                .bind("metadataJson", Json.asJsonbOrNull(cart.metadata()))
                .bind("metadata", cart.metadata())
                .bind("shippingMethod", cart.shippingMethod())
                .bind("createdAt", text(cart.createdAt()))
                .bind("updatedAt", text(cart.updatedAt()))
                .bind("expiresAt", text(cart.expiresAt()))
                .bind("abandonedAt", cart.abandonedAt() == null ? null : text(cart.abandonedAt()))
                .bind("createdAtNs", nanos(cart.createdAt()))
                .bind("updatedAtNs", nanos(cart.updatedAt()))
                .bind("expiresAtNs", nanos(cart.expiresAt()))
                .bind("abandonedAtNs", cart.abandonedAt() == null ? 0 : nanos(cart.abandonedAt()));
    }

    // --------------------------------------------------------------------------------- mapping

    /**
     * The microseconds part of an instant, for a timestamptz column (PostgreSQL's precision); the
     * nanoseconds below go to a companion {@code _ns} column, see {@link #nanos}.
     */
    static String text(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS).toString();
    }

    /** The nanoseconds below the microsecond, 0 to 999. */
    static int nanos(Instant instant) {
        return instant.getNano() % 1000;
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static Instant instant(ResultSet rs, String column, String nanosColumn) throws SQLException {
        Instant micros = instant(rs, column);
        return micros == null ? null : micros.plusNanos(rs.getInt(nanosColumn));
    }

    static Cart cart(ResultSet rs, StatementContext ctx) throws SQLException {
        CartOwner owner = "GUEST".equals(rs.getString("owner_kind"))
                ? new CartOwner.Guest(rs.getString("guest_token_hash"))
                : new CartOwner.Customer(new CustomerId(rs.getString("customer_id")));
        String[] codes = (String[]) rs.getArray("codes").getArray();
        return new Cart(
                new CartId(UUID.fromString(rs.getString("id"))),
                owner,
                rs.getString("customer_group"),
                Currency.getInstance(rs.getString("currency")),
                rs.getString("country"),
                CartState.valueOf(rs.getString("state")),
                rs.getLong("version"),
                lines(rs.getString("lines")),
                Arrays.asList(codes),
                rs.getString("shipping_method"),
                rs.getString("metadata_text"),
                instant(rs, "created_at", "created_at_ns"),
                instant(rs, "updated_at", "updated_at_ns"),
                instant(rs, "expires_at", "expires_at_ns"),
                instant(rs, "abandoned_at", "abandoned_at_ns"));
    }

    private static List<LineItem> lines(String json) {
        if (json == null) {
            return List.of();
        }
        JsonNode array = Json.read(json);
        List<LineItem> lines = new ArrayList<>(array.size());
        for (JsonNode row : array) {
            Money price = row.get(4).isNull() ? null
                    : Money.ofMinor(row.get(4).asLong(), Currency.getInstance(row.get(5).asText()));
            long micros = row.get(6).asLong();
            Instant addedAt = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                    Math.floorMod(micros, 1_000_000L) * 1_000L + row.get(7).asInt());
            lines.add(new LineItem(new LineId(row.get(0).asText()), new Sku(row.get(1).asText()),
                    row.get(3).asInt(), row.get(2).asText(), price, addedAt));
        }
        return lines;
    }

    static CartEvent event(ResultSet rs, StatementContext ctx) throws SQLException {
        return new CartEvent(
                new CartId(UUID.fromString(rs.getString("cart_id"))),
                rs.getLong("sequence"),
                rs.getInt("idx"),
                CartEvent.Type.valueOf(rs.getString("type")),
                instant(rs, "at", "at_ns"),
                Json.readStringMap(rs.getString("data")));
    }
}
