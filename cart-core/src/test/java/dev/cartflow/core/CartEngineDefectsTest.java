package dev.cartflow.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartflow.core.CartCommand.AddItem;
import dev.cartflow.core.CartCommand.Bulk;
import dev.cartflow.core.CartCommand.SetMetadata;
import dev.cartflow.core.memory.InMemoryPromotionUsageStore;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CartOwner;
import dev.cartflow.model.CartState;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.LineItem;
import dev.cartflow.model.Money;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.PricedCart;
import dev.cartflow.model.Product;
import dev.cartflow.model.Promotion;
import dev.cartflow.model.Rate;
import dev.cartflow.model.Sku;
import dev.cartflow.spi.CartWrite;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Regression tests for the defects of issue 9 that live in the engine, each named after what broke. */
class CartEngineDefectsTest {
    private final TestWorld world = new TestWorld();

    private static CartErrorCode code(Executable call) {
        try {
            call.execute();
        } catch (CartException e) {
            return e.code();
        } catch (Throwable t) {
            throw new AssertionError("not a CartException: " + t, t);
        }
        throw new AssertionError("no failure");
    }

    @Test
    void setMetadata_malformedOnCheckedOutCartWithStaleVersion_invalidInputReportedFirst() {
        CartEngine engine = world.engine();
        CreatedCart cart = engine.createGuestCart(NewCart.of("EUR", "DE"));
        engine.addItem(cart.actor(), cart.cart().id(), Sku.of("A"), 1);
        engine.checkout(cart.actor(), cart.cart().id(), Mutation.none());
        Cart before = world.repository.find(cart.cart().id()).orElseThrow();

        assertThat(code(() -> engine.execute(cart.actor(), cart.cart().id(), new SetMetadata("{\"a\":"),
                Mutation.expecting(1)))).isEqualTo(CartErrorCode.INVALID_INPUT);
        assertThat(world.repository.find(cart.cart().id())).contains(before);
    }

    @Test
    void setMetadata_tooLargeFromStranger_invalidInputBeforeAccessDenied() {
        CartEngine engine = world.builder().maxMetadataBytes(16).build();
        CreatedCart cart = engine.createGuestCart(NewCart.of("EUR", "DE"));

        assertThat(code(() -> engine.execute(Actor.guest("not-the-token"), cart.cart().id(),
                new SetMetadata("{\"note\":\"far too long for sixteen bytes\"}"), Mutation.none())))
                .isEqualTo(CartErrorCode.INVALID_INPUT);
        assertThat(code(() -> engine.execute(Actor.guest("not-the-token"), cart.cart().id(),
                new SetMetadata("{}"), Mutation.none()))).isEqualTo(CartErrorCode.ACCESS_DENIED);
    }

    private CartEngine engineWithExpensiveProduct(CartLimits limits) {
        world.catalog.put(new Product(Sku.of("GOLD"), null, null, 0, Set.of(), 1, Integer.MAX_VALUE, 1));
        // 10^16 minor units: a hundred of them no longer fit in a long
        world.pricing.put(new PriceQuote(Sku.of("GOLD"), Money.ofMinor(10_000_000_000_000_000L, TestWorld.EUR),
                List.of(), null));
        return world.builder().limits(limits).build();
    }

    @Test
    void addItem_lineAmountOverflowsLong_invalidInputCartUnchanged() {
        CartEngine engine = engineWithExpensiveProduct(new CartLimits(10, 100_000, null));
        CreatedCart cart = engine.createGuestCart(NewCart.of("EUR", "DE"));
        Cart before = engine.addItem(cart.actor(), cart.cart().id(), Sku.of("C"), 1);

        assertThat(code(() -> engine.addItem(cart.actor(), cart.cart().id(), Sku.of("GOLD"), 1000)))
                .isEqualTo(CartErrorCode.INVALID_INPUT);
        assertThat(world.repository.find(cart.cart().id())).contains(before);
        assertThat(engine.price(cart.actor(), cart.cart().id()).subtotal().toDecimalString()).isEqualTo("1.00");
    }

    @Test
    void addItem_subtotalOverflowsLongOverTwoLines_invalidInputCartStillPriceable() {
        CartEngine engine = engineWithExpensiveProduct(new CartLimits(10, 100_000, null));
        CreatedCart cart = engine.createGuestCart(NewCart.of("EUR", "DE"));
        Cart before = engine.addItem(cart.actor(), cart.cart().id(), Sku.of("GOLD"), 500);

        assertThat(code(() -> engine.execute(cart.actor(), cart.cart().id(),
                new AddItem(Sku.of("GOLD"), 500, "north"), Mutation.none()))).isEqualTo(CartErrorCode.INVALID_INPUT);
        assertThat(world.repository.find(cart.cart().id())).contains(before);
        assertThat(engine.price(cart.actor(), cart.cart().id()).subtotal().minor())
                .isEqualTo(5_000_000_000_000_000_000L);
    }

    @Test
    void addItem_lineAmountOverflowsLongWithSubtotalLimit_cartLimit() {
        CartEngine engine = engineWithExpensiveProduct(new CartLimits(10, 100_000, TestWorld.money("500.00")));
        CreatedCart cart = engine.createGuestCart(NewCart.of("EUR", "DE"));

        assertThat(code(() -> engine.addItem(cart.actor(), cart.cart().id(), Sku.of("GOLD"), 1000)))
                .isEqualTo(CartErrorCode.CART_LIMIT);
        assertThat(world.repository.find(cart.cart().id()).orElseThrow().lines()).isEmpty();
    }

    @Test
    void addItem_overflowAndOutOfStockInOneBulk_invalidInputFirst() {
        CartEngine engine = engineWithExpensiveProduct(new CartLimits(10, 100_000, null));
        CreatedCart cart = engine.createGuestCart(NewCart.of("EUR", "DE"));

        assertThat(code(() -> engine.execute(cart.actor(), cart.cart().id(), new Bulk(List.of(
                new AddItem(Sku.of("A"), 9), new AddItem(Sku.of("GOLD"), 1000))), Mutation.none())))
                .isEqualTo(CartErrorCode.INVALID_INPUT);
    }

    @Test
    void purgeExpired_activeCartExpired_expiredEventSavedThroughRepositoryBeforeDelete() {
        List<String> calls = new ArrayList<>();
        List<CartWrite> writes = new ArrayList<>();
        dev.cartflow.spi.CartStorage storage = new RecordingStorage(world.repository, calls, writes);
        CartEngine engine = world.builder().repository(storage).guestTtl(Duration.ofDays(1)).build();
        CreatedCart cart = engine.createGuestCart(NewCart.of("EUR", "DE"));
        world.clock.advance(Duration.ofDays(3));
        calls.clear();
        writes.clear();

        assertThat(engine.maintenance().purgeExpired(Duration.ofDays(1), 10)).isEqualTo(1);

        assertThat(calls).containsExactly("findExpiringBefore", "save", "delete");
        CartWrite expired = writes.get(0);
        assertThat(expired.cart().state()).isEqualTo(CartState.EXPIRED);
        assertThat(expired.expectedVersion()).isEqualTo(cart.cart().version());
        assertThat(expired.events()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(CartEvent.Type.EXPIRED);
            assertThat(e.sequence()).isEqualTo(cart.cart().version() + 1);
        });
        assertThat(world.published).extracting(CartEvent::type).contains(CartEvent.Type.EXPIRED);
    }

    @Test
    void checkout_guestCart_promotionUsageToldTheOwnerNotANullCustomer() {
        List<CartOwner> owners = new ArrayList<>();
        InMemoryPromotionUsageStore store = new InMemoryPromotionUsageStore();
        dev.cartflow.spi.PromotionUsageStore usage = new dev.cartflow.spi.PromotionUsageStore() {
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
        world.promotions.put(new Promotion("ONCE-EACH", null, 0, Promotion.Stacking.STACKABLE,
                Promotion.Basis.RUNNING, Promotion.Target.all(Promotion.Scope.ITEMS),
                new Promotion.Action.Percent(Rate.percent("5")), Promotion.Conditions.NONE, null, 0, 1));
        // Guests without an identity are counted per token only when the policy says so.
        CartEngine engine = world.builder().promotionUsage(usage).security(dev.cartflow.core.security.SecurityPolicy
                .builder().unidentifiedGuests(dev.cartflow.core.security.SecurityPolicy.UnidentifiedGuests.COUNT_PER_TOKEN)
                .build()).build();
        CreatedCart cart = engine.createGuestCart(NewCart.of("EUR", "DE"));
        engine.addItem(cart.actor(), cart.cart().id(), Sku.of("A"), 1);

        CheckoutResult result = engine.checkout(cart.actor(), cart.cart().id(), Mutation.none());

        assertThat(result.redeemed()).containsExactly("ONCE-EACH");
        assertThat(owners).hasSize(2).allSatisfy(owner -> assertThat(owner).isEqualTo(cart.cart().owner()));
    }

    @Test
    void get_productVanishedFromCatalog_stillReads() {
        CartEngine engine = world.engine();
        CreatedCart cart = engine.createGuestCart(NewCart.of("EUR", "DE"));
        engine.addItem(cart.actor(), cart.cart().id(), Sku.of("A"), 1);
        engine.addItem(cart.actor(), cart.cart().id(), Sku.of("C"), 1);
        world.catalog.remove(Sku.of("C"));

        assertThat(engine.get(cart.actor(), cart.cart().id()).lines()).hasSize(2);
    }

    @Test
    void checkout_productVanishedFromCatalog_productNotFoundCartStaysActive() {
        CartEngine engine = world.engine();
        CreatedCart cart = engine.createGuestCart(NewCart.of("EUR", "DE"));
        engine.addItem(cart.actor(), cart.cart().id(), Sku.of("A"), 1);
        Cart before = engine.addItem(cart.actor(), cart.cart().id(), Sku.of("C"), 1);
        world.catalog.remove(Sku.of("C"));

        assertThatThrownBy(() -> engine.checkout(cart.actor(), cart.cart().id(), Mutation.none()))
                .isInstanceOfSatisfying(CartException.class,
                        e -> assertThat(e.code()).isEqualTo(CartErrorCode.PRODUCT_NOT_FOUND));
        assertThat(world.repository.find(cart.cart().id())).contains(before);
    }

    @Test
    void price_productVanishedFromCatalog_pricesTheOtherLinesAndFlagsIt() {
        CartEngine engine = world.engine();
        CreatedCart cart = engine.createGuestCart(NewCart.of("EUR", "DE"));
        engine.addItem(cart.actor(), cart.cart().id(), Sku.of("A"), 1);
        PricedCart onlyA = engine.price(cart.actor(), cart.cart().id());
        Cart both = engine.addItem(cart.actor(), cart.cart().id(), Sku.of("C"), 1);
        world.catalog.remove(Sku.of("C"));

        PricedCart priced = engine.price(cart.actor(), cart.cart().id());

        assertThat(priced.allLinesPriced()).isFalse();
        assertThat(priced.unavailableLines()).containsExactly(both.line(Sku.of("C"), LineItem.DEFAULT_WAREHOUSE)
                .orElseThrow().id());
        assertThat(priced.total()).isEqualTo(onlyA.total());
    }

    @Test
    void checkout_priceVanished_productNotFoundCartStaysActive() {
        CartEngine engine = world.engine();
        CreatedCart cart = engine.createGuestCart(NewCart.of("EUR", "DE"));
        engine.addItem(cart.actor(), cart.cart().id(), Sku.of("A"), 1);
        Cart before = engine.addItem(cart.actor(), cart.cart().id(), Sku.of("C"), 1);
        world.pricing.remove(Sku.of("C"));

        assertThatThrownBy(() -> engine.checkout(cart.actor(), cart.cart().id(), Mutation.none()))
                .isInstanceOfSatisfying(CartException.class,
                        e -> assertThat(e.code()).isEqualTo(CartErrorCode.PRODUCT_NOT_FOUND));
        assertThat(world.repository.find(cart.cart().id())).contains(before);
        assertThat(engine.get(cart.actor(), cart.cart().id()).state()).isEqualTo(CartState.ACTIVE);
    }
}
