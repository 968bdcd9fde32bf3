package dev.cartflow.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartflow.core.CartCommand.AddItem;
import dev.cartflow.core.CartCommand.Bulk;
import dev.cartflow.core.CartCommand.SetQuantity;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import dev.cartflow.model.LineItem;
import dev.cartflow.model.Sku;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class CartEngineValidationTest {
    private TestWorld world;
    private CartEngine engine;
    private CreatedCart guest;

    @BeforeEach
    void setUp() {
        world = new TestWorld();
        engine = world.engine();
        guest = engine.createGuestCart(NewCart.of("EUR", "DE"));
    }

    private Cart add(String sku, int qty) {
        return engine.addItem(guest.actor(), guest.cart().id(), new Sku(sku), qty);
    }

    private void assertRejected(Executable call, CartErrorCode code) {
        Cart before = world.repository.find(guest.cart().id()).orElseThrow();
        assertThatThrownBy(call::execute).isInstanceOfSatisfying(CartException.class,
                e -> assertThat(e.code()).isEqualTo(code));
        assertThat(world.repository.find(guest.cart().id())).contains(before);
    }

    @Test
    void addItem_sameSkuTwice_isOneLine() {
        add("A", 1);
        Cart cart = add("A", 2);
        assertThat(cart.lines()).hasSize(1);
        assertThat(cart.lines().get(0).quantity()).isEqualTo(3);
        assertThat(cart.version()).isEqualTo(3);
    }

    @Test
    void addItem_otherWarehouse_isAnotherLine() {
        add("C", 1);
        Cart cart = engine.execute(guest.actor(), guest.cart().id(), new AddItem(new Sku("C"), 1, "north"),
                Mutation.none());
        assertThat(cart.lines()).extracting(LineItem::warehouse).containsExactly("default", "north");
    }

    @Test
    void addItem_zeroOrNegative_invalidQuantity() {
        assertRejected(() -> add("A", 0), CartErrorCode.INVALID_QUANTITY);
        assertRejected(() -> add("A", -1), CartErrorCode.INVALID_QUANTITY);
    }

    @Test
    void addItem_notMultipleOfStep_invalidQuantity() {
        assertRejected(() -> add("B", 3), CartErrorCode.INVALID_QUANTITY);
        assertThat(add("B", 4).lines().get(0).quantity()).isEqualTo(4);
    }

    @Test
    void addItem_overMaximum_quantityLimit() {
        add("A", 5);
        assertRejected(() -> add("A", 1), CartErrorCode.QUANTITY_LIMIT);
    }

    @Test
    void addItem_unknownSku_productNotFound() {
        assertRejected(() -> add("NOPE", 1), CartErrorCode.PRODUCT_NOT_FOUND);
    }

    @Test
    void addItem_unknownSkuWithZeroQuantity_productNotFoundComesFirst() {
        assertRejected(() -> add("NOPE", 0), CartErrorCode.PRODUCT_NOT_FOUND);
    }

    @Test
    void addItem_notSoldInCountry_countryRestricted() {
        assertRejected(() -> add("US-ONLY", 1), CartErrorCode.COUNTRY_RESTRICTED);
    }

    @Test
    void addItem_moreThanStock_outOfStock() {
        world.product("A", "10.00", java.util.Set.of(), 1, 100, 1, 1000);
        add("A", 8);
        assertRejected(() -> add("A", 1), CartErrorCode.OUT_OF_STOCK);
    }

    @Test
    void addItem_priceInOtherCurrency_currencyMismatch() {
        world.pricing.put(new dev.cartflow.model.PriceQuote(new Sku("C"),
                dev.cartflow.model.Money.parse("1.00", java.util.Currency.getInstance("USD")), List.of(), null));
        assertRejected(() -> add("C", 1), CartErrorCode.CURRENCY_MISMATCH);
    }

    @Test
    void addItem_fourthLine_cartLimit() {
        add("A", 1);
        add("B", 2);
        add("C", 1);
        world.product("D", "1.00", java.util.Set.of(), 1, 10, 1, 0);
        assertRejected(() -> add("D", 1), CartErrorCode.CART_LIMIT);
    }

    @Test
    void addItem_overTotalQuantity_cartLimit() {
        assertRejected(() -> add("C", 51), CartErrorCode.CART_LIMIT);
    }

    @Test
    void addItem_overMaxSubtotal_cartLimit() {
        world.product("GOLD", "499.00", java.util.Set.of(), 1, 10, 1, 0);
        add("GOLD", 1);
        assertRejected(() -> add("A", 1), CartErrorCode.CART_LIMIT);
    }

    @Test
    void addItem_hostileSku_invalidInput() {
        assertThatThrownBy(() -> add("bad\u0000sku", 1)).isInstanceOfSatisfying(CartException.class,
                e -> assertThat(e.code()).isEqualTo(CartErrorCode.INVALID_INPUT));
        assertThatThrownBy(() -> add("x".repeat(Sku.MAX_LENGTH + 1), 1)).isInstanceOfSatisfying(CartException.class,
                e -> assertThat(e.code()).isEqualTo(CartErrorCode.INVALID_INPUT));
        assertThatThrownBy(() -> add(" ", 1)).isInstanceOfSatisfying(CartException.class,
                e -> assertThat(e.code()).isEqualTo(CartErrorCode.INVALID_INPUT));
    }

    @Test
    void setQuantity_zero_removesLine() {
        Cart cart = add("A", 2);
        cart = engine.setQuantity(guest.actor(), cart.id(), cart.lines().get(0).id(), 0);
        assertThat(cart.lines()).isEmpty();
    }

    @Test
    void setQuantity_negative_invalidQuantity() {
        Cart cart = add("A", 2);
        assertRejected(() -> engine.setQuantity(guest.actor(), cart.id(), cart.lines().get(0).id(), -2),
                CartErrorCode.INVALID_QUANTITY);
    }

    @Test
    void removeLines_severalAtOnce_removesAll() {
        add("A", 1);
        add("B", 2);
        Cart cart = add("C", 1);
        cart = engine.removeLines(guest.actor(), cart.id(), cart.lines().get(0).id(), cart.lines().get(2).id());
        assertThat(cart.lines()).extracting(l -> l.sku().value()).containsExactly("B");
    }

    @Test
    void bulk_oneBadChange_nothingApplied() {
        Cart cart = add("A", 1);
        LineItem a = cart.lines().get(0);
        assertRejected(() -> engine.execute(guest.actor(), cart.id(), new Bulk(List.of(
                new SetQuantity(a.id(), 3), new AddItem(new Sku("C"), 2), new AddItem(new Sku("B"), 3))),
                Mutation.none()), CartErrorCode.INVALID_QUANTITY);
    }

    @Test
    void bulk_validChanges_appliedInOneVersion() {
        Cart cart = add("A", 1);
        LineItem a = cart.lines().get(0);
        Cart after = engine.execute(guest.actor(), cart.id(), new Bulk(List.of(
                new SetQuantity(a.id(), 3), new AddItem(new Sku("C"), 2), new AddItem(new Sku("B"), 2))),
                Mutation.none());
        assertThat(after.version()).isEqualTo(cart.version() + 1);
        assertThat(after.lines()).extracting(LineItem::quantity).containsExactly(3, 2, 2);
    }

    @Test
    void applyCode_unknown_promotionNotFound() {
        assertRejected(() -> engine.applyCode(guest.actor(), guest.cart().id(), "NOSUCH"),
                CartErrorCode.PROMOTION_NOT_FOUND);
    }

    @Test
    void applyCode_knownInOtherCase_storedOnceInCanonicalCase() {
        engine.applyCode(guest.actor(), guest.cart().id(), "save10");
        Cart cart = engine.applyCode(guest.actor(), guest.cart().id(), "SAVE10");
        assertThat(cart.codes()).containsExactly("SAVE10");
        cart = engine.removeCode(guest.actor(), guest.cart().id(), "Save10");
        assertThat(cart.codes()).isEmpty();
    }

    @Test
    void clear_removesLinesAndCodes() {
        add("A", 1);
        engine.applyCode(guest.actor(), guest.cart().id(), "SAVE10");
        Cart cart = engine.clear(guest.actor(), guest.cart().id());
        assertThat(cart.lines()).isEmpty();
        assertThat(cart.codes()).isEmpty();
    }

    @Test
    void selectShipping_unknownOrTooHeavy_shippingNotAvailable() {
        assertRejected(() -> engine.selectShipping(guest.actor(), guest.cart().id(), "EXPRESS"),
                CartErrorCode.SHIPPING_NOT_AVAILABLE);
        add("A", 5);
        world.product("HEAVY", "1.00", java.util.Set.of(), 1, 10, 1, 4000);
        add("HEAVY", 1);
        assertRejected(() -> engine.selectShipping(guest.actor(), guest.cart().id(), "STD"),
                CartErrorCode.SHIPPING_NOT_AVAILABLE);
    }

    @Test
    void changeCountry_methodDoesNotShipThere_shippingNotAvailable() {
        add("A", 1);
        engine.selectShipping(guest.actor(), guest.cart().id(), "STD");
        assertThat(engine.execute(guest.actor(), guest.cart().id(), new CartCommand.ChangeCountry("AT"),
                Mutation.none()).country()).isEqualTo("AT");
        assertRejected(() -> engine.execute(guest.actor(), guest.cart().id(), new CartCommand.ChangeCountry("FR"),
                Mutation.none()), CartErrorCode.SHIPPING_NOT_AVAILABLE);
    }

    @Test
    void changeCountry_lineNotSoldThere_countryRestricted() {
        world.product("DE-ONLY", "1.00", java.util.Set.of("DE"), 1, 10, 1, 0);
        add("DE-ONLY", 1);
        assertRejected(() -> engine.execute(guest.actor(), guest.cart().id(), new CartCommand.ChangeCountry("AT"),
                Mutation.none()), CartErrorCode.COUNTRY_RESTRICTED);
    }

    @Test
    void setMetadata_object_storedCompact() {
        Cart cart = engine.execute(guest.actor(), guest.cart().id(),
                new CartCommand.SetMetadata("{ \"giftNote\" : \"Happy birthday\" }"), Mutation.none());
        assertThat(cart.metadata()).isEqualTo("{\"giftNote\":\"Happy birthday\"}");
    }

    @Test
    void setMetadata_nonObjectMalformedOrTooLarge_invalidInput() {
        for (String json : List.of("[1,2]", "\"text\"", "{oops", "{\"k\":\"" + "x".repeat(5000) + "\"}")) {
            assertRejected(() -> engine.execute(guest.actor(), guest.cart().id(), new CartCommand.SetMetadata(json),
                    Mutation.none()), CartErrorCode.INVALID_INPUT);
        }
    }

    @Test
    void execute_staleExpectedVersion_versionConflictWithCurrentVersion() {
        add("A", 1);
        assertThatThrownBy(() -> engine.execute(guest.actor(), guest.cart().id(), new AddItem(new Sku("A"), 1),
                Mutation.expecting(1))).isInstanceOfSatisfying(CartException.class, e -> {
                    assertThat(e.code()).isEqualTo(CartErrorCode.VERSION_CONFLICT);
                    assertThat(e.currentVersion()).hasValue(2);
                });
    }

    @Test
    void execute_notActiveBeatsVersionConflict_cartNotActive() {
        add("A", 1);
        world.clock.advance(java.time.Duration.ofDays(31));
        assertRejected(() -> engine.execute(guest.actor(), guest.cart().id(), new AddItem(new Sku("A"), 1),
                Mutation.expecting(1)), CartErrorCode.CART_NOT_ACTIVE);
    }

    @Test
    void get_afterTtl_readsExpired() {
        world.clock.advance(java.time.Duration.ofDays(30));
        assertThat(engine.get(guest.actor(), guest.cart().id()).state()).isEqualTo(dev.cartflow.model.CartState.ACTIVE);
        world.clock.advance(java.time.Duration.ofSeconds(1));
        assertThat(engine.get(guest.actor(), guest.cart().id()).state())
                .isEqualTo(dev.cartflow.model.CartState.EXPIRED);
    }

    @Test
    void execute_activity_extendsExpiry() {
        world.clock.advance(java.time.Duration.ofDays(20));
        add("A", 1);
        world.clock.advance(java.time.Duration.ofDays(20));
        assertThat(engine.get(guest.actor(), guest.cart().id()).state()).isEqualTo(dev.cartflow.model.CartState.ACTIVE);
    }

    @Test
    void execute_acceptedChanges_publishEventsWithSequence() {
        add("A", 1);
        add("A", 1);
        assertThat(world.published).extracting(e -> e.type().name() + "@" + e.sequence())
                .containsExactly("CREATED@1", "LINE_ADDED@2", "QUANTITY_CHANGED@3");
        assertThat(engine.changesSince(guest.actor(), guest.cart().id(), 1)).hasSize(2);
    }

    @Test
    void execute_customerCartCustomGroup_keptOnCart() {
        Actor service = Actor.service("checkout");
        Cart cart = engine.createCustomerCart(service, new dev.cartflow.model.CustomerId("c-1"),
                new NewCart(TestWorld.EUR, "DE", "vip"));
        assertThat(cart.customerGroup()).isEqualTo("vip");
        assertThat(engine.activeCart(service, new dev.cartflow.model.CustomerId("c-1"))).contains(cart);
    }

    @Test
    void setQuantity_lowerButOffStepOrBelowMinimum_rejected() {
        world.product("PAIR", "1.00", java.util.Set.of(), 4, 100, 2, 0);
        Cart cart = add("PAIR", 8);
        LineItem line = cart.lines().get(0);
        assertRejected(() -> engine.setQuantity(guest.actor(), cart.id(), line.id(), 5), CartErrorCode.INVALID_QUANTITY);
        assertRejected(() -> engine.setQuantity(guest.actor(), cart.id(), line.id(), 2), CartErrorCode.QUANTITY_LIMIT);
        assertThat(engine.setQuantity(guest.actor(), cart.id(), line.id(), 4).lines().get(0).quantity()).isEqualTo(4);
    }

    @Test
    void setQuantity_lowerWhenStockIsShort_allowed() {
        Cart cart = add("A", 5);
        world.inventory.setStock(new Sku("A"), "default", 1);
        assertThat(engine.setQuantity(guest.actor(), cart.id(), cart.lines().get(0).id(), 3).lines().get(0).quantity())
                .isEqualTo(3);
    }

    @Test
    void addItem_tooHeavyForSelectedShipping_shippingNotAvailable() {
        add("A", 2);
        engine.selectShipping(guest.actor(), guest.cart().id(), "STD");
        world.product("HEAVY", "1.00", java.util.Set.of(), 1, 10, 1, 2500);
        add("HEAVY", 1);
        assertRejected(() -> add("HEAVY", 1), CartErrorCode.SHIPPING_NOT_AVAILABLE);
    }
}
