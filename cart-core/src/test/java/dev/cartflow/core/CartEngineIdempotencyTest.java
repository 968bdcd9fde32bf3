package dev.cartflow.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartflow.core.CartCommand.AddItem;
import dev.cartflow.model.Cart;
import dev.cartflow.model.Sku;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CartEngineIdempotencyTest {
    private final TestWorld world = new TestWorld();
    private final CartEngine engine = world.engine();
    private final CreatedCart cart = engine.createGuestCart(NewCart.of("EUR", "DE"));

    @Test
    void execute_sameKeyTwice_appliedOnceSameResponse() {
        Cart first = engine.execute(cart.actor(), cart.cart().id(), new AddItem(new Sku("A"), 2),
                Mutation.idempotent("k-1"));
        Cart again = engine.execute(cart.actor(), cart.cart().id(), new AddItem(new Sku("A"), 2),
                Mutation.idempotent("k-1"));
        assertThat(again).isEqualTo(first);
        assertThat(engine.get(cart.actor(), cart.cart().id()).lines().get(0).quantity()).isEqualTo(2);
    }

    @Test
    void execute_keyReusedForOtherRequest_keyReused() {
        engine.execute(cart.actor(), cart.cart().id(), new AddItem(new Sku("A"), 2), Mutation.idempotent("k-1"));
        assertThatThrownBy(() -> engine.execute(cart.actor(), cart.cart().id(), new AddItem(new Sku("C"), 1),
                Mutation.idempotent("k-1"))).isInstanceOfSatisfying(CartException.class,
                        e -> assertThat(e.code()).isEqualTo(CartErrorCode.IDEMPOTENCY_KEY_REUSED));
    }

    @Test
    void execute_keyExpired_appliedAgain() {
        engine.execute(cart.actor(), cart.cart().id(), new AddItem(new Sku("C"), 1), Mutation.idempotent("k-1"));
        world.clock.advance(Duration.ofHours(25));
        Cart cart2 = engine.execute(cart.actor(), cart.cart().id(), new AddItem(new Sku("C"), 1),
                Mutation.idempotent("k-1"));
        assertThat(cart2.lines().get(0).quantity()).isEqualTo(2);
    }
}
