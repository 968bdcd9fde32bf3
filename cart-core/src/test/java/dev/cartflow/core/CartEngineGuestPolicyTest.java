package dev.cartflow.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartflow.core.memory.InMemoryAuditLog;
import dev.cartflow.core.memory.InMemoryPromotionUsageStore;
import dev.cartflow.core.security.SecurityPolicy;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CartOperation;
import dev.cartflow.model.CartOwner;
import dev.cartflow.model.CartState;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.Promotion;
import dev.cartflow.model.PromotionResult;
import dev.cartflow.model.Rate;
import dev.cartflow.model.Sku;
import dev.cartflow.spi.AuditEvent;
import dev.cartflow.spi.PromotionUsageStore;
import dev.cartflow.spi.UsageLimits;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Guest policies: operations denied to guests, metadata required of them, and guest identities for promotion limits. */
class CartEngineGuestPolicyTest {
    private final TestWorld world = new TestWorld();
    private final InMemoryAuditLog audit = new InMemoryAuditLog();

    CartEngineGuestPolicyTest() {
        world.promotions.put(new Promotion("WELCOME", "WELCOME", 0, Promotion.Stacking.STACKABLE, Promotion.Basis.RUNNING,
                Promotion.Target.all(Promotion.Scope.ORDER), new Promotion.Action.Percent(Rate.percent("20")),
                Promotion.Conditions.NONE, null, 0, 1));
    }

    private CartEngine engine(SecurityPolicy policy) {
        return world.builder().audit(audit).security(policy).build();
    }

    private static void fails(CartErrorCode code, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CartException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    private static CreatedCart guestCartWithA(CartEngine engine) {
        CreatedCart cart = engine.createGuestCart(NewCart.of("EUR", "DE"));
        engine.addItem(cart.actor(), cart.cart().id(), new Sku("A"), 1);
        return cart;
    }

    private static Cart setMetadata(CartEngine engine, Actor actor, CartId id, String json) {
        return engine.execute(actor, id, new CartCommand.SetMetadata(json), Mutation.none());
    }

    @Test
    void checkout_guestWithoutRequiredEmail_accessDeniedNamingTheKeyAndCartUnchanged() {
        CartEngine engine = engine(SecurityPolicy.builder().requireGuestMetadata(CartOperation.CHECKOUT, "email").build());
        CreatedCart cart = guestCartWithA(engine);
        Cart before = world.repository.find(cart.cart().id()).orElseThrow();

        assertThatThrownBy(() -> engine.checkout(cart.actor(), cart.cart().id(), Mutation.none()))
                .isInstanceOfSatisfying(CartException.class, e -> {
                    assertThat(e.code()).isEqualTo(CartErrorCode.ACCESS_DENIED);
                    assertThat(e.getMessage()).contains("'email'");
                });
        assertThat(world.repository.find(cart.cart().id())).contains(before);
        assertThat(audit.events()).last().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo(AuditEvent.Outcome.DENIED);
            assertThat(e.detail()).isEqualTo("GUEST_POLICY");
            assertThat(e.operation()).isEqualTo(CartOperation.CHECKOUT);
        });

        setMetadata(engine, cart.actor(), cart.cart().id(), "{\"email\":\"guest@example.com\"}");
        assertThat(engine.checkout(cart.actor(), cart.cart().id(), Mutation.none()).cart().state())
                .isEqualTo(CartState.CHECKED_OUT);
    }

    @Test
    void checkout_guestWithBlankNullOrNestedEmail_accessDenied() {
        CartEngine engine = engine(SecurityPolicy.builder().requireGuestMetadata(CartOperation.CHECKOUT, "email").build());
        CreatedCart cart = guestCartWithA(engine);
        for (String metadata : List.of("{\"email\":\"  \"}", "{\"email\":null}", "{\"contact\":{\"email\":\"a@b.c\"}}",
                "{\"e-mail\":\"a@b.c\"}")) {
            setMetadata(engine, cart.actor(), cart.cart().id(), metadata);
            fails(CartErrorCode.ACCESS_DENIED, () -> engine.checkout(cart.actor(), cart.cart().id(), Mutation.none()));
        }
    }

    @Test
    void checkout_wrongTokenUnderMetadataPolicy_plainDenialWithoutTheKey() {
        CartEngine engine = engine(SecurityPolicy.builder().requireGuestMetadata(CartOperation.CHECKOUT, "email").build());
        CreatedCart cart = guestCartWithA(engine);
        assertThatThrownBy(() -> engine.checkout(Actor.guest("guess"), cart.cart().id(), Mutation.none()))
                .isInstanceOfSatisfying(CartException.class, e -> {
                    assertThat(e.code()).isEqualTo(CartErrorCode.ACCESS_DENIED);
                    assertThat(e.getMessage()).doesNotContain("email");
                });
        assertThat(audit.events()).last().satisfies(e -> assertThat(e.detail()).isEqualTo("TOKEN"));
    }

    @Test
    void checkout_customerWithoutEmail_guestRequirementDoesNotApply() {
        CartEngine engine = engine(SecurityPolicy.builder().requireGuestMetadata(CartOperation.CHECKOUT, "email").build());
        CustomerId alice = new CustomerId("alice");
        Cart cart = engine.createCustomerCart(Actor.customer(alice), alice, NewCart.of("EUR", "DE"));
        engine.addItem(Actor.customer(alice), cart.id(), new Sku("A"), 1);
        assertThat(engine.checkout(Actor.customer(alice), cart.id(), Mutation.none()).cart().state())
                .isEqualTo(CartState.CHECKED_OUT);
    }

    @Test
    void checkout_deniedToGuests_guestRefusedCustomerAllowed() {
        CartEngine engine = engine(SecurityPolicy.builder().denyGuests(CartOperation.CHECKOUT).build());
        CreatedCart cart = guestCartWithA(engine);
        Cart before = world.repository.find(cart.cart().id()).orElseThrow();

        fails(CartErrorCode.ACCESS_DENIED, () -> engine.checkout(cart.actor(), cart.cart().id(), Mutation.none()));
        assertThat(world.repository.find(cart.cart().id())).contains(before);
        assertThat(audit.events()).last().satisfies(e -> assertThat(e.detail()).isEqualTo("GUEST_POLICY"));
        assertThat(engine.price(cart.actor(), cart.cart().id()).total().minor()).isPositive();
    }

    @Test
    void createGuestCart_deniedToGuests_accessDeniedNothingStored() {
        CartEngine engine = engine(SecurityPolicy.builder().denyGuests(CartOperation.CREATE_GUEST_CART).build());
        fails(CartErrorCode.ACCESS_DENIED, () -> engine.createGuestCart(NewCart.of("EUR", "DE")));
        assertThat(world.published).isEmpty();
        assertThat(audit.events()).singleElement().satisfies(e -> {
            assertThat(e.actorKind()).isEqualTo(AuditEvent.GUEST);
            assertThat(e.operation()).isEqualTo(CartOperation.CREATE_GUEST_CART);
        });
    }

    @Test
    void builder_badArguments_invalidInput() {
        fails(CartErrorCode.INVALID_INPUT, () -> SecurityPolicy.builder().denyGuests((CartOperation) null));
        fails(CartErrorCode.INVALID_INPUT, () -> SecurityPolicy.builder().denyGuests((CartOperation[]) null));
        fails(CartErrorCode.INVALID_INPUT, () -> SecurityPolicy.builder().requireGuestMetadata(null, "email"));
        fails(CartErrorCode.INVALID_INPUT, () -> SecurityPolicy.builder().requireGuestMetadata(CartOperation.CHECKOUT, " "));
        fails(CartErrorCode.INVALID_INPUT, () -> SecurityPolicy.builder().unidentifiedGuests(null));
        fails(CartErrorCode.INVALID_INPUT, () -> CartEngine.builder().security(null));
    }

    // --- guest identities and promotions limited per customer ---

    private CreatedCart guestWithCode(CartEngine engine, String identity) {
        CreatedCart cart = engine.createGuestCart(NewCart.of("EUR", "DE"));
        Actor actor = identity == null ? cart.actor() : Actor.guest(cart.token(), identity);
        engine.addItem(actor, cart.cart().id(), new Sku("A"), 1);
        engine.applyCode(actor, cart.cart().id(), "WELCOME");
        return cart;
    }

    @Test
    void checkout_sameGuestIdentityOnSecondCart_perCustomerCodeExhausted() {
        CartEngine engine = engine(SecurityPolicy.DEFAULT);
        CreatedCart first = guestWithCode(engine, "mail-hash-1");
        assertThat(engine.checkout(Actor.guest(first.token(), "mail-hash-1"), first.cart().id(), Mutation.none())
                .redeemed()).containsExactly("WELCOME");

        CreatedCart second = guestWithCode(engine, "mail-hash-1");
        Actor again = Actor.guest(second.token(), "mail-hash-1");
        assertThat(engine.price(again, second.cart().id()).promotions())
                .anySatisfy(p -> assertThat(p.result()).isEqualTo(PromotionResult.EXHAUSTED));
        Cart before = world.repository.find(second.cart().id()).orElseThrow();
        fails(CartErrorCode.PROMOTION_EXHAUSTED, () -> engine.checkout(again, second.cart().id(), Mutation.none()));
        assertThat(world.repository.find(second.cart().id())).contains(before);

        CreatedCart other = guestWithCode(engine, "mail-hash-2");
        assertThat(engine.checkout(Actor.guest(other.token(), "mail-hash-2"), other.cart().id(), Mutation.none())
                .redeemed()).containsExactly("WELCOME");
    }

    @Test
    void checkout_unidentifiedGuestByDefault_perCustomerCodeRefused() {
        CartEngine engine = engine(SecurityPolicy.DEFAULT);
        CreatedCart cart = guestWithCode(engine, null);

        assertThat(engine.price(cart.actor(), cart.cart().id()).promotions())
                .filteredOn(p -> "WELCOME".equals(p.promotionId()))
                .singleElement().satisfies(p -> assertThat(p.result()).isEqualTo(PromotionResult.EXHAUSTED));
        fails(CartErrorCode.PROMOTION_EXHAUSTED, () -> engine.checkout(cart.actor(), cart.cart().id(), Mutation.none()));

        engine.removeCode(cart.actor(), cart.cart().id(), "WELCOME");
        assertThat(engine.checkout(cart.actor(), cart.cart().id(), Mutation.none()).redeemed()).isEmpty();
    }

    @Test
    void checkout_unidentifiedGuestCountedPerToken_eachCartGetsItsUse() {
        CartEngine engine = engine(SecurityPolicy.builder()
                .unidentifiedGuests(SecurityPolicy.UnidentifiedGuests.COUNT_PER_TOKEN).build());
        for (int i = 0; i < 2; i++) {
            CreatedCart cart = guestWithCode(engine, null);
            assertThat(engine.checkout(cart.actor(), cart.cart().id(), Mutation.none()).redeemed())
                    .containsExactly("WELCOME");
        }
    }

    @Test
    void checkout_identifiedGuest_storeKeepsOnlyThePseudonym() {
        List<CartOwner> owners = new ArrayList<>();
        InMemoryPromotionUsageStore store = new InMemoryPromotionUsageStore();
        PromotionUsageStore recording = new PromotionUsageStore() {
            @Override
            public Set<String> redeem(Collection<Promotion> p, CartId cartId, CartOwner owner) {
                owners.add(owner);
                return store.redeem(p, cartId, owner);
            }

            @Override
            public void release(CartId cartId) {
                store.release(cartId);
            }

            @Override
            public Set<String> exhausted(Collection<Promotion> p, CartId cartId, CartOwner owner) {
                owners.add(owner);
                return store.exhausted(p, cartId, owner);
            }
        };
        CartEngine engine = world.builder().promotionUsage(recording).build();
        CreatedCart cart = guestWithCode(engine, "guest@example.com");
        engine.checkout(Actor.guest(cart.token(), "guest@example.com"), cart.cart().id(), Mutation.none());

        assertThat(owners).isNotEmpty().allSatisfy(owner -> {
            assertThat(UsageLimits.isIdentifiedGuest(owner)).isTrue();
            assertThat(owner.toString()).doesNotContain("guest@example.com").doesNotContain("example");
        });
    }
}
