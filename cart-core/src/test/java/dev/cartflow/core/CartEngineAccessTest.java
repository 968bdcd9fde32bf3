package dev.cartflow.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CartOwner;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.Sku;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class CartEngineAccessTest {
    private final TestWorld world = new TestWorld();
    private final CartEngine engine = world.engine();
    private final CustomerId alice = new CustomerId("alice");

    private static void denied(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CartException.class,
                e -> assertThat(e.code()).isEqualTo(CartErrorCode.ACCESS_DENIED));
    }

    @Test
    void createGuestCart_token_isRandomLongAndStoredOnlyAsHash() {
        CreatedCart a = engine.createGuestCart(NewCart.of("EUR", "DE"));
        CreatedCart b = engine.createGuestCart(NewCart.of("EUR", "DE"));
        assertThat(a.token()).isNotEqualTo(b.token());
        assertThat(java.util.Base64.getUrlDecoder().decode(a.token())).hasSizeGreaterThanOrEqualTo(16);
        String hash = ((CartOwner.Guest) a.cart().owner()).tokenHash();
        assertThat(hash).isNotEqualTo(a.token()).doesNotContain(a.token());
        assertThat(a.toString()).doesNotContain(a.token());
    }

    @Test
    void get_guestWithWrongToken_accessDenied() {
        CreatedCart cart = engine.createGuestCart(NewCart.of("EUR", "DE"));
        denied(() -> engine.get(Actor.guest("wrong-token"), cart.cart().id()));
        assertThat(engine.get(cart.actor(), cart.cart().id()).id()).isEqualTo(cart.cart().id());
    }

    @Test
    void get_missingCartForGuest_accessDeniedLikeForeignCart() {
        denied(() -> engine.get(Actor.guest("any"), CartId.random()));
        assertThatThrownBy(() -> engine.get(Actor.support("s-1", "ticket-1"), CartId.random()))
                .isInstanceOfSatisfying(CartException.class,
                        e -> assertThat(e.code()).isEqualTo(CartErrorCode.CART_NOT_FOUND));
    }

    @Test
    void execute_otherCustomer_accessDeniedAndCartUnchanged() {
        Cart cart = engine.createCustomerCart(Actor.customer(alice), alice, NewCart.of("EUR", "DE"));
        denied(() -> engine.addItem(Actor.customer(new CustomerId("mallory")), cart.id(), new Sku("A"), 1));
        denied(() -> engine.addItem(Actor.guest("guess"), cart.id(), new Sku("A"), 1));
        assertThat(world.repository.find(cart.id())).contains(cart);
    }

    @Test
    void createCustomerCart_forSomeoneElse_accessDenied() {
        denied(() -> engine.createCustomerCart(Actor.customer(new CustomerId("mallory")), alice,
                NewCart.of("EUR", "DE")));
        denied(() -> engine.activeCart(Actor.customer(new CustomerId("mallory")), alice));
    }

    @Test
    void supportAndService_actOnAnyCart() {
        Cart cart = engine.createCustomerCart(Actor.customer(alice), alice, NewCart.of("EUR", "DE"));
        engine.addItem(Actor.support("s-1", "ticket-1"), cart.id(), new Sku("A"), 1);
        Cart after = engine.addItem(Actor.service("recovery"), cart.id(), new Sku("A"), 1);
        assertThat(after.lines().get(0).quantity()).isEqualTo(2);
    }
}
