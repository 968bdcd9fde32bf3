package dev.cartflow.tck;

import static dev.cartflow.tck.CartFixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CartState;
import dev.cartflow.model.CustomerId;
import dev.cartflow.spi.CartEventLog;
import dev.cartflow.spi.CartMaintenanceStore;
import dev.cartflow.spi.CartRepository;
import dev.cartflow.spi.CartScan;
import dev.cartflow.spi.CartWrite;
import dev.cartflow.spi.IdempotencyRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link CartRepository} must pass. Extend it beside the implementation and
 * return a fresh, empty repository from {@link #newRepository()}.
 *
 * <p>What an implementation must do: store a cart snapshot with every field verbatim (hostile text
 * included); save only when the stored version is the expected one (0: the cart must not exist),
 * otherwise fail with {@code VERSION_CONFLICT} carrying the stored version and write nothing, not
 * its events nor its idempotency record; save several changes all or none; find the most recent
 * {@code ACTIVE} cart of a customer; keep an idempotency record until it expires; read its own
 * writes. It must be thread-safe ({@link RepositoryConcurrencyContract}, which this contract extends).
 *
 * <p>The optional capabilities are checked when the repository has them: {@link CartEventLog}
 * (events in sequence order, none of a rejected write) and {@link CartMaintenanceStore} (scans in
 * age order and pages, delete).
 */
public abstract class CartRepositoryContract extends RepositoryConcurrencyContract {

    /** Subclasses are the implementation-specific tests. */
    protected CartRepositoryContract() {
    }

    private static CartException conflict(Runnable write) {
        CartException e = assertThrows(CartException.class, write::run);
        assertEquals(CartErrorCode.VERSION_CONFLICT, e.code(), e::getMessage);
        return e;
    }

    private static List<CartId> ids(List<Cart> carts) {
        return carts.stream().map(Cart::id).toList();
    }

    @Test
    void save_newCart_roundTripsEveryField() {
        CartRepository repo = newRepository();
        Cart cart = CartFixtures.addUnit(CartFixtures.addUnit(CartFixtures.customerCart("c-1", T0), "A"), "B");
        Cart stored = cart.toBuilder().version(1).codes(List.of("SAVE10", "FREESHIP")).shippingMethod("STD")
                .metadata("{\"note\":\"it's \\\"quoted\\\"\",\"emoji\":\"\u00e9\u4e2d\"}").build();
        repo.save(CartWrite.of(stored, 0, List.of(CartFixtures.event(stored, CartEvent.Type.CREATED))));

        assertEquals(Optional.of(stored), repo.find(stored.id()));
    }

    @Test
    void find_unknownCart_isEmpty() {
        assertEquals(Optional.empty(), newRepository().find(CartFixtures.guestCart().id()));
    }

    @Test
    void save_hostileStrings_storedVerbatim() {
        CartRepository repo = newRepository();
        Cart base = CartFixtures.guestCart();
        String sku = "'; DROP TABLE carts; -- \"\u00fc\u4e2d\ud83d\uded2";
        Cart cart = CartFixtures.addUnit(base, sku).toBuilder().version(1)
                .codes(List.of("CODE'); DELETE FROM x; --"))
                .metadata("{\"k\":\"'; DROP TABLE carts; --\",\"long\":\"" + "x".repeat(2000) + "\"}")
                .build();
        repo.save(CartWrite.of(cart, 0, List.of()));

        assertEquals(Optional.of(cart), repo.find(cart.id()));
    }

    @Test
    void save_expectedVersionZeroForExistingCart_conflicts() {
        CartRepository repo = newRepository();
        Cart cart = CartFixtures.guestCart();
        repo.save(CartWrite.of(cart, 0, List.of()));

        CartException e = conflict(() -> repo.save(CartWrite.of(cart, 0, List.of())));
        assertEquals(OptionalLong.of(1), e.currentVersion());
    }

    @Test
    void save_staleVersion_conflictsAndLeavesStoredCartEventsAndIdempotency() {
        CartRepository repo = newRepository();
        Cart v1 = CartFixtures.guestCart();
        repo.save(CartWrite.of(v1, 0, List.of(CartFixtures.event(v1, CartEvent.Type.CREATED))));
        Cart v2 = CartFixtures.addUnit(v1, "A");
        repo.save(CartWrite.of(v2, 1, List.of(CartFixtures.event(v2, CartEvent.Type.LINE_ADDED))));
        Cart stale = CartFixtures.addUnit(CartFixtures.addUnit(v1, "B"), "B");

        CartException e = conflict(() -> repo.save(new CartWrite(stale, 1,
                List.of(CartFixtures.event(stale, CartEvent.Type.LINE_ADDED)),
                new IdempotencyRecord("k-stale", "f", "r", T0.plusSeconds(60)))));
        assertEquals(OptionalLong.of(2), e.currentVersion());
        assertEquals(Optional.of(v2), repo.find(v1.id()));
        assertEquals(Optional.empty(), repo.findIdempotency("k-stale", T0));
        if (repo instanceof CartEventLog log) {
            assertEquals(List.of(1L, 2L), log.eventsSince(v1.id(), 0).stream().map(CartEvent::sequence).toList());
        }
    }

    @Test
    void save_linesRemovedAndReordered_storesExactlyTheNewLines() {
        CartRepository repo = newRepository();
        Cart v1 = CartFixtures.addUnit(CartFixtures.addUnit(CartFixtures.addUnit(CartFixtures.guestCart(), "A"), "B"),
                "C").toBuilder().version(1).build();
        repo.save(CartWrite.of(v1, 0, List.of()));
        Cart v2 = v1.toBuilder().lines(List.of(v1.lines().get(2), v1.lines().get(0).withQuantity(7)))
                .codes(List.of()).version(2).build();
        repo.save(CartWrite.of(v2, 1, List.of()));

        assertEquals(Optional.of(v2), repo.find(v1.id()));
    }

    @Test
    void saveAll_oneStaleWrite_writesNothing() {
        CartRepository repo = newRepository();
        Cart a = CartFixtures.guestCart();
        Cart b = CartFixtures.customerCart("c-9", T0);
        repo.save(CartWrite.of(a, 0, List.of()));
        repo.save(CartWrite.of(b, 0, List.of()));
        Cart a2 = CartFixtures.withState(a, CartState.MERGED);
        Cart b2 = CartFixtures.addUnit(b, "X");

        conflict(() -> repo.saveAll(List.of(CartWrite.of(a2, 1, List.of()), CartWrite.of(b2, 7, List.of()))));
        assertEquals(Optional.of(a), repo.find(a.id()));
        assertEquals(Optional.of(b), repo.find(b.id()));

        repo.saveAll(List.of(CartWrite.of(a2, 1, List.of()), CartWrite.of(b2, 1, List.of())));
        assertEquals(Optional.of(a2), repo.find(a.id()));
        assertEquals(Optional.of(b2), repo.find(b.id()));
    }

    @Test
    void findActiveByCustomer_severalCarts_returnsMostRecentActiveOne() {
        CartRepository repo = newRepository();
        Cart old = CartFixtures.customerCart("c-1", T0);
        Cart recent = CartFixtures.customerCart("c-1", T0.plusSeconds(60));
        Cart checkedOut = CartFixtures.customerCart("c-1", T0.plusSeconds(120));
        Cart other = CartFixtures.customerCart("c-2", T0.plusSeconds(300));
        for (Cart c : List.of(old, recent, checkedOut, other)) {
            repo.save(CartWrite.of(c, 0, List.of()));
        }
        repo.save(CartWrite.of(CartFixtures.withState(checkedOut, CartState.CHECKED_OUT), 1, List.of()));

        assertEquals(Optional.of(recent.id()), repo.findActiveByCustomer(new CustomerId("c-1")).map(Cart::id));
        assertEquals(Optional.empty(), repo.findActiveByCustomer(new CustomerId("nobody")));
    }

    @Test
    void findIdempotency_storedWithSave_untilItExpires() {
        CartRepository repo = newRepository();
        Cart cart = CartFixtures.guestCart();
        IdempotencyRecord record = new IdempotencyRecord("key-1", "fp", "{\"response\":1}", T0.plusSeconds(60));
        repo.save(new CartWrite(cart, 0, List.of(), record));

        assertEquals(Optional.of(record), repo.findIdempotency("key-1", T0));
        assertEquals(Optional.empty(), repo.findIdempotency("key-1", T0.plusSeconds(61)));
        assertEquals(Optional.empty(), repo.findIdempotency("other", T0));
    }

    @Test
    void find_afterManySaves_readsOwnWrites() {
        CartRepository repo = newRepository();
        Cart cart = CartFixtures.guestCart();
        repo.save(CartWrite.of(cart, 0, List.of()));
        for (int i = 0; i < 20; i++) {
            Cart added = CartFixtures.addUnit(cart, "A");
            Cart next = added.toBuilder().updatedAt(added.updatedAt().plus(Duration.ofSeconds(1))).build();
            repo.save(CartWrite.of(next, cart.version(), List.of()));
            cart = next;
            assertEquals(Optional.of(cart), repo.find(cart.id()));
        }
    }

    // ------------------------------------------------------------ CartEventLog, when implemented

    @Test
    void eventsSince_returnsLaterEventsInOrder() {
        CartRepository repo = newRepository();
        assumeTrue(repo instanceof CartEventLog, "the repository has no event log");
        CartEventLog log = (CartEventLog) repo;
        Cart v1 = CartFixtures.guestCart();
        repo.save(CartWrite.of(v1, 0, List.of(CartFixtures.event(v1, CartEvent.Type.CREATED))));
        Cart v2 = CartFixtures.addUnit(v1, "A");
        CartEvent added = CartFixtures.event(v2, CartEvent.Type.LINE_ADDED);
        CartEvent second = new CartEvent(v2.id(), 2, 1, CartEvent.Type.CODE_APPLIED, v2.updatedAt(),
                Map.of("code", "X"));
        repo.save(CartWrite.of(v2, 1, List.of(added, second)));

        assertEquals(List.of(added, second), log.eventsSince(v1.id(), 1));
        assertEquals(3, log.eventsSince(v1.id(), 0).size());
        assertEquals(List.of(), log.eventsSince(v1.id(), 2));
        assertEquals(List.of(), log.eventsSince(CartId.random(), 0));
    }

    // ------------------------------------------------------------ CartMaintenanceStore, when implemented

    private CartRepository maintainedRepository() {
        CartRepository repo = newRepository();
        assumeTrue(repo instanceof CartMaintenanceStore, "the repository has no maintenance scans");
        return repo;
    }

    @Test
    void findExpiringBefore_pagesOldestFirst() {
        CartRepository repo = maintainedRepository();
        List<Cart> carts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Cart c = CartFixtures.customerCart("c-" + i, T0.plusSeconds(i * 10L));
            carts.add(c);
            repo.save(CartWrite.of(c, 0, List.of()));
        }
        Instant cutoff = carts.get(3).expiresAt();
        CartMaintenanceStore maintenance = (CartMaintenanceStore) repo;

        assertEquals(List.of(carts.get(0).id(), carts.get(1).id()), ids(maintenance.findExpiringBefore(cutoff, 2)));
        assertEquals(List.of(carts.get(0).id(), carts.get(1).id(), carts.get(2).id()),
                ids(maintenance.findExpiringBefore(cutoff, 10)));
    }

    @Test
    void findInactiveSince_onlyActiveCartsWithLinesNotAbandoned() {
        CartRepository repo = maintainedRepository();
        Cart empty = CartFixtures.customerCart("c-1", T0);
        Cart withLines = CartFixtures.addUnit(CartFixtures.customerCart("c-2", T0), "A").toBuilder().version(1)
                .build();
        Cart abandoned = withLines.toBuilder().abandonedAt(T0.plusSeconds(5)).build();
        Cart abandonedCopy = new Cart(CartId.random(), abandoned.owner(), null,
                abandoned.currency(), "DE", CartState.ACTIVE, 1, abandoned.lines(), List.of(), null, "{}", T0, T0,
                T0.plusSeconds(999), T0.plusSeconds(5));
        Cart recent = CartFixtures.addUnit(CartFixtures.customerCart("c-3", T0.plusSeconds(3600)), "A").toBuilder()
                .version(1).build();
        for (Cart c : List.of(empty, withLines, abandonedCopy, recent)) {
            repo.save(CartWrite.of(c, 0, List.of()));
        }

        assertEquals(List.of(withLines.id()),
                ids(((CartMaintenanceStore) repo).findInactiveSince(T0.plusSeconds(60), 10)));
    }

    @Test
    void delete_existingCart_removesIt() {
        CartRepository repo = maintainedRepository();
        Cart cart = CartFixtures.addUnit(CartFixtures.guestCart(), "A").toBuilder().version(1).build();
        repo.save(CartWrite.of(cart, 0, List.of(CartFixtures.event(cart, CartEvent.Type.CREATED))));
        CartMaintenanceStore maintenance = (CartMaintenanceStore) repo;

        assertTrue(maintenance.delete(cart.id()));
        assertEquals(Optional.empty(), repo.find(cart.id()));
        assertFalse(maintenance.delete(cart.id()));
    }

    @Test
    void findAfter_pagedToTheEnd_everyCartOnceInIdTextOrderAndTheRegionKept() {
        CartRepository repo = newRepository();
        assumeTrue(repo instanceof CartScan, "the repository has no CartScan");
        CartScan scan = (CartScan) repo;
        java.util.Set<CartId> saved = new java.util.HashSet<>();
        for (int i = 0; i < 7; i++) {
            Cart cart = CartFixtures.guestCart().toBuilder().region(i % 2 == 0 ? null : "eu").build();
            repo.save(CartWrite.of(cart, 0, List.of()));
            saved.add(cart.id());
        }
        List<Cart> seen = new java.util.ArrayList<>();
        CartId after = null;
        List<Cart> page;
        do {
            page = scan.findAfter(after, 3);
            seen.addAll(page);
            after = page.isEmpty() ? after : page.get(page.size() - 1).id();
        } while (page.size() == 3);

        List<String> texts = seen.stream().map(c -> c.id().toString()).toList();
        assertEquals(texts.stream().sorted().toList(), texts);
        assertEquals(saved, new java.util.HashSet<>(ids(seen)));
        assertEquals(seen.size(), saved.size());
        for (Cart cart : seen) {
            assertEquals(Optional.of(cart), repo.find(cart.id()));
        }
        assertEquals(4, seen.stream().filter(c -> c.region() == null).count());
    }
}
