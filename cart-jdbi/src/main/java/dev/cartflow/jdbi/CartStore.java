package dev.cartflow.jdbi;

import dev.cartflow.model.Cart;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CartOwner;
import dev.cartflow.model.CustomerId;
import dev.cartflow.error.CartException;
import dev.cartflow.spi.CartWrite;
import dev.cartflow.spi.IdempotencyRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The statements on the cart tables (rows map to the model in {@link CartRows}; lines, codes, events
 * and idempotency records are inserted by {@link CartChildren}). Every method runs on a handle given
 * by the caller, who owns the transaction. Every statement is parameterized; values
 * travel as text, numbers or arrays of them and are cast in SQL.
 *
 * <p>Statement budget: loading any number of carts is one query (lines and codes are aggregated in
 * it); a single-cart save is one statement ({@link #writeOne}: the guarded row, the replaced
 * children deleted, the new ones, its events and its record inserted), run without an explicit
 * transaction unless it has an idempotency record to check; writing several carts is one guarded
 * statement per cart plus one set-based statement for all lines, codes, outbox events and
 * idempotency records, whatever their number.
 */
final class CartStore {
    private static final NamedSql FIND_BY_ID = NamedSql.of(CartSql.SELECT_CARTS + " WHERE c.id = CAST(:id AS uuid)");
    private static final NamedSql STORED_VERSION = NamedSql.of("SELECT version FROM carts WHERE id = CAST(:id AS uuid)");
    private static final NamedSql INSERT_CART = NamedSql.of(CartSql.INSERT_CART);
    private static final NamedSql UPDATE_CART = NamedSql.of(CartSql.UPDATE_CART);
    private static final NamedSql UPSERT_IF_NEWER = NamedSql.of(CartSql.UPSERT_IF_NEWER);

    private CartStore() {
    }

    // ----------------------------------------------------------------------------------- reads

    /** Plain JDBC: every read of a cart by id runs this (see {@link NamedSql}). */
    static Optional<Cart> find(Connections connections, CartId id) {
        NamedSql.Params params = new NamedSql.Params().bind("id", id.toString());
        return connections.run(false, c -> {
            try (PreparedStatement statement = FIND_BY_ID.prepare(c, params);
                 ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(CartRows.cart(rs, null)) : Optional.<Cart>empty();
            }
        });
    }

    static Optional<Cart> findActiveByCustomer(Handle h, CustomerId customerId) {
        return h.createQuery(CartSql.SELECT_CARTS + """
                         WHERE c.customer_id = :customerId AND c.state = 'ACTIVE' AND c.kind = 'SHOPPING'
                         ORDER BY c.updated_at DESC, c.updated_at_ns DESC, c.id LIMIT 1""")
                .bind("customerId", customerId.value())
                .map(CartRows::cart)
                .findOne();
    }

    /** The customer's active carts of every kind, most recently updated first ({@code CustomerCarts}). */
    static List<Cart> cartsOf(Handle h, CustomerId customerId) {
        return h.createQuery(CartSql.SELECT_CARTS + """
                         WHERE c.customer_id = :customerId AND c.state = 'ACTIVE'
                         ORDER BY c.updated_at DESC, c.updated_at_ns DESC, c.id""")
                .bind("customerId", customerId.value())
                .map(CartRows::cart)
                .list();
    }

    static List<Cart> findExpiringBefore(Handle h, Instant cutoff, int limit) {
        return scan(h, """
                 WHERE c.expires_at <= CAST(:cutoff AS timestamptz)
                   AND (c.expires_at < CAST(:cutoff AS timestamptz) OR c.expires_at_ns < :cutoffNs)
                 ORDER BY c.expires_at, c.expires_at_ns, c.id LIMIT :limit""", cutoff, limit);
    }

    static List<Cart> findInactiveSince(Handle h, Instant cutoff, int limit) {
        return scan(h, """
                 WHERE c.state = 'ACTIVE' AND c.abandoned_at IS NULL
                   AND c.updated_at <= CAST(:cutoff AS timestamptz)
                   AND (c.updated_at < CAST(:cutoff AS timestamptz) OR c.updated_at_ns < :cutoffNs)
                   AND EXISTS (SELECT 1 FROM cart_lines l WHERE l.cart_id = c.id)
                 ORDER BY c.updated_at, c.updated_at_ns, c.id LIMIT :limit""", cutoff, limit);
    }

    /** A maintenance scan: the carts matching {@code where}, which binds :cutoff, :cutoffNs and :limit. */
    private static List<Cart> scan(Handle h, String where, Instant cutoff, int limit) {
        return h.createQuery(CartSql.SELECT_CARTS + where)
                .bind("cutoff", CartRows.text(cutoff))
                .bind("cutoffNs", CartRows.nanos(cutoff))
                .bind("limit", limit)
                .map(CartRows::cart)
                .list();
    }

    /** One page of all carts in id order, after {@code afterId} (null for the first page). */
    static List<Cart> page(Handle h, CartId afterId, int limit) {
        return h.createQuery(CartSql.SELECT_CARTS + """
                         WHERE (CAST(:after AS uuid) IS NULL OR c.id > CAST(:after AS uuid))
                         ORDER BY c.id LIMIT :limit""")
                .bind("after", afterId == null ? null : afterId.toString())
                .bind("limit", limit)
                .map(CartRows::cart)
                .list();
    }

    static Optional<IdempotencyRecord> findIdempotency(Handle h, String key, Instant now) {
        return h.createQuery("""
                        SELECT key, fingerprint, response, expires_at, expires_at_ns FROM idempotency_keys
                         WHERE key = :key AND expires_at >= CAST(:now AS timestamptz)
                           AND (expires_at > CAST(:now AS timestamptz) OR expires_at_ns >= :nowNs)""")
                .bind("key", key)
                .bind("now", CartRows.text(now))
                .bind("nowNs", CartRows.nanos(now))
                .map((rs, ctx) -> new IdempotencyRecord(rs.getString("key"), rs.getString("fingerprint"),
                        rs.getString("response"), CartRows.instant(rs, "expires_at", "expires_at_ns")))
                .findOne();
    }

    static List<CartEvent> eventsSince(Handle h, CartId id, long afterSequence) {
        return h.createQuery(CartSql.SELECT_EVENTS + """
                         WHERE cart_id = CAST(:id AS uuid) AND sequence > :after ORDER BY sequence, idx""")
                .bind("id", id.toString())
                .bind("after", afterSequence)
                .map(CartRows::event)
                .list();
    }

    /** The stored version of a cart, 0 when there is none. */
    static long storedVersion(Handle h, CartId id) {
        return storedVersion(h.getConnection(), id);
    }

    private static long storedVersion(java.sql.Connection c, CartId id) {
        return queryLong(c, STORED_VERSION, new NamedSql.Params().bind("id", id.toString()));
    }

    /** Runs a query whose first row's first column is a number; 0 when it returns no row. */
    static long queryLong(Handle h, NamedSql sql, NamedSql.Params params) {
        return queryLong(h.getConnection(), sql, params);
    }

    private static long queryLong(java.sql.Connection c, NamedSql sql, NamedSql.Params params) {
        return jdbc(() -> {
            try (PreparedStatement statement = sql.prepare(c, params);
                 ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    /** Plain JDBC work; a {@link SQLException} is raised unchecked, with it as the cause, for {@link Failures}. */
    private static <T> T jdbc(JdbcWork<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw new IllegalStateException("statement failed", e);
        }
    }

    /** A piece of plain JDBC work. */
    @FunctionalInterface
    private interface JdbcWork<T> {
        T run() throws SQLException;
    }

    // ---------------------------------------------------------------------------------- writes

    /**
     * Writes one cart in one statement ({@link CartChildren#guardedStatement}). Without an
     * idempotency record the statement is its own transaction; with one it runs in a transaction
     * that is rolled back when a live record holds the key. Throws {@code VERSION_CONFLICT} when the
     * guard fails (and then nothing was written).
     */
    static void writeOne(Connections connections, CartWrite write) {
        Cart cart = write.cart();
        CartChildren children = new CartChildren(List.of(cart), write.events(),
                write.idempotency() == null ? List.of() : List.of(write.idempotency()));
        boolean isNew = write.expectedVersion() == 0;
        NamedSql sql = children.guardedStatement(isNew ? CartChildren.Guard.NEW_CART : CartChildren.Guard.CHANGED_CART);
        NamedSql.Params params = children.bind(bindCart(new NamedSql.Params(), cart), cart.updatedAt());
        if (!isNew) {
            params.bind("expectedVersion", write.expectedVersion());
        }
        connections.run(children.hasRecords(), c -> {
            long[] written;
            try (PreparedStatement s = sql.prepare(c, params); ResultSet rs = s.executeQuery()) {
                rs.next();
                written = new long[] {rs.getLong(1), rs.getLong(2)};
            }
            if (written[0] != 1) {
                long stored = storedVersion(c, cart.id());
                throw CartException.versionConflict(stored, "cart " + cart.id() + " is at version " + stored
                        + ", not " + write.expectedVersion());
            }
            if (children.hasRecords() && written[1] != 1) {
                throw CartException.versionConflict(write.expectedVersion(),
                        "idempotency key is already used by a live record; reload and retry");
            }
            return written;
        });
    }

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
                NamedSql.Params params = bindCart(new NamedSql.Params(), cart);
                rows = jdbc(() -> {
                    try (PreparedStatement s = INSERT_CART.prepare(h.getConnection(), params)) {
                        return (long) s.executeUpdate();
                    }
                });
            } else {
                rows = queryLong(h, UPDATE_CART, bindCart(new NamedSql.Params(), cart)
                        .bind("expectedVersion", write.expectedVersion()));
            }
            if (rows != 1) {
                long stored = storedVersion(h, cart.id());
                throw CartException.versionConflict(stored, "cart " + cart.id() + " is at version " + stored
                        + ", not " + write.expectedVersion());
            }
        }
        List<CartEvent> events = ordered.stream().flatMap(w -> w.events().stream()).toList();
        long written = CartChildren.insert(h, ordered.stream().map(CartWrite::cart).toList(), events, records, now);
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
            if (queryLong(h, UPSERT_IF_NEWER, bindCart(new NamedSql.Params(), cart)) == 1) {
                written.add(cart);
            }
        }
        CartChildren.insert(h, written, List.of(), List.of(), null);
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
        CartChildren.insert(h, List.of(), events, List.of(), null);
    }

    private static NamedSql.Params bindCart(NamedSql.Params statement, Cart cart) {
        CartOwner owner = cart.owner();
        return CommerceColumns.bind(statement, cart)
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
                .bind("createdAt", CartRows.text(cart.createdAt()))
                .bind("updatedAt", CartRows.text(cart.updatedAt()))
                .bind("expiresAt", CartRows.text(cart.expiresAt()))
                .bind("abandonedAt", cart.abandonedAt() == null ? null : CartRows.text(cart.abandonedAt()))
                .bind("createdAtNs", CartRows.nanos(cart.createdAt()))
                .bind("updatedAtNs", CartRows.nanos(cart.updatedAt()))
                .bind("expiresAtNs", CartRows.nanos(cart.expiresAt()))
                .bind("abandonedAtNs", cart.abandonedAt() == null ? 0 : CartRows.nanos(cart.abandonedAt()))
                .bind("region", cart.region());
    }
}
