package dev.cartflow.docs.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartflow.core.CartEngine;
import dev.cartflow.core.CheckoutResult;
import dev.cartflow.core.CreatedCart;
import dev.cartflow.core.Mutation;
import dev.cartflow.core.NewCart;
import dev.cartflow.core.memory.InMemoryCartRepository;
import dev.cartflow.core.memory.InMemoryCatalog;
import dev.cartflow.core.memory.InMemoryInventory;
import dev.cartflow.core.memory.InMemoryPricing;
import dev.cartflow.core.memory.InMemoryPromotions;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CartState;
import dev.cartflow.model.LineItem;
import dev.cartflow.model.Money;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.PricedCart;
import dev.cartflow.model.Product;
import dev.cartflow.model.Promotion;
import dev.cartflow.model.Rate;
import dev.cartflow.model.Sku;
import dev.cartflow.spi.StockKey;
import java.time.Duration;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The samples of docs/checkout.md: the hand-off, a repeated checkout, a freeze before payment, the host's order. */
class CheckoutSample {
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Sku MUG = Sku.of("MUG");
    private static final StockKey MUG_STOCK = new StockKey(MUG, LineItem.DEFAULT_WAREHOUSE);

    private final InMemoryCartRepository repository = new InMemoryCartRepository();
    private final InMemoryInventory inventory = new InMemoryInventory().setStock(MUG, LineItem.DEFAULT_WAREHOUSE, 10);
    private final InMemoryPricing pricing =
            new InMemoryPricing().put(PriceQuote.of(MUG, Money.parse("12.50", EUR), Rate.parse("0.19")));
    private final List<CartEvent> published = new CopyOnWriteArrayList<>();
    private final CartEngine engine = CartEngine.builder()
            .repository(repository)
            .catalog(new InMemoryCatalog().put(Product.builder(MUG).build()))
            .pricing(pricing)
            .inventory(inventory)                      // an InMemoryInventory also holds the reservations
            .promotions(new InMemoryPromotions().put(Promotion.builder("WELCOME").code("WELCOME")
                    .percentOff("10").maxUses(1).build()))
            .events(published::addAll)
            .build();

    @Test
    void checkout_cartWithSingleUseCode_checkedOutReservedRedeemedAndRepeatAnsweredFromTheStore() {
        CreatedCart created = engine.createGuestCart(NewCart.of("EUR", "DE"));
        Actor guest = created.actor();
        CartId cartId = created.cart().id();
        engine.addItem(guest, cartId, MUG, 3);
        engine.applyCode(guest, cartId, "WELCOME");
        long versionBefore = engine.get(guest, cartId).version();

        // tag::checkout[]
        String orderAttempt = "order-7f3a";                         // the host's own id of this attempt
        CheckoutResult result = engine.checkout(guest, cartId, Mutation.idempotent(orderAttempt));
        Cart frozen = result.cart();                                // CHECKED_OUT, version + 1
        PricedCart charged = result.priced();                       // the final figures to charge
        String reservation = result.reservationId();                // "checkout-<cart id>-<version>"
        List<String> redeemed = result.redeemed();                  // promotions whose use was counted

        CheckoutResult again = engine.checkout(guest, cartId, Mutation.idempotent(orderAttempt)); // a retry
        // end::checkout[]

        assertThat(frozen.state()).isEqualTo(CartState.CHECKED_OUT);
        assertThat(frozen.version()).isEqualTo(versionBefore + 1);
        Money gross = Money.parse("12.50", EUR).times(3);
        assertThat(charged.subtotal()).isEqualTo(gross);
        assertThat(charged.discount().minor()).isPositive();
        assertThat(reservation).isEqualTo("checkout-" + cartId + "-" + versionBefore);
        assertThat(redeemed).containsExactly("WELCOME");
        assertThat(again).isEqualTo(result);
        assertThat(inventory.available(Set.of(MUG_STOCK))).containsEntry(MUG_STOCK, 7L);
        assertThat(published).filteredOn(e -> e.type() == CartEvent.Type.CHECKED_OUT).singleElement()
                .satisfies(e -> assertThat(e.data()).containsEntry("total", charged.total().toDecimalString()));
    }

    @Test
    void checkout_secondCheckoutWithAnotherKeyOrNone_cartNotActive() {
        CreatedCart created = engine.createGuestCart(NewCart.of("EUR", "DE"));
        engine.addItem(created.actor(), created.cart().id(), MUG, 1);
        engine.checkout(created.actor(), created.cart().id(), Mutation.idempotent("first"));

        for (Mutation other : List.of(Mutation.idempotent("second"), Mutation.none())) {
            assertThatThrownBy(() -> engine.checkout(created.actor(), created.cart().id(), other))
                    .isInstanceOfSatisfying(CartException.class,
                            e -> assertThat(e.code()).isEqualTo(CartErrorCode.CART_NOT_ACTIVE));
        }
    }

    @Test
    void checkout_frozenCartWhosePriceRoseMeanwhile_chargesTheFrozenFigures() {
        CreatedCart created = engine.createGuestCart(NewCart.of("EUR", "DE"));
        Actor actor = created.actor();
        CartId cartId = created.cart().id();
        engine.addItem(actor, cartId, MUG, 2);

        // tag::freeze[]
        Cart held = engine.freeze(actor, cartId, Duration.ofMinutes(20), Mutation.none()); // before the payment page
        PricedCart shown = engine.price(actor, cartId);              // the frozen figures, no provider asked
        // ... the shopper pays shown.total() ...
        CheckoutResult order = engine.checkout(actor, cartId, Mutation.idempotent("pay-" + held.version()));
        // end::freeze[]

        assertThat(order.priced().total()).isEqualTo(shown.total());
        assertThat(order.cart().state()).isEqualTo(CartState.CHECKED_OUT);
    }

    @Test
    void checkout_priceRaisedAfterTheFreeze_stillChargesTheFrozenTotal() {
        CreatedCart created = engine.createGuestCart(NewCart.of("EUR", "DE"));
        engine.addItem(created.actor(), created.cart().id(), MUG, 2);
        PricedCart shown = engine.price(created.actor(), engine.freeze(created.actor(), created.cart().id(), null,
                Mutation.none()).id());

        pricing.put(PriceQuote.of(MUG, Money.parse("99.00", EUR), Rate.parse("0.19")));
        CheckoutResult order = engine.checkout(created.actor(), created.cart().id(), Mutation.none());

        assertThat(order.priced().total()).isEqualTo(shown.total());
    }

    @Test
    void release_hostCancelsTheOrder_unitsAreFreeAgain() {
        CreatedCart created = engine.createGuestCart(NewCart.of("EUR", "DE"));
        engine.addItem(created.actor(), created.cart().id(), MUG, 4);
        CheckoutResult result = engine.checkout(created.actor(), created.cart().id(), Mutation.none());
        assertThat(inventory.available(Set.of(MUG_STOCK))).containsEntry(MUG_STOCK, 6L);

        // tag::release[]
        inventory.release(result.reservationId());   // the order was cancelled: give the units back
        // end::release[]

        assertThat(inventory.available(Set.of(MUG_STOCK))).isEqualTo(Map.of(MUG_STOCK, 10L));
    }
}
