package dev.cartflow.jdbi;

import dev.cartflow.model.CartId;
import dev.cartflow.model.CartOwner;
import dev.cartflow.model.Promotion;
import dev.cartflow.error.CartException;
import dev.cartflow.spi.PromotionUsageStore;
import dev.cartflow.spi.UsageLimits;
import dev.cartflow.core.privacy.PersonalRecords;
import dev.cartflow.model.CustomerId;
import dev.cartflow.spi.PersonalDataStore;
import dev.cartflow.spi.PersonalRecord;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * A {@link PromotionUsageStore} on PostgreSQL: one row per promotion and cart in
 * {@code promotion_redemptions}.
 *
 * <p>{@link #redeem} takes a transaction-scoped advisory lock per limited promotion (in a fixed
 * order, so two checkouts cannot deadlock), counts the redemptions of other carts (counting stops at
 * the limit, so a popular promotion costs no more than its limit) and inserts the rows only when no
 * promotion is spent. Two carts racing for the last use cannot both get it. Whether a promotion is
 * spent is {@link UsageLimits}' rule. The per-customer limit counts the rows of the same owner:
 * column {@code customer_id} holds {@link UsageLimits#ownerKey} (the customer id, or the guest's key,
 * which no customer id can equal), so rows written before guests were counted still count. A guest
 * with a host-vouched identity is keyed by its pseudonym ({@link UsageLimits#identifiedGuest}), never
 * by the identity itself.
 *
 * <p>Erasing a customer keeps its rows, so that the promotions' total use counts stay true, with
 * {@code customer_id} set to null: the customer's own per-customer counts start again.
 */
public final class JdbiPromotionUsageStore implements PromotionUsageStore, PersonalDataStore {
    private static final int LOCK_NAMESPACE = 0x43465052; // "CFPR"

    private static final String USAGE = """
            SELECT p.id,
                   (SELECT count(*) FROM (SELECT 1 FROM promotion_redemptions r
                                           WHERE r.promotion_id = p.id AND r.cart_id <> CAST(:cart AS uuid)
                                           LIMIT p.max_uses) x) AS uses,
                   (SELECT count(*) FROM (SELECT 1 FROM promotion_redemptions r
                                           WHERE r.promotion_id = p.id AND r.customer_id = :customer
                                             AND r.cart_id <> CAST(:cart AS uuid)
                                           LIMIT p.max_per_customer) y) AS customer_uses,
                   EXISTS (SELECT 1 FROM promotion_redemptions r
                            WHERE r.promotion_id = p.id AND r.cart_id = CAST(:cart AS uuid)) AS mine,
                   p.max_uses, p.max_per_customer
              FROM unnest(CAST(:ids AS text[]), CAST(:maxUses AS bigint[]), CAST(:maxPerCustomer AS bigint[]))
                   AS p(id, max_uses, max_per_customer)
            """;

    private final Jdbi jdbi;

    private JdbiPromotionUsageStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * A store on the primary database.
     *
     * @param jdbi the primary database (not a replica)
     * @return the store
     */
    public static JdbiPromotionUsageStore create(Jdbi jdbi) {
        if (jdbi == null) {
            throw CartException.invalidInput("jdbi must not be null");
        }
        return new JdbiPromotionUsageStore(jdbi);
    }

    @Override
    public Set<String> redeem(Collection<Promotion> promotions, CartId cartId, CartOwner owner) {
        check(promotions, cartId, owner);
        Map<String, Promotion> byId = byId(promotions);
        if (byId.isEmpty()) {
            return Set.of();
        }
        return Failures.translate("redeem promotions", () -> jdbi.inTransaction(h -> {
            lock(h, byId.values());
            Set<String> spent = spent(h, byId, cartId, owner);
            if (!spent.isEmpty()) {
                return spent;
            }
            h.createUpdate("""
                            INSERT INTO promotion_redemptions (promotion_id, cart_id, customer_id)
                            SELECT p, CAST(:cart AS uuid), :customer FROM unnest(CAST(:ids AS text[])) AS p
                            ON CONFLICT (promotion_id, cart_id) DO NOTHING""")
                    .bindArray("ids", String.class, new ArrayList<>(byId.keySet()))
                    .bind("cart", cartId.toString())
                    .bind("customer", UsageLimits.ownerKey(owner))
                    .execute();
            return Set.<String>of();
        }));
    }

    @Override
    public void release(CartId cartId) {
        if (cartId == null) {
            throw CartException.invalidInput("cart id must not be null");
        }
        Failures.translate("release promotions", () -> jdbi.withHandle(h -> h.createUpdate(
                        "DELETE FROM promotion_redemptions WHERE cart_id = CAST(:cart AS uuid)")
                .bind("cart", cartId.toString())
                .execute()));
    }

    @Override
    public Set<String> exhausted(Collection<Promotion> promotions, CartId cartId, CartOwner owner) {
        check(promotions, cartId, owner);
        Map<String, Promotion> limited = new LinkedHashMap<>();
        byId(promotions).forEach((id, p) -> {
            if (UsageLimits.isLimited(p)) {
                limited.put(id, p);
            }
        });
        if (limited.isEmpty()) {
            return Set.of();
        }
        return Failures.translate("read promotion usage",
                () -> jdbi.withHandle(h -> spent(h, limited, cartId, owner)));
    }

    @Override
    public Map<String, Integer> eraseCustomer(CustomerId customerId, String subject) {
        if (customerId == null) {
            throw CartException.invalidInput("customer id must not be null");
        }
        return Failures.translate("erase redemptions", () -> jdbi.withHandle(h -> Map.of(PersonalRecords.REDEMPTION,
                h.createUpdate("UPDATE promotion_redemptions SET customer_id = NULL WHERE customer_id = :customer")
                        .bind("customer", customerId.value())
                        .execute())));
    }

    @Override
    public List<PersonalRecord> exportCustomer(CustomerId customerId, String subject) {
        if (customerId == null) {
            throw CartException.invalidInput("customer id must not be null");
        }
        return Failures.translate("export redemptions", () -> jdbi.withHandle(h -> h.createQuery("""
                        SELECT promotion_id, cart_id::text AS cart_id FROM promotion_redemptions
                         WHERE customer_id = :customer ORDER BY promotion_id, cart_id""")
                .bind("customer", customerId.value())
                .map((rs, ctx) -> PersonalRecords.redemption(CartId.parse(rs.getString("cart_id")),
                        rs.getString("promotion_id")))
                .list()));
    }

    private static Set<String> spent(Handle h, Map<String, Promotion> byId, CartId cartId, CartOwner owner) {
        List<String> ids = new ArrayList<>(byId.keySet());
        List<Long> maxUses = ids.stream().map(id -> byId.get(id).maxUses()).toList();
        List<Long> maxPerCustomer = ids.stream().map(id -> byId.get(id).maxUsesPerCustomer()).toList();
        Set<String> spent = new TreeSet<>();
        h.createQuery(USAGE)
                .bindArray("ids", String.class, ids)
                .bindArray("maxUses", Long.class, maxUses)
                .bindArray("maxPerCustomer", Long.class, maxPerCustomer)
                .bind("cart", cartId.toString())
                .bind("customer", UsageLimits.ownerKey(owner))
                .map((rs, ctx) -> {
                    String id = rs.getString("id");
                    if (UsageLimits.isSpent(byId.get(id), rs.getBoolean("mine"), rs.getLong("uses"),
                            rs.getLong("customer_uses"))) {
                        spent.add(id);
                    }
                    return null;
                })
                .list();
        return Set.copyOf(spent);
    }

    /** Advisory locks on the limited promotions, in key order so that concurrent checkouts cannot deadlock. */
    private static void lock(Handle h, Collection<Promotion> promotions) {
        List<Integer> keys = promotions.stream()
                .filter(UsageLimits::isLimited)
                .map(p -> p.id().hashCode())
                .distinct()
                .sorted()
                .toList();
        if (keys.isEmpty()) {
            return;
        }
        h.createQuery("""
                        SELECT pg_advisory_xact_lock(:ns, o.k)::text
                          FROM (SELECT k FROM unnest(CAST(:keys AS integer[])) AS k ORDER BY k) AS o""")
                .bind("ns", LOCK_NAMESPACE)
                .bindArray("keys", Integer.class, keys)
                .mapTo(String.class)
                .list();
    }

    private static Map<String, Promotion> byId(Collection<Promotion> promotions) {
        Map<String, Promotion> byId = new LinkedHashMap<>();
        for (Promotion p : promotions) {
            if (p == null) {
                throw CartException.invalidInput("promotion must not be null");
            }
            byId.putIfAbsent(p.id(), p);
        }
        return byId;
    }

    private static void check(Collection<Promotion> promotions, CartId cartId, CartOwner owner) {
        if (promotions == null || cartId == null || owner == null) {
            throw CartException.invalidInput("promotions, cart id and owner must not be null");
        }
    }
}
