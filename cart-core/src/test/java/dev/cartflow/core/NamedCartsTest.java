package dev.cartflow.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartflow.core.merge.MergePolicy;
import dev.cartflow.core.merge.MergeRequest;
import dev.cartflow.core.residency.Region;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.CartKind;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.PricedCart;
import dev.cartflow.model.Promotion;
import dev.cartflow.model.PromotionExplanation;
import dev.cartflow.model.Rate;
import dev.cartflow.model.Sku;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Named carts beside the shopping cart: creation once per (customer, kind, name), listing, kinds' rules. */
class NamedCartsTest {
    private static final CustomerId ALICE = new CustomerId("alice");
    private static final CustomerId BOB = new CustomerId("bob");
    private static final Actor AS_ALICE = Actor.customer(ALICE);
    private static final byte[] KEY = "a shop's pseudonym key, 32 bytes".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private final TestWorld world = new TestWorld();
    private final CartEngine engine = world.builder().pseudonymKey(KEY).build();

    private Cart wishList(String name) {
        return engine.createNamedCart(AS_ALICE, ALICE, CartKind.WISH_LIST, name, NewCart.of("EUR", "DE"));
    }

    @Test
    void createNamedCart_new_storesKindNameAndOwner() {
        Cart cart = wishList("Birthday");

        assertThat(cart.kind()).isEqualTo(CartKind.WISH_LIST);
        assertThat(cart.name()).isEqualTo("Birthday");
        assertThat(cart.customerId()).contains(ALICE);
        assertThat(cart.version()).isEqualTo(1);
        assertThat(world.repository.find(cart.id())).contains(cart);
        assertThat(world.published).filteredOn(e -> e.cartId().equals(cart.id())).extracting(CartEvent::type)
                .containsExactly(CartEvent.Type.CREATED);
    }

    @Test
    void createNamedCart_sameCustomerKindAndName_returnsTheFirstCart() {
        Cart first = wishList("Birthday");
        engine.addItem(AS_ALICE, first.id(), Sku.of("C"), 2);

        Cart again = wishList("Birthday");

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.lines()).hasSize(1);
        assertThat(world.repository.cartsOf(ALICE)).hasSize(1);
    }

    @Test
    void createNamedCart_otherNameKindOrCustomer_makesOtherCarts() {
        Cart birthday = wishList("Birthday");
        Cart other = wishList("birthday");
        Cart later = engine.createNamedCart(AS_ALICE, ALICE, CartKind.SAVED_FOR_LATER, "Birthday",
                NewCart.of("EUR", "DE"));
        Cart bobs = engine.createNamedCart(Actor.customer(BOB), BOB, CartKind.WISH_LIST, "Birthday",
                NewCart.of("EUR", "DE"));

        assertThat(Set.of(birthday.id(), other.id(), later.id(), bobs.id())).hasSize(4);
    }

    @Test
    void createNamedCart_twoInstancesRacing_makeOneCart() throws Exception {
        // Two engines over one store with the same pseudonym key stand for two instances of a shop.
        List<CartEngine> engines = List.of(engine, world.builder().pseudonymKey(KEY).build());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Cart>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                CartEngine e = engines.get(i % 2);
                Callable<Cart> create = () -> {
                    start.await();
                    return e.createNamedCart(AS_ALICE, ALICE, CartKind.WISH_LIST, "Race", NewCart.of("EUR", "DE"));
                };
                results.add(pool.submit(create));
            }
            start.countDown();
            Set<Object> ids = new java.util.HashSet<>();
            for (Future<Cart> result : results) {
                ids.add(result.get().id());
            }
            assertThat(ids).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(world.repository.cartsOf(ALICE)).hasSize(1);
        assertThat(world.published).extracting(CartEvent::type).containsOnlyOnce(CartEvent.Type.CREATED);
    }

    @Test
    void createNamedCart_engineWithAnotherKey_findsTheCartByListing() {
        Cart first = wishList("Birthday");
        CartEngine restarted = world.builder().build();

        Cart again = restarted.createNamedCart(AS_ALICE, ALICE, CartKind.WISH_LIST, "Birthday",
                NewCart.of("EUR", "DE"));

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(restarted.namedCart(AS_ALICE, ALICE, CartKind.WISH_LIST, "Birthday")).map(Cart::id)
                .contains(first.id());
    }

    @Test
    void createNamedCart_engineOfARegion_idCarriesTheRegionCode() {
        Region eu = Region.of("eu", 7);
        CartEngine regional = world.builder().pseudonymKey(KEY).region(eu).build();

        Cart cart = regional.createNamedCart(AS_ALICE, ALICE, CartKind.WISH_LIST, "Birthday", NewCart.of("EUR", "DE"));

        assertThat(Region.codeOf(cart.id())).hasValue(7);
        assertThat(cart.region()).isEqualTo("eu");
        assertThat(regional.createNamedCart(AS_ALICE, ALICE, CartKind.WISH_LIST, "Birthday", NewCart.of("EUR", "DE"))
                .id()).isEqualTo(cart.id());
        assertThat(regional.customerCarts(AS_ALICE, ALICE)).extracting(Cart::id).containsExactly(cart.id());
    }

    @Test
    void createNamedCart_expired_isMadeAfreshUnderTheSameIdAtTheNextVersion() {
        Cart first = wishList("Birthday");
        engine.addItem(AS_ALICE, first.id(), Sku.of("C"), 2);
        world.clock.advance(Duration.ofDays(91));

        Cart again = wishList("Birthday");

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.version()).isEqualTo(3);
        assertThat(again.lines()).isEmpty();
        assertThat(again.createdAt()).isEqualTo(world.clock.instant());
    }

    @Test
    void createNamedCart_shoppingKindOrBadName_invalidInputBeforeAnythingIsStored() {
        assertThatThrownBy(() -> engine.createNamedCart(AS_ALICE, ALICE, CartKind.SHOPPING, "x", NewCart.of("EUR", "DE")))
                .isInstanceOf(CartException.class).extracting("code").isEqualTo(CartErrorCode.INVALID_INPUT);
        for (String name : new String[] {null, "", "  ", "a\u0000b", "x".repeat(129)}) {
            assertThatThrownBy(() -> wishList(name)).as("name %s", name).isInstanceOf(CartException.class)
                    .extracting("code").isEqualTo(CartErrorCode.INVALID_INPUT);
        }
        assertThatThrownBy(() -> engine.createNamedCart(AS_ALICE, ALICE, null, "x", NewCart.of("EUR", "DE")))
                .isInstanceOf(CartException.class).extracting("code").isEqualTo(CartErrorCode.INVALID_INPUT);
        assertThat(world.repository.cartsOf(ALICE)).isEmpty();
    }

    @Test
    void createNamedCart_forAnotherCustomerOrAsGuest_accessDenied() {
        CreatedCart guest = engine.createGuestCart(NewCart.of("EUR", "DE"));

        for (Actor actor : List.of(Actor.customer(BOB), guest.actor())) {
            assertThatThrownBy(() -> engine.createNamedCart(actor, ALICE, CartKind.WISH_LIST, "x",
                    NewCart.of("EUR", "DE"))).isInstanceOf(CartException.class).extracting("code")
                    .isEqualTo(CartErrorCode.ACCESS_DENIED);
        }
        assertThat(world.repository.cartsOf(ALICE)).isEmpty();
    }

    @Test
    void namedCart_byKindAndName_findsOnlyThatCart() {
        Cart birthday = wishList("Birthday");
        wishList("Wedding");

        assertThat(engine.namedCart(AS_ALICE, ALICE, CartKind.WISH_LIST, "Birthday")).map(Cart::id)
                .contains(birthday.id());
        assertThat(engine.namedCart(AS_ALICE, ALICE, CartKind.SAVED_FOR_LATER, "Birthday")).isEmpty();
        assertThat(engine.namedCart(AS_ALICE, ALICE, CartKind.WISH_LIST, "Nothing")).isEmpty();
        assertThatThrownBy(() -> engine.namedCart(Actor.customer(BOB), ALICE, CartKind.WISH_LIST, "Birthday"))
                .isInstanceOf(CartException.class).extracting("code").isEqualTo(CartErrorCode.ACCESS_DENIED);
    }

    @Test
    void customerCarts_everyKind_mostRecentlyUpdatedFirstWithoutOthersOrClosedCarts() {
        Cart shopping = engine.createCustomerCart(AS_ALICE, ALICE, NewCart.of("EUR", "DE"));
        world.clock.advance(Duration.ofMinutes(1));
        Cart wish = wishList("Birthday");
        world.clock.advance(Duration.ofMinutes(1));
        Cart later = engine.createNamedCart(AS_ALICE, ALICE, CartKind.SAVED_FOR_LATER, "Later", NewCart.of("EUR", "DE"));
        world.clock.advance(Duration.ofMinutes(1));
        engine.addItem(AS_ALICE, wish.id(), Sku.of("C"), 1);
        engine.createCustomerCart(Actor.customer(BOB), BOB, NewCart.of("EUR", "DE"));
        Cart done = engine.createCustomerCart(AS_ALICE, ALICE, NewCart.of("EUR", "DE"));
        engine.addItem(AS_ALICE, done.id(), Sku.of("C"), 1);
        engine.checkout(AS_ALICE, done.id(), Mutation.none());

        List<Cart> carts = engine.customerCarts(AS_ALICE, ALICE);

        assertThat(carts).extracting(Cart::id).containsExactly(wish.id(), later.id(), shopping.id());
        assertThat(engine.customerCarts(Actor.support("staff-1", "ticket-1"), ALICE)).hasSize(3);
        assertThatThrownBy(() -> engine.customerCarts(Actor.customer(BOB), ALICE)).isInstanceOf(CartException.class)
                .extracting("code").isEqualTo(CartErrorCode.ACCESS_DENIED);
    }

    @Test
    void customerCarts_repositoryWithoutTheCapability_internalWithAClearMessage() {
        CartEngine plain = world.builder().repository(new DelegatingRepository(world.repository)).build();

        assertThatThrownBy(() -> plain.customerCarts(AS_ALICE, ALICE)).isInstanceOf(CartException.class)
                .satisfies(e -> {
                    assertThat(((CartException) e).code()).isEqualTo(CartErrorCode.INTERNAL);
                    assertThat(e.getMessage()).contains("CustomerCarts");
                });
        // named carts themselves still work: they are found by their derived id
        Cart cart = plain.createNamedCart(AS_ALICE, ALICE, CartKind.WISH_LIST, "Birthday", NewCart.of("EUR", "DE"));
        assertThat(plain.namedCart(AS_ALICE, ALICE, CartKind.WISH_LIST, "Birthday")).map(Cart::id).contains(cart.id());
    }

    @Test
    void activeCart_namedCartsUpdatedLater_returnsTheShoppingCart() {
        Cart shopping = engine.createCustomerCart(AS_ALICE, ALICE, NewCart.of("EUR", "DE"));
        world.clock.advance(Duration.ofMinutes(1));
        Cart wish = wishList("Birthday");
        engine.addItem(AS_ALICE, wish.id(), Sku.of("C"), 1);

        assertThat(engine.activeCart(AS_ALICE, ALICE)).map(Cart::id).contains(shopping.id());
        assertThat(world.repository.findActiveByCustomer(ALICE)).map(Cart::id).contains(shopping.id());
    }

    @Test
    void activeCart_repositoryAnsweringANamedCart_engineStillIgnoresIt() {
        Cart wish = wishList("Birthday");
        // a store that has not learnt the SHOPPING-only rule yet
        CartEngine overOldStore = world.builder().repository(new DelegatingRepository(world.repository) {
            @Override
            public Optional<Cart> findActiveByCustomer(CustomerId customerId) {
                return world.repository.find(wish.id());
            }
        }).build();
        CreatedCart guest = overOldStore.createGuestCart(NewCart.of("EUR", "DE"));

        assertThat(overOldStore.activeCart(AS_ALICE, ALICE)).isEmpty();
        var merged = overOldStore.merge(AS_ALICE, new MergeRequest(guest.cart().id(), guest.token(), ALICE,
                MergePolicy.SUM));
        assertThat(merged.cart().id()).isEqualTo(guest.cart().id());
        assertThat(world.repository.find(wish.id())).contains(wish);
    }

    @Test
    void activeCart_onlyNamedCarts_empty() {
        wishList("Birthday");

        assertThat(engine.activeCart(AS_ALICE, ALICE)).isEmpty();
    }

    @Test
    void merge_customerWithOnlyNamedCarts_guestCartBecomesTheShoppingCart() {
        Cart wish = wishList("Birthday");
        CreatedCart guest = engine.createGuestCart(NewCart.of("EUR", "DE"));
        engine.addItem(guest.actor(), guest.cart().id(), Sku.of("C"), 1);

        var result = engine.merge(AS_ALICE, new MergeRequest(guest.cart().id(), guest.token(), ALICE, MergePolicy.SUM));

        assertThat(result.cart().id()).isEqualTo(guest.cart().id());
        assertThat(result.cart().kind()).isEqualTo(CartKind.SHOPPING);
        assertThat(world.repository.find(wish.id()).orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void merge_intoANamedCart_invalidInputAndNothingChanges() {
        Cart wish = wishList("Birthday");
        CreatedCart guest = engine.createGuestCart(NewCart.of("EUR", "DE"));
        Cart guestCart = engine.addItem(guest.actor(), guest.cart().id(), Sku.of("C"), 1);

        assertThatThrownBy(() -> engine.merge(AS_ALICE, new MergeRequest(guest.cart().id(), guest.token(), ALICE,
                MergePolicy.SUM, wish.id()))).isInstanceOf(CartException.class).extracting("code")
                .isEqualTo(CartErrorCode.INVALID_INPUT);
        assertThat(world.repository.find(wish.id())).contains(wish);
        assertThat(world.repository.find(guestCart.id())).contains(guestCart);
    }

    @Test
    void checkout_namedCart_invalidInputAndNothingChanges() {
        for (CartKind kind : List.of(CartKind.WISH_LIST, CartKind.SAVED_FOR_LATER)) {
            Cart named = engine.createNamedCart(AS_ALICE, ALICE, kind, "x", NewCart.of("EUR", "DE"));
            Cart filled = engine.addItem(AS_ALICE, named.id(), Sku.of("C"), 1);

            assertThatThrownBy(() -> engine.checkout(AS_ALICE, named.id(), Mutation.none()))
                    .as("%s", kind).isInstanceOf(CartException.class).extracting("code")
                    .isEqualTo(CartErrorCode.INVALID_INPUT);
            assertThat(world.repository.find(named.id())).contains(filled);
        }
    }

    @Test
    void applyCode_wishList_invalidInputBeforeThePromotionsAreAsked() {
        Cart wish = wishList("Birthday");
        int[] asked = {0};
        CartEngine counting = world.builder().pseudonymKey(KEY).promotions(new dev.cartflow.spi.PromotionProvider() {
            @Override
            public List<Promotion> promotions(dev.cartflow.spi.PromotionQuery query) {
                return world.promotions.promotions(query);
            }

            @Override
            public List<Promotion> byCode(String code, java.util.Currency currency) {
                asked[0]++;
                return world.promotions.byCode(code, currency);
            }
        }).build();

        assertThatThrownBy(() -> counting.applyCode(AS_ALICE, wish.id(), "NO-SUCH-CODE"))
                .isInstanceOf(CartException.class).extracting("code").isEqualTo(CartErrorCode.INVALID_INPUT);
        assertThat(asked[0]).isZero();
        assertThat(world.repository.find(wish.id())).contains(wish);
    }

    @Test
    void applyCode_savedForLater_appliesAndPricesLikeAShoppingCart() {
        Cart later = engine.createNamedCart(AS_ALICE, ALICE, CartKind.SAVED_FOR_LATER, "Later", NewCart.of("EUR", "DE"));
        engine.addItem(AS_ALICE, later.id(), Sku.of("A"), 2);

        engine.applyCode(AS_ALICE, later.id(), "SAVE10");

        assertThat(engine.price(AS_ALICE, later.id()).discount()).isEqualTo(TestWorld.money("2.00"));
    }

    @Test
    void price_wishList_withoutCodedOrUseLimitedPromotions() {
        world.promotions.put(Promotion.builder("SALE").percentOff("10").build());
        world.promotions.put(Promotion.builder("FIRST-100").percentOff("5").maxUses(100).build());
        world.promotions.put(Promotion.builder("ONCE-EACH").percentOff("5").maxUsesPerCustomer(1).build());
        world.promotions.put(Promotion.builder("CODED").code("SAVE5").percentOff("5").build());
        Cart shopping = engine.createCustomerCart(AS_ALICE, ALICE, NewCart.of("EUR", "DE"));
        engine.addItem(AS_ALICE, shopping.id(), Sku.of("A"), 2);
        engine.applyCode(AS_ALICE, shopping.id(), "SAVE5");
        Cart wish = wishList("Birthday");
        engine.addItem(AS_ALICE, wish.id(), Sku.of("A"), 2);

        PricedCart wished = engine.price(AS_ALICE, wish.id());
        PricedCart shopped = engine.price(AS_ALICE, shopping.id());

        assertThat(wished.promotions()).extracting(PromotionExplanation::promotionId).containsExactly("SALE");
        assertThat(wished.discount()).isEqualTo(TestWorld.money("2.00"));
        assertThat(shopped.promotions()).extracting(PromotionExplanation::promotionId)
                .contains("SALE", "FIRST-100", "ONCE-EACH", "CODED");
        assertThat(shopped.discount().minor()).isGreaterThan(wished.discount().minor());
    }

    @Test
    void limits_perKind_wishListHasItsOwnAndOtherKindsTheEngines() {
        // the engine's limits: 3 lines; a wish list: 5 lines
        CartEngine limited = world.builder().pseudonymKey(KEY)
                .limits(CartKind.WISH_LIST, new CartLimits(5, 50, null)).build();
        world.product("D", "1.00", Set.of(), 1, 100, 1, 0);
        world.product("E", "1.00", Set.of(), 1, 100, 1, 0);
        Cart wish = limited.createNamedCart(AS_ALICE, ALICE, CartKind.WISH_LIST, "Big", NewCart.of("EUR", "DE"));
        Cart later = limited.createNamedCart(AS_ALICE, ALICE, CartKind.SAVED_FOR_LATER, "Later", NewCart.of("EUR", "DE"));
        List<String> skus = List.of("A", "B", "C", "D", "E");
        for (String sku : skus) {
            limited.execute(AS_ALICE, wish.id(), new CartCommand.AddItem(Sku.of(sku), sku.equals("B") ? 2 : 1),
                    Mutation.none());
        }
        for (String sku : skus.subList(0, 3)) {
            limited.execute(AS_ALICE, later.id(), new CartCommand.AddItem(Sku.of(sku), sku.equals("B") ? 2 : 1),
                    Mutation.none());
        }

        Cart full = world.repository.find(later.id()).orElseThrow();
        assertThat(world.repository.find(wish.id()).orElseThrow().lines()).hasSize(5);
        assertThatThrownBy(() -> limited.addItem(AS_ALICE, later.id(), Sku.of("D"), 1))
                .isInstanceOf(CartException.class).extracting("code").isEqualTo(CartErrorCode.CART_LIMIT);
        assertThat(world.repository.find(later.id())).contains(full);
    }

    @Test
    void limits_shoppingKind_isTheEnginesLimits() {
        CartEngine limited = world.builder().limits(CartKind.SHOPPING, new CartLimits(1, 50, null)).build();
        Cart cart = limited.createCustomerCart(AS_ALICE, ALICE, NewCart.of("EUR", "DE"));
        limited.addItem(AS_ALICE, cart.id(), Sku.of("A"), 1);

        assertThatThrownBy(() -> limited.addItem(AS_ALICE, cart.id(), Sku.of("C"), 1))
                .isInstanceOf(CartException.class).extracting("code").isEqualTo(CartErrorCode.CART_LIMIT);
        assertThatThrownBy(() -> CartEngine.builder().limits(null, CartLimits.DEFAULT))
                .isInstanceOf(CartException.class).extracting("code").isEqualTo(CartErrorCode.INVALID_INPUT);
        assertThatThrownBy(() -> CartEngine.builder().limits(CartKind.WISH_LIST, null))
                .isInstanceOf(CartException.class).extracting("code").isEqualTo(CartErrorCode.INVALID_INPUT);
    }

    @Test
    void events_namedCartCreation_holdNeitherNameNorCustomer() {
        wishList("Anna's birthday");

        assertThat(world.published.stream().map(e -> e.data().toString()).collect(Collectors.joining()))
                .doesNotContain("Anna").doesNotContain("alice");
    }

    @Test
    void namedCart_expired_empty() {
        wishList("Birthday");
        world.clock.advance(Duration.ofDays(91));

        Optional<Cart> found = engine.namedCart(AS_ALICE, ALICE, CartKind.WISH_LIST, "Birthday");

        assertThat(found).isEmpty();
        assertThat(engine.customerCarts(AS_ALICE, ALICE)).isEmpty();
    }
}
