package dev.cartflow.jdbi;

import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CartState;
import dev.cartflow.spi.CartRepository;
import dev.cartflow.spi.InventoryProvider;
import dev.cartflow.spi.StockKey;
import dev.cartflow.spi.StockReservations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * {@link StockReservations} on PostgreSQL, shared by every instance of a service: the host's
 * {@link InventoryProvider} says how many units there are, and the reservations stored in tables
 * {@code stock_reservations} and {@code stock_reservation_lines} say how many of them are held.
 *
 * <p>{@link #reserve} is one transaction: it takes a transaction-scoped advisory lock per tracked
 * stock key (in a fixed order, so concurrent checkouts queue and never deadlock), sums what the other
 * reservations hold of those keys and stores the reservation only when every key has enough units
 * left, else it is {@code OUT_OF_STOCK} and nothing is held. Keys the inventory does not track are
 * unlimited. The same id reserved again holds nothing more (the first reservation stands) and extends
 * its hold; {@link #release} deletes it, and ignores unknown ids.
 *
 * <p>A checkout's reservation (id {@code checkout-<cart id>-<version>}, as the engine names it) is
 * made just before the checked-out cart is stored; a process dying in between leaves it behind.
 * Such a reservation is held until its hold ends ({@link Builder#holdFor}, 15 minutes by default);
 * then {@link #releaseAbandoned} releases it unless the cart was checked out from that version, in
 * which case it is confirmed and held until the host releases it (when its order system has taken the
 * units from the stock levels). Reservations under other ids name no cart and are held until
 * released.
 */
public final class JdbiStockReservations implements StockReservations {
    private final Jdbi jdbi;
    private final InventoryProvider inventory;
    private final Duration hold;
    private final Clock clock;

    private JdbiStockReservations(Builder builder) {
        this.jdbi = builder.jdbi;
        this.inventory = builder.inventory;
        this.hold = builder.hold;
        this.clock = builder.clock;
    }

    /**
     * Reservations with the default hold and the system clock.
     *
     * @param jdbi      the primary database (not a replica)
     * @param inventory the host's stock levels
     * @return the reservations
     */
    public static JdbiStockReservations create(Jdbi jdbi, InventoryProvider inventory) {
        return builder(jdbi, inventory).build();
    }

    /**
     * A builder.
     *
     * @param jdbi      the primary database (not a replica)
     * @param inventory the host's stock levels
     * @return the builder
     */
    public static Builder builder(Jdbi jdbi, InventoryProvider inventory) {
        if (jdbi == null || inventory == null) {
            throw CartException.invalidInput("jdbi and inventory must not be null");
        }
        return new Builder(jdbi, inventory);
    }

    @Override
    public void reserve(String reservationId, Map<StockKey, Integer> units) {
        requireId(reservationId);
        Map<StockKey, Integer> wanted = checked(units);
        ReservationOwner owner = ReservationOwner.of(reservationId);
        // asked before the transaction: the host's stock source holds no lock while it answers
        Map<StockKey, Long> levels = levels(wanted.keySet());
        Instant now = clock.instant();
        Instant holdUntil = now.plus(hold);
        Failures.translate("reserve stock", () -> jdbi.inTransaction(TransactionIsolationLevel.READ_COMMITTED, h -> {
            if (!ReservationSql.insert(h, reservationId, owner, now, holdUntil)) {
                ReservationSql.extendHold(h, reservationId, owner, holdUntil);
                return null;
            }
            ReservationSql.lock(h, levels.keySet());
            Map<StockKey, Long> held = ReservationSql.held(h, levels.keySet());
            for (Map.Entry<StockKey, Long> level : levels.entrySet()) {
                long free = Math.max(0, level.getValue() - held.getOrDefault(level.getKey(), 0L));
                if (free < wanted.get(level.getKey())) {
                    // thrown inside the transaction: it rolls back, the reservation's row included
                    throw new CartException(CartErrorCode.OUT_OF_STOCK,
                            "only " + free + " of " + level.getKey().sku().value() + " left");
                }
            }
            ReservationSql.insertLines(h, reservationId, owner, wanted);
            return null;
        }));
    }

    @Override
    public void release(String reservationId) {
        requireId(reservationId);
        ReservationOwner owner = ReservationOwner.of(reservationId);
        Failures.translate("release stock", () -> jdbi.withHandle(h -> ReservationSql.delete(h, reservationId, owner)));
    }

    /**
     * The units not held by any reservation: the host's levels minus what reservations hold, never
     * below zero; keys the inventory does not track are absent (unlimited). An answer of the moment,
     * for display; {@link #reserve} checks again under its locks.
     *
     * @param keys skus and warehouses
     * @return free units by key
     */
    public Map<StockKey, Long> unreserved(Set<StockKey> keys) {
        if (keys == null || keys.stream().anyMatch(java.util.Objects::isNull)) {
            throw CartException.invalidInput("stock keys must not be null");
        }
        Map<StockKey, Long> levels = levels(keys);
        Map<StockKey, Long> held = Failures.translate("read reserved stock",
                () -> jdbi.withHandle(h -> ReservationSql.held(h, levels.keySet())));
        Map<StockKey, Long> free = new HashMap<>();
        levels.forEach((key, units) -> free.put(key, Math.max(0, units - held.getOrDefault(key, 0L))));
        return free;
    }

    /**
     * The sweeper, for a scheduled job on one instance: takes up to {@code batch} checkout
     * reservations whose hold has ended, oldest first, and asks {@code carts} for each one's cart. A
     * cart checked out from the reservation's version keeps it (confirmed: never swept again); any
     * other (still active, changed since, gone) means the checkout never completed, and the
     * reservation is released. A reservation whose hold a repeated checkout extended meanwhile is left
     * alone.
     *
     * @param carts the cart repository the checkouts store to
     * @param batch most reservations to look at, at least 1
     * @return how many reservations were released
     */
    public int releaseAbandoned(CartRepository carts, int batch) {
        if (carts == null || batch < 1) {
            throw CartException.invalidInput("carts must not be null and batch at least 1");
        }
        Instant now = clock.instant();
        int released = 0;
        for (ReservationSql.Expired expired : Failures.translate("find expired reservations",
                () -> jdbi.withHandle(h -> ReservationSql.expired(h, now, batch)))) {
            Optional<Cart> cart = carts.find(new CartId(expired.owner().cartId()));
            boolean completed = cart.isPresent() && cart.get().state() == CartState.CHECKED_OUT
                    && cart.get().version() == expired.owner().cartVersion() + 1;
            if (completed) {
                Failures.translate("confirm reservation", () -> jdbi.withHandle(h -> ReservationSql.confirm(h, expired, now)));
            } else {
                released += Failures.translate("release abandoned reservation",
                        () -> jdbi.withHandle(h -> ReservationSql.deleteExpired(h, expired, now)));
            }
        }
        return released;
    }

    private Map<StockKey, Long> levels(Set<StockKey> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        Map<StockKey, Long> answer;
        try {
            answer = inventory.available(keys);
        } catch (CartException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new CartException(CartErrorCode.PROVIDER_UNAVAILABLE, "stock levels unavailable", e);
        }
        if (answer == null) {
            throw new CartException(CartErrorCode.PROVIDER_UNAVAILABLE, "stock levels unavailable: no answer");
        }
        Map<StockKey, Long> tracked = new HashMap<>();
        answer.forEach((key, units) -> {
            if (key != null && units != null && keys.contains(key)) {
                tracked.put(key, units);
            }
        });
        return tracked;
    }

    private static void requireId(String reservationId) {
        if (reservationId == null || reservationId.isEmpty()) {
            throw CartException.invalidInput("reservation id must not be empty");
        }
    }

    private static Map<StockKey, Integer> checked(Map<StockKey, Integer> units) {
        if (units == null) {
            throw CartException.invalidInput("units must not be null");
        }
        Map<StockKey, Integer> copy = new LinkedHashMap<>();
        units.forEach((key, count) -> {
            if (key == null || count == null || count < 1) {
                throw CartException.invalidInput("every reserved key needs a positive unit count");
            }
            copy.put(key, count);
        });
        return copy;
    }

    /** Settings of {@link JdbiStockReservations}; each setter checks its value. */
    public static final class Builder {
        private final Jdbi jdbi;
        private final InventoryProvider inventory;
        private Duration hold = Duration.ofMinutes(15);
        private Clock clock = Clock.systemUTC();

        private Builder(Jdbi jdbi, InventoryProvider inventory) {
            this.jdbi = jdbi;
            this.inventory = inventory;
        }

        /**
         * How long a checkout's reservation may stay unconfirmed before the sweeper may release it;
         * far longer than a checkout takes from reserving to storing (milliseconds), 15 minutes by default.
         *
         * @param hold positive
         * @return this builder
         */
        public Builder holdFor(Duration hold) {
            if (hold == null || hold.isNegative() || hold.isZero()) {
                throw CartException.invalidInput("hold must be positive");
            }
            this.hold = hold;
            return this;
        }

        /**
         * The clock of reservation times and holds; the system clock by default.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            if (clock == null) {
                throw CartException.invalidInput("clock must not be null");
            }
            this.clock = clock;
            return this;
        }

        /**
         * The reservations.
         *
         * @return the reservations
         */
        public JdbiStockReservations build() {
            return new JdbiStockReservations(this);
        }
    }
}
