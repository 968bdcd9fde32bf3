package dev.cartflow.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartflow.core.merge.MergePolicy;
import dev.cartflow.core.merge.MergeRequest;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.PricedCart;
import dev.cartflow.model.Rate;
import dev.cartflow.model.Sku;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Freezing before payment on the in-memory engine: figures fixed, lines locked, the end re-prices. */
class CartFreezeTest {
    private final TestWorld world = new TestWorld();
    private final CartEngine engine = world.engine();
    private final CreatedCart guest = engine.createGuestCart(NewCart.of("EUR", "DE"));

    private Cart filled() {
        engine.addItem(guest.actor(), guest.cart().id(), new Sku("A"), 2);
        return engine.applyCode(guest.actor(), guest.cart().id(), "SAVE10");
    }

    private void reprice(String sku, String price) {
        world.pricing.put(new PriceQuote(new Sku(sku), TestWorld.money(price), List.of(Rate.parse("0.19")), null));
    }

    private Optional<Cart> stored() {
        return world.repository.find(guest.cart().id());
    }

    @Test
    void freeze_catalogPriceChangesAfterwards_priceReturnsTheFrozenFigures() {
        filled();
        PricedCart before = engine.price(guest.actor(), guest.cart().id());

        Cart frozen = engine.freeze(guest.actor(), guest.cart().id(), null, Mutation.none());
        reprice("A", "12.00");

        assertThat(frozen.freeze().until()).isEqualTo(world.clock.instant().plus(Duration.ofMinutes(15)));
        PricedCart priced = engine.price(guest.actor(), guest.cart().id());
        assertThat(priced.total()).isEqualTo(before.total());
        assertThat(priced.cart().version()).isEqualTo(frozen.version());
        assertThat(priced.priceChanges()).isEmpty();
        assertThat(world.published).anyMatch(e -> e.type() == CartEvent.Type.FROZEN
                && before.total().toDecimalString().equals(e.data().get("total")));
    }

    static Stream<CartCommand> changes() {
        return Stream.of(new CartCommand.AddItem(new Sku("C"), 1), new CartCommand.Clear(),
                new CartCommand.ApplyCode("SAVE10"), new CartCommand.RemoveCode("SAVE10"),
                new CartCommand.SelectShipping("STD"), new CartCommand.ChangeCountry("AT"),
                new CartCommand.SetMetadata("{\"gift\":true}"));
    }

    @ParameterizedTest
    @MethodSource("changes")
    void execute_frozenCart_cartNotActiveAndNothingChanges(CartCommand command) {
        filled();
        engine.freeze(guest.actor(), guest.cart().id(), null, Mutation.none());
        Optional<Cart> before = stored();

        assertThatThrownBy(() -> engine.execute(guest.actor(), guest.cart().id(), command, Mutation.none()))
                .isInstanceOfSatisfying(CartException.class,
                        e -> assertThat(e.code()).isEqualTo(CartErrorCode.CART_NOT_ACTIVE));
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void execute_frozenCartWithStaleVersion_cartNotActiveBeforeVersionConflict() {
        filled();
        Cart cart = engine.freeze(guest.actor(), guest.cart().id(), null, Mutation.none());

        assertThatThrownBy(() -> engine.execute(guest.actor(), guest.cart().id(), new CartCommand.Clear(),
                Mutation.expecting(cart.version() - 1))).isInstanceOfSatisfying(CartException.class,
                        e -> assertThat(e.code()).isEqualTo(CartErrorCode.CART_NOT_ACTIVE));
    }

    @Test
    void checkout_frozenCartAfterAPriceRise_chargesTheFrozenFiguresAndReservesStock() {
        filled();
        PricedCart before = engine.price(guest.actor(), guest.cart().id());
        engine.freeze(guest.actor(), guest.cart().id(), null, Mutation.none());
        reprice("A", "12.00");

        CheckoutResult result = engine.checkout(guest.actor(), guest.cart().id(), Mutation.none());

        assertThat(result.priced().total()).isEqualTo(before.total());
        assertThat(result.cart().state()).isEqualTo(dev.cartflow.model.CartState.CHECKED_OUT);
        assertThat(world.inventory.available(java.util.Set.of(new dev.cartflow.spi.StockKey(new Sku("A"), "default"))))
                .containsValue(6L);
    }

    @Test
    void price_pastTheFreezeTime_repricesAndReportsChangesAgainstTheFrozenPrices() {
        filled();
        engine.freeze(guest.actor(), guest.cart().id(), Duration.ofMinutes(10), Mutation.none());
        reprice("A", "12.00");
        world.clock.advance(Duration.ofMinutes(10));

        PricedCart priced = engine.price(guest.actor(), guest.cart().id());

        assertThat(priced.subtotal()).isEqualTo(TestWorld.money("24.00"));
        assertThat(priced.priceChanges()).singleElement().satisfies(c -> {
            assertThat(c.previous()).isEqualTo(TestWorld.money("10.00"));
            assertThat(c.current()).isEqualTo(TestWorld.money("12.00"));
        });
    }

    @Test
    void execute_pastTheFreezeTime_changeAcceptedAndTheFreezeDroppedWithUnfrozen() {
        filled();
        engine.freeze(guest.actor(), guest.cart().id(), Duration.ofMinutes(10), Mutation.none());
        world.clock.advance(Duration.ofMinutes(11));

        Cart changed = engine.addItem(guest.actor(), guest.cart().id(), new Sku("C"), 1);

        assertThat(changed.freeze()).isNull();
        CartEvent unfrozen = world.published.stream().filter(e -> e.type() == CartEvent.Type.UNFROZEN)
                .findFirst().orElseThrow();
        assertThat(unfrozen.data()).containsEntry("reason", "EXPIRED");
        assertThat(unfrozen.sequence()).isEqualTo(changed.version());
    }

    @Test
    void unfreeze_frozenCart_changesAllowedAgain() {
        filled();
        engine.freeze(guest.actor(), guest.cart().id(), null, Mutation.none());

        Cart unfrozen = engine.unfreeze(guest.actor(), guest.cart().id(), Mutation.none());

        assertThat(unfrozen.freeze()).isNull();
        assertThat(engine.addItem(guest.actor(), guest.cart().id(), new Sku("C"), 1).lines()).hasSize(2);
        assertThat(world.published).anyMatch(e -> e.type() == CartEvent.Type.UNFROZEN
                && "REQUESTED".equals(e.data().get("reason")));
    }

    @Test
    void freezeAndUnfreeze_repeated_changeNothing() {
        filled();
        Cart frozen = engine.freeze(guest.actor(), guest.cart().id(), null, Mutation.none());

        assertThat(engine.freeze(guest.actor(), guest.cart().id(), Duration.ofHours(1), Mutation.none()))
                .isEqualTo(frozen);
        Cart unfrozen = engine.unfreeze(guest.actor(), guest.cart().id(), Mutation.none());
        assertThat(engine.unfreeze(guest.actor(), guest.cart().id(), Mutation.none())).isEqualTo(unfrozen);
    }

    @Test
    void freeze_badDurationOrEmptyCart_invalidInputAndNothingChanges() {
        Optional<Cart> empty = stored();
        assertThatThrownBy(() -> engine.freeze(guest.actor(), guest.cart().id(), null, Mutation.none()))
                .isInstanceOfSatisfying(CartException.class,
                        e -> assertThat(e.code()).isEqualTo(CartErrorCode.INVALID_INPUT));
        assertThat(stored()).isEqualTo(empty);
        filled();
        Optional<Cart> before = stored();
        for (Duration bad : List.of(Duration.ZERO, Duration.ofMinutes(-1), Duration.ofHours(3))) {
            assertThatThrownBy(() -> engine.freeze(guest.actor(), guest.cart().id(), bad, Mutation.none()))
                    .isInstanceOfSatisfying(CartException.class,
                            e -> assertThat(e.code()).isEqualTo(CartErrorCode.INVALID_INPUT));
        }
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void freeze_lineWithoutAProduct_productNotFound() {
        filled();
        world.catalog.remove(new Sku("A"));
        Optional<Cart> before = stored();

        assertThatThrownBy(() -> engine.freeze(guest.actor(), guest.cart().id(), null, Mutation.none()))
                .isInstanceOfSatisfying(CartException.class,
                        e -> assertThat(e.code()).isEqualTo(CartErrorCode.PRODUCT_NOT_FOUND));
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void merge_intoAFrozenCustomerCart_cartNotActiveAndNothingChanges() {
        CustomerId alice = new CustomerId("alice");
        Cart alices = engine.createCustomerCart(Actor.customer(alice), alice, NewCart.of("EUR", "DE"));
        engine.addItem(Actor.customer(alice), alices.id(), new Sku("C"), 1);
        engine.freeze(Actor.customer(alice), alices.id(), null, Mutation.none());
        filled();
        Optional<Cart> guestBefore = stored();
        Optional<Cart> aliceBefore = world.repository.find(alices.id());

        assertThatThrownBy(() -> engine.merge(Actor.customer(alice), new MergeRequest(guest.cart().id(),
                guest.token(), alice, MergePolicy.SUM))).isInstanceOfSatisfying(CartException.class,
                        e -> assertThat(e.code()).isEqualTo(CartErrorCode.CART_NOT_ACTIVE));
        assertThat(stored()).isEqualTo(guestBefore);
        assertThat(world.repository.find(alices.id())).isEqualTo(aliceBefore);
    }

    @Test
    void freeze_lineAddedWhileItPrices_retriesAndFreezesTheFiguresOfTheStoredLines() {
        java.util.concurrent.atomic.AtomicBoolean raced = new java.util.concurrent.atomic.AtomicBoolean();
        CartEngine racing = world.builder().catalog(skus -> {
            // a second device adds a line between the freeze's read and its write
            if (raced.compareAndSet(false, true)) {
                engine.addItem(guest.actor(), guest.cart().id(), new Sku("C"), 3);
            }
            return world.catalog.products(skus);
        }).build();
        engine.addItem(guest.actor(), guest.cart().id(), new Sku("A"), 1);

        Cart frozen = racing.freeze(guest.actor(), guest.cart().id(), null, Mutation.none());

        assertThat(frozen.lines()).hasSize(2);
        assertThat(frozen.freeze().figures().subtotal()).isEqualTo(TestWorld.money("13.00"));
        assertThat(engine.price(guest.actor(), guest.cart().id()).lines()).hasSize(2);
    }

    @Test
    void freeze_strictVersionRacedByAChange_versionConflictAndNotFrozen() {
        Cart cart = engine.addItem(guest.actor(), guest.cart().id(), new Sku("A"), 1);
        engine.addItem(guest.actor(), guest.cart().id(), new Sku("C"), 1);

        assertThatThrownBy(() -> engine.freeze(guest.actor(), guest.cart().id(), null,
                Mutation.expecting(cart.version()))).isInstanceOfSatisfying(CartException.class,
                        e -> assertThat(e.code()).isEqualTo(CartErrorCode.VERSION_CONFLICT));
        assertThat(stored().orElseThrow().freeze()).isNull();
    }
}
