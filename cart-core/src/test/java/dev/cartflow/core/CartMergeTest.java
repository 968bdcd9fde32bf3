package dev.cartflow.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartflow.core.merge.MergeLine;
import dev.cartflow.core.merge.MergePolicy;
import dev.cartflow.core.merge.MergeRequest;
import dev.cartflow.core.merge.MergeResult;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartState;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.LineItem;
import dev.cartflow.model.Sku;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CartMergeTest {
    private final TestWorld world = new TestWorld();
    private final CartEngine engine = world.builder().limits(new CartLimits(4, 100, null)).build();
    private final CustomerId alice = new CustomerId("alice");
    private final Actor aliceActor = Actor.customer(alice);

    private CreatedCart guestWith(String sku, int qty) {
        CreatedCart guest = engine.createGuestCart(NewCart.of("EUR", "DE"));
        engine.addItem(guest.actor(), guest.cart().id(), new Sku(sku), qty);
        return guest;
    }

    private Cart customerWith(String sku, int qty) {
        Cart cart = engine.createCustomerCart(aliceActor, alice, NewCart.of("EUR", "DE"));
        return engine.addItem(aliceActor, cart.id(), new Sku(sku), qty);
    }

    private MergeRequest request(CreatedCart guest, MergePolicy policy) {
        return new MergeRequest(guest.cart().id(), guest.token(), alice, policy);
    }

    private static int quantity(Cart cart, String sku) {
        return cart.lines().stream().filter(l -> l.sku().value().equals(sku)).mapToInt(LineItem::quantity).sum();
    }

    @ParameterizedTest
    @CsvSource({"SUM,5", "MAX,3", "GUEST_WINS,2", "CUSTOMER_WINS,3"})
    void merge_skuInBothCarts_policyDecidesQuantity(MergePolicy policy, int expected) {
        customerWith("C", 3);
        CreatedCart guest = guestWith("C", 2);
        engine.addItem(guest.actor(), guest.cart().id(), new Sku("B"), 2);

        MergeResult result = engine.merge(aliceActor, request(guest, policy));

        assertThat(quantity(result.cart(), "C")).isEqualTo(expected);
        assertThat(quantity(result.cart(), "B")).isEqualTo(2);
        assertThat(engine.get(guest.actor(), guest.cart().id()).state()).isEqualTo(CartState.MERGED);
        assertThat(engine.activeCart(aliceActor, alice).orElseThrow()).isEqualTo(result.cart());
    }

    @Test
    void merge_overMaximumAndStock_clampedAndReported() {
        customerWith("A", 4);
        CreatedCart guest = guestWith("A", 3);
        MergeResult result = engine.merge(aliceActor, request(guest, MergePolicy.SUM));
        // A: max 5 per line, 8 in stock: 4 + 3 = 7 is clamped to 5.
        assertThat(quantity(result.cart(), "A")).isEqualTo(5);
        assertThat(result.lines()).singleElement().satisfies(l -> {
            assertThat(l.outcome()).isEqualTo(MergeLine.Outcome.CLAMPED);
            assertThat(l.reason()).isEqualTo("QUANTITY_LIMIT");
        });
    }

    @Test
    void merge_productGoneOrStockGone_lineDroppedSignInSucceeds() {
        customerWith("C", 1);
        CreatedCart guest = guestWith("B", 2);
        world.product("LOCAL", "1.00", Set.of("DE"), 1, 10, 1, 0);
        engine.addItem(guest.actor(), guest.cart().id(), new Sku("LOCAL"), 1);
        world.catalog.remove(new Sku("B"));
        world.inventory.setStock(new Sku("LOCAL"), "default", 0);

        MergeResult result = engine.merge(aliceActor, request(guest, MergePolicy.SUM));

        assertThat(result.cart().lines()).extracting(l -> l.sku().value()).containsExactly("C");
        assertThat(result.dropped()).extracting(MergeLine::reason).containsExactly("PRODUCT_NOT_FOUND", "OUT_OF_STOCK");
    }

    @Test
    void merge_tooManyLines_lastCopiedLinesDropped() {
        customerWith("C", 1);
        CreatedCart guest = guestWith("A", 1);
        world.product("D", "1.00", Set.of(), 1, 10, 1, 0);
        world.product("E", "1.00", Set.of(), 1, 10, 1, 0);
        engine.addItem(guest.actor(), guest.cart().id(), new Sku("B"), 2);
        engine.addItem(guest.actor(), guest.cart().id(), new Sku("D"), 1);
        engine.addItem(guest.actor(), guest.cart().id(), new Sku("E"), 1);

        MergeResult result = engine.merge(aliceActor, request(guest, MergePolicy.SUM));

        assertThat(result.cart().lines()).hasSize(4);
        assertThat(result.dropped()).extracting(l -> l.sku().value() + ":" + l.reason()).containsExactly("E:CART_LIMIT");
    }

    @Test
    void merge_codesUnitedShippingKept() {
        Cart customer = customerWith("C", 1);
        CreatedCart guest = guestWith("C", 1);
        engine.applyCode(guest.actor(), guest.cart().id(), "SAVE10");
        engine.selectShipping(guest.actor(), guest.cart().id(), "STD");
        MergeResult result = engine.merge(aliceActor, request(guest, MergePolicy.SUM));
        assertThat(result.cart().codes()).containsExactly("SAVE10");
        assertThat(result.cart().shippingMethod()).isEqualTo("STD");
        assertThat(result.cart().id()).isEqualTo(customer.id());
    }

    @Test
    void merge_noCustomerCart_guestCartBecomesTheirs() {
        CreatedCart guest = guestWith("C", 2);
        MergeResult result = engine.merge(aliceActor, request(guest, MergePolicy.SUM));
        assertThat(result.cart().id()).isEqualTo(guest.cart().id());
        assertThat(result.cart().customerId()).contains(alice);
        assertThat(result.cart().state()).isEqualTo(CartState.ACTIVE);
        assertThat(engine.get(aliceActor, guest.cart().id()).lines()).hasSize(1);
    }

    @Test
    void merge_again_returnsSameResultAndChangesNothing() {
        customerWith("C", 1);
        CreatedCart guest = guestWith("C", 2);
        MergeResult first = engine.merge(aliceActor, request(guest, MergePolicy.SUM));
        MergeResult again = engine.merge(aliceActor, request(guest, MergePolicy.SUM));
        assertThat(again).isEqualTo(first);
        assertThat(engine.get(aliceActor, first.cart().id())).isEqualTo(first.cart());
    }

    @Test
    void merge_otherCustomerReplaying_accessDenied() {
        CreatedCart guest = guestWith("C", 2);
        engine.merge(aliceActor, request(guest, MergePolicy.SUM));
        CustomerId mallory = new CustomerId("mallory");
        assertThatThrownBy(() -> engine.merge(Actor.customer(mallory),
                new MergeRequest(guest.cart().id(), guest.token(), mallory, MergePolicy.SUM)))
                .isInstanceOfSatisfying(CartException.class,
                        e -> assertThat(e.code()).isEqualTo(CartErrorCode.ACCESS_DENIED));
    }

    @Test
    void merge_wrongGuestToken_accessDeniedNothingChanged() {
        Cart customer = customerWith("C", 1);
        CreatedCart guest = guestWith("C", 2);
        assertThatThrownBy(() -> engine.merge(aliceActor,
                new MergeRequest(guest.cart().id(), "stolen?", alice, MergePolicy.SUM)))
                .isInstanceOfSatisfying(CartException.class,
                        e -> assertThat(e.code()).isEqualTo(CartErrorCode.ACCESS_DENIED));
        assertThat(world.repository.find(customer.id())).contains(customer);
    }

    @Test
    void merge_differentCurrencies_currencyMismatchNothingChanged() {
        Cart customer = customerWith("C", 1);
        CreatedCart guest = engine.createGuestCart(NewCart.of("USD", "DE"));
        assertThatThrownBy(() -> engine.merge(aliceActor, request(guest, MergePolicy.SUM)))
                .isInstanceOfSatisfying(CartException.class,
                        e -> assertThat(e.code()).isEqualTo(CartErrorCode.CURRENCY_MISMATCH));
        assertThat(world.repository.find(customer.id())).contains(customer);
        assertThat(world.repository.find(guest.cart().id())).contains(guest.cart());
    }

    @Test
    void previewMerge_changesNothingAndMatchesMerge() {
        Cart customer = customerWith("C", 3);
        CreatedCart guest = guestWith("C", 2);
        Cart guestBefore = world.repository.find(guest.cart().id()).orElseThrow();

        MergeResult preview = engine.previewMerge(aliceActor, request(guest, MergePolicy.MAX));

        assertThat(preview.preview()).isTrue();
        assertThat(world.repository.find(customer.id())).contains(customer);
        assertThat(world.repository.find(guest.cart().id())).contains(guestBefore);
        MergeResult merged = engine.merge(aliceActor, request(guest, MergePolicy.MAX));
        assertThat(merged.lines()).isEqualTo(preview.lines());
        assertThat(merged.cart().lines()).isEqualTo(preview.cart().lines());
    }

    @Test
    void merge_sumOverUnitLimit_combinedLineClamped() {
        CartEngine small = world.builder().limits(new CartLimits(4, 10, null)).build();
        Cart customer = small.createCustomerCart(aliceActor, alice, NewCart.of("EUR", "DE"));
        small.addItem(aliceActor, customer.id(), new Sku("C"), 6);
        CreatedCart guest = small.createGuestCart(NewCart.of("EUR", "DE"));
        small.addItem(guest.actor(), guest.cart().id(), new Sku("C"), 6);

        MergeResult result = small.merge(aliceActor, request(guest, MergePolicy.SUM));

        assertThat(quantity(result.cart(), "C")).isEqualTo(10);
        assertThat(result.lines()).singleElement().satisfies(l -> {
            assertThat(l.outcome()).isEqualTo(MergeLine.Outcome.CLAMPED);
            assertThat(l.reason()).isEqualTo("CART_LIMIT");
        });
    }

    @Test
    void merge_intoNamedCart_usesItNotTheLatest() {
        Cart named = customerWith("C", 1);
        Cart latest = engine.createCustomerCart(aliceActor, alice, NewCart.of("EUR", "DE"));
        engine.addItem(aliceActor, latest.id(), new Sku("B"), 2);
        CreatedCart guest = guestWith("C", 2);

        MergeResult result = engine.merge(aliceActor,
                new MergeRequest(guest.cart().id(), guest.token(), alice, MergePolicy.SUM, named.id()));

        assertThat(result.cart().id()).isEqualTo(named.id());
        assertThat(quantity(result.cart(), "C")).isEqualTo(3);
    }

    @Test
    void merge_intoExpiredNamedCart_cartNotActiveNothingChanged() {
        Cart named = customerWith("C", 1);
        world.clock.advance(java.time.Duration.ofDays(91));
        CreatedCart guest = guestWith("C", 2);
        Cart guestBefore = world.repository.find(guest.cart().id()).orElseThrow();
        assertThatThrownBy(() -> engine.merge(aliceActor,
                new MergeRequest(guest.cart().id(), guest.token(), alice, MergePolicy.SUM, named.id())))
                .isInstanceOfSatisfying(CartException.class,
                        e -> assertThat(e.code()).isEqualTo(CartErrorCode.CART_NOT_ACTIVE));
        assertThat(world.repository.find(guest.cart().id())).contains(guestBefore);
    }
}
