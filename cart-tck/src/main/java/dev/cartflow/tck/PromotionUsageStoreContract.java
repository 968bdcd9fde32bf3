package dev.cartflow.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CartOwner;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.Promotion;
import dev.cartflow.model.Rate;
import dev.cartflow.spi.PromotionUsageStore;
import dev.cartflow.spi.UsageLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link PromotionUsageStore} must pass. Extend it beside the implementation and
 * return a store from {@link #newStore()}; the tests use promotion ids of their own, so a store
 * shared between tests is fine.
 *
 * <p>What an implementation must do: apply {@link UsageLimits}' rule (total uses across carts, uses
 * per owner, a cart's own redemption never spent for it); redeem all or nothing; treat a repeated
 * redemption by the same cart as a no-op; give uses back on release; count guests by their token
 * hash or, for a guest with an identity ({@link UsageLimits#identifiedGuest}), by that identity, each
 * apart from customers; answer {@code exhausted} without redeeming; refuse null arguments with
 * {@code INVALID_INPUT}. It must be thread-safe and atomic: of carts racing for the last use exactly
 * as many win as there are uses left, and checkouts holding several promotions in any order never
 * deadlock.
 */
public abstract class PromotionUsageStoreContract {

    /** Subclasses are the implementation-specific tests. */
    protected PromotionUsageStoreContract() {
    }

    /**
     * The store under test.
     *
     * @return a store
     */
    protected abstract PromotionUsageStore newStore();

    private static Promotion promotion(String name, long maxUses, long maxPerCustomer) {
        return new Promotion(name + "-" + UUID.randomUUID(), null, 10, Promotion.Stacking.STACKABLE,
                Promotion.Basis.RUNNING, Promotion.Target.all(Promotion.Scope.ITEMS),
                new Promotion.Action.Percent(Rate.parse("0.1")), Promotion.Conditions.NONE, null, maxUses,
                maxPerCustomer);
    }

    /** A guest of its own: each guest cart is given its own token. */
    private static CartOwner guest() {
        return new CartOwner.Guest(UUID.randomUUID().toString().replace("-", "").repeat(2));
    }

    private static CartOwner customer(String id) {
        return new CartOwner.Customer(new CustomerId(id + "-" + UUID.randomUUID()));
    }

    private static int winners(List<Future<Set<String>>> results) throws Exception {
        int winners = 0;
        for (Future<Set<String>> f : results) {
            winners += f.get(60, TimeUnit.SECONDS).isEmpty() ? 1 : 0;
        }
        return winners;
    }

    @Test
    void redeem_unlimitedPromotion_neverSpent() {
        PromotionUsageStore store = newStore();
        Promotion free = promotion("FREE", 0, 0);
        for (int i = 0; i < 5; i++) {
            assertEquals(Set.of(), store.redeem(List.of(free), CartId.random(), guest()));
        }
        assertEquals(Set.of(), store.exhausted(List.of(free), CartId.random(), guest()));
    }

    @Test
    void redeem_lastUseTaken_exhaustedForOtherCarts() {
        PromotionUsageStore store = newStore();
        Promotion twice = promotion("TWICE", 2, 0);
        assertEquals(Set.of(), store.redeem(List.of(twice), CartId.random(), guest()));
        assertEquals(Set.of(), store.exhausted(List.of(twice), CartId.random(), guest()));
        assertEquals(Set.of(), store.redeem(List.of(twice), CartId.random(), customer("c")));

        assertEquals(Set.of(twice.id()), store.exhausted(List.of(twice), CartId.random(), guest()));
        assertEquals(Set.of(twice.id()), store.redeem(List.of(twice), CartId.random(), customer("c")));
    }

    @Test
    void redeem_oneSpentPromotion_redeemsNothing() {
        PromotionUsageStore store = newStore();
        Promotion spent = promotion("ONCE", 1, 0);
        Promotion alsoOnce = promotion("ALSO", 1, 0);
        store.redeem(List.of(spent), CartId.random(), guest());

        assertEquals(Set.of(spent.id()), store.redeem(List.of(spent, alsoOnce), CartId.random(), guest()));
        assertEquals(Set.of(), store.redeem(List.of(alsoOnce), CartId.random(), guest()),
                "the other promotion of the refused redemption must still have its use");
    }

    @Test
    void redeem_sameCartAgain_isNoOpThatSucceeds() {
        PromotionUsageStore store = newStore();
        Promotion once = promotion("ONCE", 1, 0);
        CartId cart = CartId.random();
        CartOwner owner = guest();
        store.redeem(List.of(once), cart, owner);

        assertEquals(Set.of(), store.redeem(List.of(once), cart, owner));
        assertEquals(Set.of(), store.exhausted(List.of(once), cart, owner));
        assertEquals(Set.of(once.id()), store.exhausted(List.of(once), CartId.random(), guest()));
    }

    @Test
    void exhausted_askedOften_redeemsNothing() {
        PromotionUsageStore store = newStore();
        Promotion once = promotion("ONCE", 1, 1);
        CartOwner owner = customer("c");
        for (int i = 0; i < 3; i++) {
            assertEquals(Set.of(), store.exhausted(List.of(once), CartId.random(), owner));
        }
        assertEquals(Set.of(), store.redeem(List.of(once), CartId.random(), owner));
    }

    @Test
    void redeem_perCustomerLimit_appliesToThatCustomerOnly() {
        PromotionUsageStore store = newStore();
        Promotion perCustomer = promotion("PER1", 0, 1);
        CartOwner alice = customer("alice");
        store.redeem(List.of(perCustomer), CartId.random(), alice);

        assertEquals(Set.of(perCustomer.id()), store.redeem(List.of(perCustomer), CartId.random(), alice));
        assertEquals(Set.of(perCustomer.id()), store.exhausted(List.of(perCustomer), CartId.random(), alice));
        assertEquals(Set.of(), store.redeem(List.of(perCustomer), CartId.random(), customer("bob")));
        assertEquals(Set.of(), store.redeem(List.of(perCustomer), CartId.random(), guest()));
    }

    /** Regression: {@code maxUsesPerCustomer} was not enforced for guests (the SPI took a null customer). */
    @Test
    void redeem_guestOverMaxUsesPerCustomer_exhaustedForThatGuestOnly() {
        PromotionUsageStore store = newStore();
        Promotion perCustomer = promotion("PER1", 0, 1);
        CartOwner guest = guest();
        assertEquals(Set.of(), store.redeem(List.of(perCustomer), CartId.random(), guest));

        assertEquals(Set.of(perCustomer.id()), store.exhausted(List.of(perCustomer), CartId.random(), guest));
        assertEquals(Set.of(perCustomer.id()), store.redeem(List.of(perCustomer), CartId.random(), guest));
        assertEquals(Set.of(), store.redeem(List.of(perCustomer), CartId.random(), guest()));
    }

    @Test
    void redeem_guestTokenHashEqualToACustomerId_countedApart() {
        PromotionUsageStore store = newStore();
        Promotion perCustomer = promotion("PER1", 0, 1);
        String shared = UUID.randomUUID().toString();
        store.redeem(List.of(perCustomer), CartId.random(), new CartOwner.Guest(shared));

        assertEquals(Set.of(), store.redeem(List.of(perCustomer), CartId.random(),
                new CartOwner.Customer(new CustomerId(shared))));
    }

    /** A guest with a stable identity is counted by it on every cart, whichever token the cart has. */
    @Test
    void redeem_identifiedGuestOnSeveralCarts_countedByIdentity() {
        PromotionUsageStore store = newStore();
        Promotion perCustomer = promotion("WELCOME", 0, 1);
        String pseudonym = "pseudonym-" + UUID.randomUUID();
        assertEquals(Set.of(), store.redeem(List.of(perCustomer), CartId.random(), UsageLimits.identifiedGuest(pseudonym)));

        assertEquals(Set.of(perCustomer.id()), store.redeem(List.of(perCustomer), CartId.random(),
                UsageLimits.identifiedGuest(pseudonym)));
        assertEquals(Set.of(), store.redeem(List.of(perCustomer), CartId.random(),
                UsageLimits.identifiedGuest("pseudonym-" + UUID.randomUUID())), "another identity has its own use");
    }

    /** An identity's uses are apart from token guests' and customers' uses. */
    @Test
    void redeem_identifiedGuestBesideTokenGuestAndCustomer_countedApart() {
        PromotionUsageStore store = newStore();
        Promotion perCustomer = promotion("ONCE-EACH", 0, 1);
        String pseudonym = "p" + UUID.randomUUID().toString().replace("-", "");
        CartOwner identified = UsageLimits.identifiedGuest(pseudonym);
        assertEquals(Set.of(), store.redeem(List.of(perCustomer), CartId.random(), identified));

        assertEquals(Set.of(), store.redeem(List.of(perCustomer), CartId.random(), new CartOwner.Guest(pseudonym)));
        assertEquals(Set.of(), store.redeem(List.of(perCustomer), CartId.random(),
                new CartOwner.Customer(new CustomerId(pseudonym))));
        assertEquals(Set.of(perCustomer.id()), store.exhausted(List.of(perCustomer), CartId.random(), identified));
    }

    /** Identity keys are checked where they are made: a blank or over-long pseudonym is refused. */
    @Test
    void identifiedGuest_blankOrOverlongPseudonym_invalidInput() {
        for (String bad : new String[] {null, "", " ", "x".repeat(101)}) {
            CartException e = assertThrows(CartException.class, () -> UsageLimits.identifiedGuest(bad));
            assertEquals(CartErrorCode.INVALID_INPUT, e.code());
        }
    }

    @Test
    void release_redeemedCart_givesTheUsesBack() {
        PromotionUsageStore store = newStore();
        Promotion once = promotion("ONCE", 1, 1);
        CartOwner owner = customer("c");
        CartId first = CartId.random();
        store.redeem(List.of(once), first, owner);

        store.release(first);

        assertEquals(Set.of(), store.exhausted(List.of(once), CartId.random(), owner));
        assertEquals(Set.of(), store.redeem(List.of(once), CartId.random(), owner));
    }

    @Test
    void release_cartWithoutRedemptions_ignored() {
        PromotionUsageStore store = newStore();
        Promotion once = promotion("ONCE", 1, 0);
        CartId holder = CartId.random();
        store.redeem(List.of(once), holder, guest());

        store.release(CartId.random());

        assertEquals(Set.of(once.id()), store.exhausted(List.of(once), CartId.random(), guest()));
    }

    @Test
    void redeem_nullArguments_invalidInput() {
        PromotionUsageStore store = newStore();
        List<Promotion> promotions = List.of(promotion("ONCE", 1, 0));
        List<org.junit.jupiter.api.function.Executable> calls = List.of(
                () -> store.redeem(null, CartId.random(), guest()),
                () -> store.redeem(promotions, null, guest()),
                () -> store.redeem(promotions, CartId.random(), null),
                () -> store.exhausted(null, CartId.random(), guest()),
                () -> store.exhausted(promotions, null, guest()),
                () -> store.exhausted(promotions, CartId.random(), null),
                () -> store.release(null));
        for (int i = 0; i < calls.size(); i++) {
            CartException e = assertThrows(CartException.class, calls.get(i), "call " + i);
            assertEquals(CartErrorCode.INVALID_INPUT, e.code(), "call " + i);
        }
    }

    @Test
    void redeem_twoCartsRacingForSingleUseCode_exactlyOneWins() throws Exception {
        PromotionUsageStore store = newStore();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                Promotion once = promotion("ONCE", 1, 0);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Set<String>>> results = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    CartId cart = CartId.random();
                    results.add(pool.submit(() -> {
                        start.await();
                        return store.redeem(List.of(once), cart, guest());
                    }));
                }
                start.countDown();
                assertEquals(1, winners(results), "round " + round);
                assertEquals(Set.of(once.id()), store.exhausted(List.of(once), CartId.random(), guest()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void redeem_tenCartsOfOneCustomerRacingForTwoUses_exactlyTwoWin() throws Exception {
        PromotionUsageStore store = newStore();
        Promotion perCustomer = promotion("PER2", 0, 2);
        CartOwner owner = customer("racer");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Set<String>>> results = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                CartId cart = CartId.random();
                results.add(pool.submit(() -> {
                    start.await();
                    return store.redeem(List.of(perCustomer), cart, owner);
                }));
            }
            start.countDown();
            assertEquals(2, winners(results));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void redeem_checkoutsHoldingPromotionsInOppositeOrders_noDeadlockNoOversell() throws Exception {
        PromotionUsageStore store = newStore();
        Promotion a = promotion("A", 5, 0);
        Promotion b = promotion("B", 5, 0);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Set<String>>> tasks = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                List<Promotion> order = i % 2 == 0 ? List.of(a, b) : List.of(b, a);
                tasks.add(() -> store.redeem(order, CartId.random(), guest()));
            }
            assertEquals(5, winners(pool.invokeAll(tasks, 60, TimeUnit.SECONDS)));
        } finally {
            pool.shutdownNow();
        }
        assertEquals(Set.of(a.id(), b.id()), store.exhausted(List.of(a, b), CartId.random(), guest()));
    }
}
