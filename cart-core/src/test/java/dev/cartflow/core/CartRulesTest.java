package dev.cartflow.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartflow.core.CartCommand.AddItem;
import dev.cartflow.core.CartCommand.Bulk;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.Money;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.Promotion;
import dev.cartflow.model.Rate;
import dev.cartflow.model.ShippingMethod;
import dev.cartflow.model.Sku;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The cart rules at their edges: events of a change, codes, shipping, clearing and the limits. */
class CartRulesTest {
    private final TestWorld world = new TestWorld();
    private final CartEngine engine = world.builder().limits(new CartLimits(5, 100, null)).build();
    private final CreatedCart guest = engine.createGuestCart(NewCart.of("EUR", "DE"));

    private Cart add(String sku, int qty) {
        return engine.addItem(guest.actor(), guest.cart().id(), new Sku(sku), qty);
    }

    private Cart stored() {
        return world.repository.find(guest.cart().id()).orElseThrow();
    }

    private void assertRejected(Executable call, CartErrorCode code) {
        Cart before = stored();
        assertThatThrownBy(call::execute).isInstanceOfSatisfying(CartException.class,
                e -> assertThat(e.code()).isEqualTo(code));
        assertThat(stored()).isEqualTo(before);
    }

    private List<CartEvent> eventsOf(CartEvent.Type type) {
        return world.published.stream().filter(e -> e.type() == type).toList();
    }

    @Test
    void addItem_existingLine_quantityChangedEventFromOldToNew() {
        add("C", 2);
        add("C", 3);

        assertThat(eventsOf(CartEvent.Type.QUANTITY_CHANGED)).singleElement()
                .satisfies(e -> assertThat(e.data()).containsEntry("from", "2").containsEntry("to", "5"));
    }

    @Test
    void setQuantity_sameQuantity_changesNothing() {
        Cart before = add("C", 2);
        world.published.clear();

        Cart after = engine.setQuantity(guest.actor(), guest.cart().id(), before.lines().get(0).id(), 2);

        assertThat(after).isEqualTo(before);
        assertThat(world.published).isEmpty();
    }

    @Test
    void removeLines_lineNotOnCart_changesNothing() {
        Cart before = add("C", 2);
        world.published.clear();

        Cart after = engine.removeLines(guest.actor(), guest.cart().id(), new dev.cartflow.model.LineId("gone"));

        assertThat(after).isEqualTo(before);
        assertThat(world.published).isEmpty();
    }

    @Test
    void addItem_otherSkuMakesCartTooHeavyForSelectedShipping_shippingNotAvailable() {
        add("A", 4);
        engine.selectShipping(guest.actor(), guest.cart().id(), "STD");

        // A is 4 x 1000 g; 4 x 500 g of B makes 6000 g, over STD's 5000 g; 2 x 500 g makes 5000 g.
        assertRejected(() -> add("B", 4), CartErrorCode.SHIPPING_NOT_AVAILABLE);
        assertThat(add("B", 2).lines()).extracting(l -> l.sku().value()).containsExactly("A", "B");
    }

    @Test
    void addItem_weightlessWhileCartOverLoweredShippingWeight_accepted() {
        world.product("W", "1.00", Set.of(), 1, 10, 1, 0);
        add("A", 4);
        engine.selectShipping(guest.actor(), guest.cart().id(), "STD");
        world.shipping.put(new ShippingMethod("STD", TestWorld.money("4.90"), null, List.of(), 3_000,
                Set.of("DE", "AT")));

        Cart cart = add("W", 1);

        assertThat(cart.lines()).extracting(l -> l.sku().value()).containsExactly("A", "W");
        assertRejected(() -> add("A", 1), CartErrorCode.SHIPPING_NOT_AVAILABLE);
    }

    @Test
    void bulk_priceInOtherCurrencyAndOutOfStock_currencyMismatchFirst() {
        world.pricing.put(new PriceQuote(new Sku("C"), Money.parse("1.00", Currency.getInstance("USD")), List.of(),
                null));
        world.inventory.setStock(new Sku("A"), "default", 4);

        assertRejected(() -> engine.execute(guest.actor(), guest.cart().id(),
                new Bulk(List.of(new AddItem(new Sku("A"), 5), new AddItem(new Sku("C"), 1))), Mutation.none()),
                CartErrorCode.CURRENCY_MISMATCH);
    }

    @Test
    void addItem_exactlyIntegerMaximumUnits_accepted() {
        CartEngine wide = world.builder().limits(new CartLimits(5, Integer.MAX_VALUE, null)).build();
        CreatedCart cart = wide.createGuestCart(NewCart.of("EUR", "DE"));

        Cart result = wide.addItem(cart.actor(), cart.cart().id(), new Sku("C"), Integer.MAX_VALUE);

        assertThat(result.totalQuantity()).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void selectShipping_noneWhenNoneSelected_changesNothing() {
        Cart before = add("C", 1);
        world.published.clear();

        Cart after = engine.selectShipping(guest.actor(), guest.cart().id(), null);

        assertThat(after.version()).isEqualTo(before.version());
        assertThat(world.published).isEmpty();
    }

    @Test
    void selectShipping_noneAfterAMethod_methodCleared() {
        add("C", 1);
        engine.selectShipping(guest.actor(), guest.cart().id(), "STD");

        Cart after = engine.selectShipping(guest.actor(), guest.cart().id(), null);

        assertThat(after.shippingMethod()).isNull();
        assertThat(stored().shippingMethod()).isNull();
        assertThat(eventsOf(CartEvent.Type.SHIPPING_SELECTED)).extracting(e -> e.data().get("method"))
                .containsExactly("STD", "");
    }

    @Test
    void selectShipping_sameMethodAgain_changesNothing() {
        add("C", 1);
        Cart selected = engine.selectShipping(guest.actor(), guest.cart().id(), "STD");

        Cart again = engine.selectShipping(guest.actor(), guest.cart().id(), "STD");

        assertThat(again.version()).isEqualTo(selected.version());
    }

    @Test
    void price_shippingSelected_methodCharged() {
        add("C", 1);
        engine.selectShipping(guest.actor(), guest.cart().id(), "STD");

        assertThat(engine.price(guest.actor(), guest.cart().id()).shipping()).isEqualTo(TestWorld.money("4.90"));
    }

    @Test
    void applyCode_secondDifferentCode_bothKept() {
        addPromotion("P5", "FIVE");
        add("C", 1);
        engine.applyCode(guest.actor(), guest.cart().id(), "SAVE10");

        Cart cart = engine.applyCode(guest.actor(), guest.cart().id(), "five");

        assertThat(cart.codes()).containsExactly("SAVE10", "FIVE");
    }

    @Test
    void removeCode_secondOfTwo_firstKept() {
        addPromotion("P5", "FIVE");
        engine.applyCode(guest.actor(), guest.cart().id(), "SAVE10");
        engine.applyCode(guest.actor(), guest.cart().id(), "FIVE");

        Cart cart = engine.removeCode(guest.actor(), guest.cart().id(), "five");

        assertThat(cart.codes()).containsExactly("SAVE10");
        assertThat(eventsOf(CartEvent.Type.CODE_REMOVED)).singleElement()
                .satisfies(e -> assertThat(e.data()).containsEntry("code", "FIVE"));
    }

    @Test
    void removeCode_absent_changesNothing() {
        Cart before = engine.applyCode(guest.actor(), guest.cart().id(), "SAVE10");

        Cart after = engine.removeCode(guest.actor(), guest.cart().id(), "FIVE");

        assertThat(after.version()).isEqualTo(before.version());
        assertThat(after.codes()).containsExactly("SAVE10");
    }

    @Test
    void clear_cartWithOnlyCodes_codesRemoved() {
        engine.applyCode(guest.actor(), guest.cart().id(), "SAVE10");

        Cart cart = engine.clear(guest.actor(), guest.cart().id());

        assertThat(cart.codes()).isEmpty();
        assertThat(eventsOf(CartEvent.Type.CLEARED)).singleElement()
                .satisfies(e -> assertThat(e.data()).containsEntry("lines", "0"));
    }

    @Test
    void clear_cartWithOnlyLines_linesRemoved() {
        add("C", 1);
        add("B", 2);

        Cart cart = engine.clear(guest.actor(), guest.cart().id());

        assertThat(cart.lines()).isEmpty();
        assertThat(eventsOf(CartEvent.Type.CLEARED)).singleElement()
                .satisfies(e -> assertThat(e.data()).containsEntry("lines", "2"));
    }

    @Test
    void clear_emptyCart_changesNothing() {
        world.published.clear();

        Cart cart = engine.clear(guest.actor(), guest.cart().id());

        assertThat(cart.version()).isEqualTo(guest.cart().version());
        assertThat(world.published).isEmpty();
    }

    private void addPromotion(String id, String code) {
        world.promotions.put(new Promotion(id, code, 0, Promotion.Stacking.STACKABLE, Promotion.Basis.RUNNING,
                Promotion.Target.all(Promotion.Scope.ORDER), new Promotion.Action.Percent(Rate.percent("5")),
                Promotion.Conditions.NONE, null, 0, 0));
    }
}
