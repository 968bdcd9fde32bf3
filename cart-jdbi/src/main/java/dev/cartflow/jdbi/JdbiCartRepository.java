package dev.cartflow.jdbi;

import dev.cartflow.model.Cart;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CustomerId;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.spi.CartRepository;
import dev.cartflow.spi.CartScan;
import dev.cartflow.spi.CartStorage;
import dev.cartflow.spi.CartWrite;
import dev.cartflow.spi.CustomerCarts;
import dev.cartflow.spi.IdempotencyRecord;
import dev.cartflow.spi.PersonalDataStore;
import dev.cartflow.spi.PersonalRecord;
import dev.cartflow.spi.RetentionStore;
import java.util.Map;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * A {@link CartRepository} on PostgreSQL through JDBI 3.
 *
 * <p>A change is one transaction: the cart row guarded by its version
 * ({@code UPDATE ... WHERE id = ? AND version = ?}, or an insert that does nothing when the id
 * exists), its lines and codes, its events in the {@code outbox} table and its idempotency record.
 * A guard that fails rolls everything back and raises {@code VERSION_CONFLICT} with the stored
 * version. Any failure of the database or the driver is raised as {@code PROVIDER_UNAVAILABLE}
 * with the original as cause; nothing of JDBI or JDBC escapes.
 *
 * <p>Issue 11's content (kind, name, address, billing country, recovery token, freeze) is kept in
 * the cart row and participants in {@code cart_participants} (V7); {@link #findActiveByCustomer}
 * returns shopping carts only, and {@link #cartsOf} lists a customer's active carts of every kind.
 *
 * <p>Loading a cart is one query (lines, codes and participants are aggregated in it); saving one cart
 * is one statement (its row under the version guard, its lines, codes, participants, events and
 * record with set-based {@code unnest} inserts), in its own transaction unless it stores an
 * idempotency record; saving several is a fixed number of statements whatever the number of lines.
 *
 * <p><b>Read routing.</b> With {@link Builder#readReplica(Jdbi)}, reads that may lag behind the
 * primary go to the replica: {@link #findExpiringBefore}, {@link #findInactiveSince} (batch jobs
 * that tolerate a few seconds of lag: their writes are version-guarded) and {@link #eventsSince}
 * (catch-up reads; a client that asks again later sees the rest). Reads that must see the caller's
 * own writes ({@link #find}, {@link #findActiveByCustomer}, {@link #cartsOf}, {@link #findIdempotency}) and every
 * write go to the primary.
 *
 * <p><b>Data protection.</b> {@link #eraseCustomer} deletes, in one transaction, the customer's carts
 * and the guest carts merged into them, with their lines, codes, delivered outbox rows and stored
 * responses; their undelivered outbox rows stay with their data replaced by {@code {"erased":"true"}}
 * so the dispatcher still delivers them in order. {@link #deleteOlderThan} ages out delivered outbox
 * rows and expired stored responses for the retention job.
 *
 * <p>The schema must have been applied with {@link CartFlowSchema}. Connections come from the host's
 * pool behind the given {@link Jdbi}; PostgreSQL's default isolation, READ COMMITTED, is expected.
 *
 * <pre>{@code
 * CartFlowSchema.of(dataSource).migrate();
 * CartRepository carts = JdbiCartRepository.builder(Jdbi.create(dataSource))
 *         .dataSource(dataSource)                        // optional: hot statements without JDBI handles
 *         .readReplica(Jdbi.create(replicaDataSource))   // optional
 *         .build();
 * }</pre>
 */
public final class JdbiCartRepository implements CartStorage, CartScan, CustomerCarts, PersonalDataStore, RetentionStore {
    private final Jdbi primary;
    private final Jdbi reads;
    private final Connections hot;

    private JdbiCartRepository(Builder builder) {
        this.primary = builder.primary;
        this.reads = builder.replica == null ? builder.primary : builder.replica;
        this.hot = builder.dataSource == null ? Connections.of(builder.primary) : Connections.of(builder.dataSource);
    }

    /**
     * A repository on one database.
     *
     * @param jdbi the primary database
     * @return the repository
     */
    public static JdbiCartRepository create(Jdbi jdbi) {
        return builder(jdbi).build();
    }

    /**
     * Starts a builder.
     *
     * @param primary the primary database, for writes and reads that must see them
     * @return a builder
     */
    public static Builder builder(Jdbi primary) {
        return new Builder(primary);
    }

    @Override
    public Optional<Cart> find(CartId id) {
        notNull(id, "id");
        return Failures.translate("find cart", () -> CartStore.find(hot, id));
    }

    @Override
    public Optional<Cart> findActiveByCustomer(CustomerId customerId) {
        notNull(customerId, "customerId");
        return Failures.translate("find active cart",
                () -> primary.withHandle(h -> CartStore.findActiveByCustomer(h, customerId)));
    }

    /** On the primary, like {@link #findActiveByCustomer}: a shopper lists carts they just changed. */
    @Override
    public List<Cart> cartsOf(CustomerId customerId) {
        notNull(customerId, "customerId");
        return Failures.translate("list customer carts", () -> primary.withHandle(h -> CartStore.cartsOf(h, customerId)));
    }

    @Override
    public void save(CartWrite write) {
        notNull(write, "write");
        Failures.translate("save carts", () -> {
            CartStore.writeOne(hot, write);
            return null;
        });
    }

    @Override
    public void saveAll(List<CartWrite> writes) {
        notNull(writes, "writes");
        if (writes.isEmpty()) {
            return;
        }
        if (writes.size() == 1) {
            save(writes.get(0));
            return;
        }
        Failures.translate("save carts", () -> primary.inTransaction(h -> {
            CartStore.write(h, writes);
            return null;
        }));
    }

    @Override
    public boolean delete(CartId id) {
        notNull(id, "id");
        return Failures.translate("delete cart", () -> primary.inTransaction(h -> CartStore.delete(h, id)));
    }

    @Override
    public List<Cart> findExpiringBefore(Instant cutoff, int limit) {
        return scan("find expiring carts", cutoff, limit, CartStore::findExpiringBefore);
    }

    @Override
    public List<Cart> findInactiveSince(Instant cutoff, int limit) {
        return scan("find inactive carts", cutoff, limit, CartStore::findInactiveSince);
    }

    /** A maintenance scan, on the read replica when there is one. */
    private List<Cart> scan(String what, Instant cutoff, int limit, Scan scan) {
        notNull(cutoff, "cutoff");
        requirePositive(limit);
        return Failures.translate(what, () -> reads.withHandle(h -> scan.carts(h, cutoff, limit)));
    }

    /** One of {@link CartStore}'s maintenance scans. */
    @FunctionalInterface
    private interface Scan {
        List<Cart> carts(Handle h, Instant cutoff, int limit);
    }

    @Override
    public Optional<IdempotencyRecord> findIdempotency(String key, Instant now) {
        notNull(key, "key");
        notNull(now, "now");
        return Failures.translate("find idempotency record",
                () -> primary.withHandle(h -> CartStore.findIdempotency(h, key, now)));
    }

    @Override
    public List<CartEvent> eventsSince(CartId id, long afterSequence) {
        notNull(id, "id");
        return Failures.translate("read events",
                () -> reads.withHandle(h -> CartStore.eventsSince(h, id, afterSequence)));
    }

    /** On the primary: the key rotation job rewrites what it reads, and a replica may lag. */
    @Override
    public List<Cart> findAfter(CartId after, int limit) {
        requirePositive(limit);
        return Failures.translate("scan carts", () -> primary.withHandle(h -> CartStore.page(h, after, limit)));
    }

    /**
     * Deletes idempotency records that expired before {@code now}, for a periodic clean-up job.
     *
     * @param now the engine's clock
     * @return the number of records deleted
     */
    public int purgeExpiredIdempotency(Instant now) {
        notNull(now, "now");
        return Failures.translate("purge idempotency records", () -> primary.withHandle(h -> h.createUpdate(
                        "DELETE FROM idempotency_keys WHERE expires_at < CAST(:now AS timestamptz)")
                .bind("now", CartRows.text(now))
                .execute()));
    }

    @Override
    public Map<String, Integer> eraseCustomer(CustomerId customerId, String subject) {
        notNull(customerId, "customerId");
        return Failures.translate("erase customer", () -> primary.inTransaction(
                h -> PersonalRows.erase(h, PersonalRows.customerCarts(h, customerId, true))));
    }

    @Override
    public List<PersonalRecord> exportCustomer(CustomerId customerId, String subject) {
        notNull(customerId, "customerId");
        return Failures.translate("export customer", () -> primary.inTransaction(
                h -> PersonalRows.export(h, PersonalRows.customerCarts(h, customerId, false))));
    }

    @Override
    public int deleteOlderThan(String kind, Instant cutoff, int limit) {
        notNull(kind, "kind");
        notNull(cutoff, "cutoff");
        requirePositive(limit);
        return Failures.translate("apply retention",
                () -> primary.withHandle(h -> PersonalRows.deleteOlderThan(h, kind, cutoff, limit)));
    }

    /** The primary database, for {@link CartJsonLines}. */
    Jdbi primary() {
        return primary;
    }

    private static void notNull(Object value, String name) {
        if (value == null) {
            throw CartException.invalidInput(name + " must not be null");
        }
    }

    private static void requirePositive(int limit) {
        if (limit < 1) {
            throw new CartException(CartErrorCode.INVALID_INPUT, "limit must be at least 1");
        }
    }

    /** Configures a {@link JdbiCartRepository}. */
    public static final class Builder {
        private final Jdbi primary;
        private Jdbi replica;
        private DataSource dataSource;

        private Builder(Jdbi primary) {
            notNull(primary, "primary");
            this.primary = primary;
        }

        /**
         * Routes the reads that may lag (expiry and abandonment queries, event catch-up) to a
         * replica.
         *
         * @param replica a read-only replica of the primary
         * @return this builder
         */
        public Builder readReplica(Jdbi replica) {
            notNull(replica, "replica");
            this.replica = replica;
            return this;
        }

        /**
         * Gives the repository the pool behind the primary {@link Jdbi}: the load of a cart by id
         * and the save of one cart, the statements of every engine operation, then take their
         * connection from it directly instead of through a JDBI handle, which saves about 8 % of the
         * engine's CPU per operation. Leave it unset when the host calls the repository inside its
         * own transactions on the same {@code Jdbi} (its handle scope would not apply to these
         * statements). A pool without autocommit gets each of these statements in a transaction that
         * the repository commits.
         *
         * @param primaryPool the data source the primary {@code Jdbi} was created on
         * @return this builder
         */
        public Builder dataSource(DataSource primaryPool) {
            notNull(primaryPool, "primaryPool");
            this.dataSource = primaryPool;
            return this;
        }

        /**
         * Builds the repository.
         *
         * @return the repository
         */
        public JdbiCartRepository build() {
            return new JdbiCartRepository(this);
        }
    }
}
