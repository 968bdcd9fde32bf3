package dev.cartflow.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartState;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.Promotion;
import dev.cartflow.model.Rate;
import dev.cartflow.model.Sku;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.spi.StockKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class CartCheckoutTest {
    private final TestWorld world = new TestWorld();
    private final CartEngine engine = world.engine();

    private CreatedCart cartWith(String sku, int qty) {
        CreatedCart cart = engine.createGuestCart(NewCart.of("EUR", "DE"));
        engine.addItem(cart.actor(), cart.cart().id(), new Sku(sku), qty);
        return cart;
    }

    private long stockOfA() {
        return world.inventory.available(Set.of(new StockKey(new Sku("A"), "default")))
                .get(new StockKey(new Sku("A"), "default"));
    }

    private void singleUseCode(String code) {
        world.promotions.put(new Promotion("ONCE", code, 0, Promotion.Stacking.STACKABLE, Promotion.Basis.RUNNING,
                Promotion.Target.all(Promotion.Scope.ORDER), new Promotion.Action.Percent(Rate.percent("50")),
                Promotion.Conditions.NONE, null, 1, 0));
    }

    @Test
    void checkout_validCart_frozenWithPricesAndStockReserved() {
        CreatedCart cart = cartWith("A", 3);
        CheckoutResult result = engine.checkout(cart.actor(), cart.cart().id(), Mutation.none());
        assertThat(result.cart().state()).isEqualTo(CartState.CHECKED_OUT);
        assertThat(result.priced().subtotal().toDecimalString()).isEqualTo("30.00");
        assertThat(result.priced().cart()).isEqualTo(result.cart());
        assertThat(stockOfA()).isEqualTo(5);
        assertThatThrownBy(() -> engine.addItem(cart.actor(), cart.cart().id(), new Sku("A"), 1))
                .isInstanceOfSatisfying(CartException.class,
                        e -> assertThat(e.code()).isEqualTo(CartErrorCode.CART_NOT_ACTIVE));
        assertThat(world.published).extracting(e -> e.type().name()).contains("CHECKED_OUT");
    }

    @Test
    void checkout_repeatedWithSameKey_sameResultOneReservation() {
        CreatedCart cart = cartWith("A", 3);
        CheckoutResult first = engine.checkout(cart.actor(), cart.cart().id(), Mutation.idempotent("order-1"));
        CheckoutResult again = engine.checkout(cart.actor(), cart.cart().id(), Mutation.idempotent("order-1"));
        assertThat(again).isEqualTo(first);
        assertThat(stockOfA()).isEqualTo(5);
    }

    @Test
    void checkout_againWithoutKey_cartNotActive() {
        CreatedCart cart = cartWith("A", 3);
        engine.checkout(cart.actor(), cart.cart().id(), Mutation.none());
        assertThatThrownBy(() -> engine.checkout(cart.actor(), cart.cart().id(), Mutation.none()))
                .isInstanceOfSatisfying(CartException.class,
                        e -> assertThat(e.code()).isEqualTo(CartErrorCode.CART_NOT_ACTIVE));
        assertThatThrownBy(() -> engine.checkout(cart.actor(), cart.cart().id(), Mutation.idempotent("other")))
                .isInstanceOfSatisfying(CartException.class,
                        e -> assertThat(e.code()).isEqualTo(CartErrorCode.CART_NOT_ACTIVE));
        assertThat(stockOfA()).isEqualTo(5);
    }

    @Test
    void checkout_concurrentDoubleClickWithoutKey_oneOrder() throws Exception {
        CreatedCart cart = cartWith("A", 2);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<CheckoutResult> results = new ArrayList<>();
        try {
            List<Future<CheckoutResult>> futures = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return engine.checkout(cart.actor(), cart.cart().id(), Mutation.none());
                }));
            }
            start.countDown();
            for (Future<CheckoutResult> f : futures) {
                try {
                    results.add(f.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOfSatisfying(CartException.class,
                            ce -> assertThat(ce.code()).isEqualTo(CartErrorCode.CART_NOT_ACTIVE));
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(results).isNotEmpty().allSatisfy(r -> assertThat(r).isEqualTo(results.get(0)));
        assertThat(stockOfA()).isEqualTo(6);
        assertThat(world.published.stream().filter(e -> e.type().name().equals("CHECKED_OUT"))).hasSize(1);
    }

    @Test
    void checkout_concurrentDoubleClickSameKey_everyClickGetsTheOrder() throws Exception {
        CreatedCart cart = cartWith("A", 2);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<CheckoutResult>> futures = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return engine.checkout(cart.actor(), cart.cart().id(), Mutation.idempotent("click"));
                }));
            }
            start.countDown();
            CheckoutResult first = futures.get(0).get();
            for (Future<CheckoutResult> f : futures) {
                assertThat(f.get()).isEqualTo(first);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(stockOfA()).isEqualTo(6);
    }

    @Test
    void checkout_twoCartsRaceForSingleUseCode_exactlyOneSucceeds() throws Exception {
        singleUseCode("ONCE");
        List<CreatedCart> carts = List.of(cartWith("C", 1), cartWith("C", 1));
        for (CreatedCart c : carts) {
            engine.applyCode(c.actor(), c.cart().id(), "ONCE");
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        int successes = 0;
        int exhausted = 0;
        try {
            List<Callable<CheckoutResult>> tasks = new ArrayList<>();
            for (CreatedCart c : carts) {
                tasks.add(() -> {
                    start.await();
                    return engine.checkout(c.actor(), c.cart().id(), Mutation.none());
                });
            }
            List<Future<CheckoutResult>> futures = new ArrayList<>();
            for (Callable<CheckoutResult> t : tasks) {
                futures.add(pool.submit(t));
            }
            start.countDown();
            for (Future<CheckoutResult> f : futures) {
                try {
                    f.get();
                    successes++;
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOfSatisfying(CartException.class,
                            ce -> assertThat(ce.code()).isEqualTo(CartErrorCode.PROMOTION_EXHAUSTED));
                    exhausted++;
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(successes).isEqualTo(1);
        assertThat(exhausted).isEqualTo(1);
        long active = carts.stream().filter(c -> engine.get(c.actor(), c.cart().id()).state() == CartState.ACTIVE)
                .count();
        assertThat(active).isEqualTo(1);
    }

    @Test
    void checkout_codeUsedUp_promotionExhaustedCartStaysActive() {
        singleUseCode("ONCE");
        CreatedCart first = cartWith("C", 1);
        engine.applyCode(first.actor(), first.cart().id(), "ONCE");
        engine.checkout(first.actor(), first.cart().id(), Mutation.none());
        CreatedCart second = cartWith("C", 1);
        engine.applyCode(second.actor(), second.cart().id(), "ONCE");
        Cart before = world.repository.find(second.cart().id()).orElseThrow();

        assertThatThrownBy(() -> engine.checkout(second.actor(), second.cart().id(), Mutation.none()))
                .isInstanceOfSatisfying(CartException.class,
                        e -> assertThat(e.code()).isEqualTo(CartErrorCode.PROMOTION_EXHAUSTED));
        assertThat(world.repository.find(second.cart().id())).contains(before);
        engine.removeCode(second.actor(), second.cart().id(), "ONCE");
        assertThat(engine.checkout(second.actor(), second.cart().id(), Mutation.none()).cart().state())
                .isEqualTo(CartState.CHECKED_OUT);
    }

    @Test
    void checkout_stockGoneMeanwhile_outOfStockAndCodesReleased() {
        singleUseCode("ONCE");
        CreatedCart cart = cartWith("A", 3);
        engine.applyCode(cart.actor(), cart.cart().id(), "ONCE");
        world.inventory.setStock(new Sku("A"), "default", 2);
        assertThatThrownBy(() -> engine.checkout(cart.actor(), cart.cart().id(), Mutation.none()))
                .isInstanceOfSatisfying(CartException.class,
                        e -> assertThat(e.code()).isEqualTo(CartErrorCode.OUT_OF_STOCK));
        world.inventory.setStock(new Sku("A"), "default", 10);
        CreatedCart other = cartWith("C", 1);
        engine.applyCode(other.actor(), other.cart().id(), "ONCE");
        assertThat(engine.checkout(other.actor(), other.cart().id(), Mutation.none()).redeemed())
                .containsExactly("ONCE");
    }

    @Test
    void checkout_emptyCart_invalidInput() {
        CreatedCart cart = engine.createGuestCart(NewCart.of("EUR", "DE"));
        assertThatThrownBy(() -> engine.checkout(cart.actor(), cart.cart().id(), Mutation.none()))
                .isInstanceOfSatisfying(CartException.class,
                        e -> assertThat(e.code()).isEqualTo(CartErrorCode.INVALID_INPUT));
    }

    @Test
    void checkout_staleExpectedVersion_versionConflict() {
        CreatedCart cart = cartWith("A", 1);
        assertThatThrownBy(() -> engine.checkout(cart.actor(), cart.cart().id(), Mutation.expecting(1)))
                .isInstanceOfSatisfying(CartException.class,
                        e -> assertThat(e.code()).isEqualTo(CartErrorCode.VERSION_CONFLICT));
    }

    @Test
    void checkout_perCustomerLimit_secondCartOfSameCustomerExhausted() {
        world.promotions.put(new Promotion("WELCOME", "WELCOME", 0, Promotion.Stacking.STACKABLE,
                Promotion.Basis.RUNNING, Promotion.Target.all(Promotion.Scope.ORDER),
                new Promotion.Action.Percent(Rate.percent("10")), Promotion.Conditions.NONE, null, 0, 1));
        CustomerId bob = new CustomerId("bob");
        Actor actor = Actor.customer(bob);
        for (int i = 0; i < 2; i++) {
            Cart cart = engine.createCustomerCart(actor, bob, NewCart.of("EUR", "DE"));
            engine.addItem(actor, cart.id(), new Sku("C"), 1);
            engine.applyCode(actor, cart.id(), "WELCOME");
            if (i == 0) {
                engine.checkout(actor, cart.id(), Mutation.none());
            } else {
                assertThatThrownBy(() -> engine.checkout(actor, cart.id(), Mutation.none()))
                        .isInstanceOfSatisfying(CartException.class,
                                e -> assertThat(e.code()).isEqualTo(CartErrorCode.PROMOTION_EXHAUSTED));
            }
        }
    }
}
