package dev.cartflow.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartflow.core.CartCommand.AddItem;
import dev.cartflow.core.CartCommand.Bulk;
import dev.cartflow.core.CartCommand.SetQuantity;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Cart;
import dev.cartflow.model.Sku;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cart limits at their exact boundaries, and carts already over limits that were lowered. */
class CartLimitBoundariesTest {
    private final TestWorld world = new TestWorld();

    private static void assertCartLimit(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(CartException.class,
                e -> assertThat(e.code()).isEqualTo(CartErrorCode.CART_LIMIT));
    }

    @Test
    void addItem_exactlyMaxUnits_acceptedOneMoreCartLimit() {
        CartEngine engine = world.builder().limits(new CartLimits(3, 50, null)).build();
        CreatedCart cart = engine.createGuestCart(NewCart.of("EUR", "DE"));

        assertThat(engine.addItem(cart.actor(), cart.cart().id(), Sku.of("C"), 50).totalQuantity()).isEqualTo(50);
        assertCartLimit(() -> engine.addItem(cart.actor(), cart.cart().id(), Sku.of("C"), 1));
    }

    @Test
    void addItem_exactlyMaxSubtotal_acceptedOneCentMoreCartLimit() {
        CartEngine engine = world.builder().limits(new CartLimits(3, 10_000, TestWorld.money("500.00"))).build();
        CreatedCart cart = engine.createGuestCart(NewCart.of("EUR", "DE"));

        assertThat(engine.addItem(cart.actor(), cart.cart().id(), Sku.of("C"), 500).totalQuantity()).isEqualTo(500);
        assertCartLimit(() -> engine.addItem(cart.actor(), cart.cart().id(), Sku.of("C"), 1));
    }

    @Test
    void addItem_exactlyMaxLines_acceptedOneMoreCartLimit() {
        CartEngine engine = world.builder().limits(new CartLimits(3, 10_000, null)).build();
        CreatedCart cart = engine.createGuestCart(NewCart.of("EUR", "DE"));
        engine.addItem(cart.actor(), cart.cart().id(), Sku.of("A"), 1);
        engine.addItem(cart.actor(), cart.cart().id(), Sku.of("B"), 2);

        assertThat(engine.addItem(cart.actor(), cart.cart().id(), Sku.of("C"), 1).lines()).hasSize(3);
        assertCartLimit(() -> engine.execute(cart.actor(), cart.cart().id(), new AddItem(Sku.of("C"), 1, "north"),
                Mutation.none()));
    }

    @Test
    void bulk_cartOverLoweredLimitsKeepsItsCounts_acceptedGrowingCartLimit() {
        CartEngine generous = world.builder().limits(new CartLimits(10, 10_000, null)).build();
        CreatedCart cart = generous.createGuestCart(NewCart.of("EUR", "DE"));
        Cart filled = generous.execute(cart.actor(), cart.cart().id(), new Bulk(List.of(new AddItem(Sku.of("C"), 20),
                new AddItem(Sku.of("C"), 5, "north"))), Mutation.none());
        CartEngine strict = world.builder().limits(new CartLimits(1, 10, TestWorld.money("10.00"))).build();

        Cart moved = strict.execute(cart.actor(), cart.cart().id(), new Bulk(List.of(
                new SetQuantity(filled.lines().get(0).id(), 19), new AddItem(Sku.of("C"), 1, "north"))),
                Mutation.none());

        assertThat(moved.lines()).extracting(l -> l.quantity()).containsExactly(19, 6);
        assertCartLimit(() -> strict.addItem(cart.actor(), cart.cart().id(), Sku.of("C"), 1));
    }

    @Test
    void addItem_selectedShippingExactlyAtMaxWeight_accepted() {
        CartEngine engine = world.engine();
        CreatedCart cart = engine.createGuestCart(NewCart.of("EUR", "DE"));
        engine.addItem(cart.actor(), cart.cart().id(), Sku.of("A"), 4);
        engine.selectShipping(cart.actor(), cart.cart().id(), "STD");

        assertThat(engine.addItem(cart.actor(), cart.cart().id(), Sku.of("A"), 1).totalQuantity()).isEqualTo(5);
    }
}
