package dev.cartflow.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.model.CartId;
import dev.cartflow.model.CartOwner;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.Promotion;
import dev.cartflow.model.Rate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdbiPromotionUsageStoreTest {
    private static PostgresFixture db;
    private JdbiPromotionUsageStore store;

    @BeforeAll
    static void start() {
        db = PostgresFixture.create(8);
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @BeforeEach
    void empty() {
        db.truncate();
        store = JdbiPromotionUsageStore.create(db.jdbi);
    }

    private static Promotion promotion(String id, long maxUses, long maxPerCustomer) {
        return new Promotion(id, null, 10, Promotion.Stacking.STACKABLE, Promotion.Basis.RUNNING,
                Promotion.Target.all(Promotion.Scope.ITEMS), new Promotion.Action.Percent(Rate.parse("0.1")),
                Promotion.Conditions.NONE, null, maxUses, maxPerCustomer);
    }

    /** A guest of its own, as each guest cart has its own token. */
    private static CartOwner guest() {
        return new CartOwner.Guest(java.util.UUID.randomUUID().toString());
    }

    @Test
    void redeem_tenCartsRacingForThreeUses_exactlyThreeSucceed() throws Exception {
        Promotion limited = promotion("LAST3", 3, 0);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Set<String>>> tasks = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                CartId cart = CartId.random();
                tasks.add(() -> store.redeem(List.of(limited), cart, guest()));
            }
            int winners = 0;
            for (Future<Set<String>> f : pool.invokeAll(tasks)) {
                winners += f.get().isEmpty() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(3);
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.exhausted(List.of(limited), CartId.random(), guest())).containsExactly("LAST3");
    }

    @Test
    void redeem_oneSpentPromotion_redeemsNothing() {
        Promotion spent = promotion("ONCE", 1, 0);
        Promotion free = promotion("FREE", 0, 0);
        store.redeem(List.of(spent), CartId.random(), guest());
        CartId cart = CartId.random();

        assertThat(store.redeem(List.of(spent, free), cart, guest())).containsExactly("ONCE");
        long rows = db.count("SELECT count(*) FROM promotion_redemptions WHERE cart_id = '" + cart + "'");
        assertThat(rows).isZero();
    }

    @Test
    void redeem_sameCartAgain_isNoOpThatSucceeds() {
        Promotion once = promotion("ONCE", 1, 0);
        CartId cart = CartId.random();
        store.redeem(List.of(once), cart, guest());

        assertThat(store.redeem(List.of(once), cart, guest())).isEmpty();
        assertThat(store.exhausted(List.of(once), cart, guest())).isEmpty();
        assertThat(store.exhausted(List.of(once), CartId.random(), guest())).containsExactly("ONCE");
    }

    @Test
    void redeem_perCustomerLimit_appliesToThatCustomerOnly() {
        Promotion perCustomer = promotion("PER1", 0, 1);
        CartOwner alice = new CartOwner.Customer(new CustomerId("alice"));
        store.redeem(List.of(perCustomer), CartId.random(), alice);

        assertThat(store.redeem(List.of(perCustomer), CartId.random(), alice)).containsExactly("PER1");
        assertThat(store.redeem(List.of(perCustomer), CartId.random(), new CartOwner.Customer(new CustomerId("bob")))).isEmpty();
        assertThat(store.exhausted(List.of(perCustomer), CartId.random(), alice)).containsExactly("PER1");
    }

    @Test
    void release_redeemedCart_givesTheUseBack() {
        Promotion once = promotion("ONCE", 1, 0);
        CartId first = CartId.random();
        store.redeem(List.of(once), first, guest());

        store.release(first);

        assertThat(store.redeem(List.of(once), CartId.random(), guest())).isEmpty();
    }
}
