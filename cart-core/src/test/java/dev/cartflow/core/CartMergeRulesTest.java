package dev.cartflow.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartflow.core.merge.MergeLine;
import dev.cartflow.core.merge.MergePolicy;
import dev.cartflow.core.merge.MergeRequest;
import dev.cartflow.core.merge.MergeResult;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.CartState;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.Sku;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The merge rules line by line: what each line keeps, why, and what the report and events say. */
class CartMergeRulesTest {
    private final TestWorld world = new TestWorld();
    private final CustomerId alice = new CustomerId("alice");
    private final Actor aliceActor = Actor.customer(alice);

    private CartEngine engine(int maxLines, int maxUnits) {
        return world.builder().limits(new CartLimits(maxLines, maxUnits, null)).build();
    }

    private static CreatedCart guest(CartEngine engine, String country, Object... skuQty) {
        CreatedCart guest = engine.createGuestCart(NewCart.of("EUR", country));
        for (int i = 0; i < skuQty.length; i += 2) {
            engine.addItem(guest.actor(), guest.cart().id(), new Sku((String) skuQty[i]), (Integer) skuQty[i + 1]);
        }
        return guest;
    }

    private Cart customer(CartEngine engine, Object... skuQty) {
        Cart cart = engine.createCustomerCart(aliceActor, alice, NewCart.of("EUR", "DE"));
        for (int i = 0; i < skuQty.length; i += 2) {
            cart = engine.addItem(aliceActor, cart.id(), new Sku((String) skuQty[i]), (Integer) skuQty[i + 1]);
        }
        return cart;
    }

    private MergeResult merge(CartEngine engine, CreatedCart guest, MergePolicy policy) {
        return engine.merge(aliceActor, new MergeRequest(guest.cart().id(), guest.token(), alice, policy));
    }

    private static String describe(MergeLine l) {
        return l.sku().value() + " " + l.guestQuantity() + "+" + l.customerQuantity() + "=" + l.resultQuantity() + " "
                + l.outcome() + (l.reason().isEmpty() ? "" : " " + l.reason());
    }

    private static List<String> lines(Cart cart) {
        return cart.lines().stream().map(l -> l.sku().value() + ":" + l.quantity()).toList();
    }

    @Test
    void merge_guestAndCustomerLines_reportListsAddedCombinedThenKept() {
        CartEngine engine = engine(10, 100);
        customer(engine, "C", 3, "B", 2);
        CreatedCart guest = guest(engine, "DE", "A", 1, "C", 2);

        MergeResult result = merge(engine, guest, MergePolicy.SUM);

        assertThat(result.lines()).extracting(CartMergeRulesTest::describe)
                .containsExactly("A 1+0=1 ADDED", "C 2+3=5 COMBINED", "B 0+2=2 KEPT");
        assertThat(lines(result.cart())).containsExactly("C:5", "B:2", "A:1");
        assertThat(result.dropped()).isEmpty();
        assertThat(result.preview()).isFalse();
    }

    @Test
    void merge_customerWinsWithSameQuantity_combinedWithoutReason() {
        CartEngine engine = engine(10, 100);
        customer(engine, "C", 3);
        CreatedCart guest = guest(engine, "DE", "C", 7);

        MergeResult result = merge(engine, guest, MergePolicy.CUSTOMER_WINS);

        assertThat(result.lines()).extracting(CartMergeRulesTest::describe).containsExactly("C 7+3=3 COMBINED");
    }

    @Test
    void merge_sumOverIntegerRange_combinedAtIntegerMaximum() {
        CartEngine engine = engine(10, Integer.MAX_VALUE);
        customer(engine, "C", Integer.MAX_VALUE - 5);
        CreatedCart guest = guest(engine, "DE", "C", 10);

        MergeResult result = merge(engine, guest, MergePolicy.SUM);

        assertThat(lines(result.cart())).containsExactly("C:" + Integer.MAX_VALUE);
        assertThat(result.lines()).extracting(CartMergeRulesTest::describe)
                .containsExactly("C 10+" + (Integer.MAX_VALUE - 5) + "=" + Integer.MAX_VALUE + " COMBINED");
    }

    @Test
    void merge_stockEqualToMaximum_clampedForQuantityLimit() {
        CartEngine engine = engine(10, 100);
        world.inventory.setStock(new Sku("A"), "default", 5);
        customer(engine, "A", 3);
        CreatedCart guest = guest(engine, "DE", "A", 3);

        MergeResult result = merge(engine, guest, MergePolicy.SUM);

        assertThat(result.lines()).extracting(CartMergeRulesTest::describe)
                .containsExactly("A 3+3=5 CLAMPED QUANTITY_LIMIT");
    }

    @Test
    void merge_stockBelowMaximum_clampedForStock() {
        CartEngine engine = engine(10, 100);
        customer(engine, "A", 2);
        CreatedCart guest = guest(engine, "DE", "A", 2);
        world.inventory.setStock(new Sku("A"), "default", 3);

        MergeResult result = merge(engine, guest, MergePolicy.SUM);

        assertThat(result.lines()).extracting(CartMergeRulesTest::describe)
                .containsExactly("A 2+2=3 CLAMPED OUT_OF_STOCK");
    }

    @Test
    void merge_stockCoversWanted_addedWithoutReason() {
        CartEngine engine = engine(10, 100);
        customer(engine);
        CreatedCart guest = guest(engine, "DE", "A", 4);
        world.inventory.setStock(new Sku("A"), "default", 4);

        MergeResult result = merge(engine, guest, MergePolicy.SUM);

        assertThat(result.lines()).extracting(CartMergeRulesTest::describe).containsExactly("A 4+0=4 ADDED");
    }

    @Test
    void merge_stockNotAStep_clampedToWholeSteps() {
        CartEngine engine = engine(10, 100);
        customer(engine, "B", 2);
        CreatedCart guest = guest(engine, "DE", "B", 4);
        world.inventory.setStock(new Sku("B"), "default", 5);

        MergeResult result = merge(engine, guest, MergePolicy.SUM);

        assertThat(result.lines()).extracting(CartMergeRulesTest::describe)
                .containsExactly("B 4+2=4 CLAMPED OUT_OF_STOCK");
        assertThat(lines(result.cart())).containsExactly("B:4");
    }

    @Test
    void merge_stockExactlyMinimum_keptAtMinimum() {
        world.product("M", "1.00", Set.of(), 3, 10, 1, 0);
        CartEngine engine = engine(10, 100);
        customer(engine);
        CreatedCart guest = guest(engine, "DE", "M", 5);
        world.inventory.setStock(new Sku("M"), "default", 3);

        MergeResult result = merge(engine, guest, MergePolicy.SUM);

        assertThat(result.lines()).extracting(CartMergeRulesTest::describe)
                .containsExactly("M 5+0=3 CLAMPED OUT_OF_STOCK");
    }

    @Test
    void merge_stockBelowMinimum_lineDropped() {
        world.product("M", "1.00", Set.of(), 3, 10, 1, 0);
        CartEngine engine = engine(10, 100);
        customer(engine);
        CreatedCart guest = guest(engine, "DE", "M", 5);
        world.inventory.setStock(new Sku("M"), "default", 2);

        MergeResult result = merge(engine, guest, MergePolicy.SUM);

        assertThat(result.lines()).extracting(CartMergeRulesTest::describe)
                .containsExactly("M 5+0=0 DROPPED OUT_OF_STOCK");
        assertThat(result.cart().lines()).isEmpty();
    }

    @Test
    void merge_guestProductNotSoldInCustomerCountry_droppedCountryRestricted() {
        CartEngine engine = engine(10, 100);
        customer(engine, "C", 1);
        CreatedCart guest = guest(engine, "US", "US-ONLY", 2);

        MergeResult result = merge(engine, guest, MergePolicy.SUM);

        assertThat(result.lines()).extracting(CartMergeRulesTest::describe)
                .containsExactly("US-ONLY 2+0=0 DROPPED COUNTRY_RESTRICTED", "C 0+1=1 KEPT");
        assertThat(lines(result.cart())).containsExactly("C:1");
    }

    @Test
    void merge_combinedProductGone_customerLineRemovedAndReported() {
        CartEngine engine = engine(10, 100);
        customer(engine, "B", 2, "C", 1);
        CreatedCart guest = guest(engine, "DE", "B", 4);
        world.catalog.remove(new Sku("B"));

        MergeResult result = merge(engine, guest, MergePolicy.SUM);

        assertThat(result.lines()).extracting(CartMergeRulesTest::describe)
                .containsExactly("B 4+2=0 DROPPED PRODUCT_NOT_FOUND", "C 0+1=1 KEPT");
        assertThat(lines(result.cart())).containsExactly("C:1");
    }

    @Test
    void merge_exactlyAtLineLimit_nothingDropped() {
        CartEngine engine = engine(3, 100);
        customer(engine, "C", 1);
        CreatedCart guest = guest(engine, "DE", "A", 1, "B", 2);

        MergeResult result = merge(engine, guest, MergePolicy.SUM);

        assertThat(result.dropped()).isEmpty();
        assertThat(result.cart().lines()).hasSize(3);
    }

    @Test
    void merge_twoLinesOverLineLimit_lastTwoDroppedInGuestOrder() {
        world.product("D", "1.00", Set.of(), 1, 10, 1, 0);
        CartEngine engine = engine(2, 100);
        customer(engine, "C", 1);
        CreatedCart guest = guest(engine(10, 100), "DE", "A", 1, "B", 2, "D", 3);

        MergeResult result = merge(engine, guest, MergePolicy.SUM);

        assertThat(result.lines()).extracting(CartMergeRulesTest::describe)
                .containsExactly("A 1+0=1 ADDED", "B 2+0=0 DROPPED CART_LIMIT", "D 3+0=0 DROPPED CART_LIMIT",
                        "C 0+1=1 KEPT");
        assertThat(lines(result.cart())).containsExactly("C:1", "A:1");
    }

    @Test
    void merge_onlyCopiedLineOverLineLimit_dropped() {
        CartEngine engine = engine(1, 100);
        customer(engine, "C", 1);
        CreatedCart guest = guest(engine, "DE", "A", 1);

        MergeResult result = merge(engine, guest, MergePolicy.SUM);

        assertThat(result.lines()).extracting(CartMergeRulesTest::describe)
                .containsExactly("A 1+0=0 DROPPED CART_LIMIT", "C 0+1=1 KEPT");
        assertThat(lines(result.cart())).containsExactly("C:1");
    }

    @Test
    void merge_otherCustomerForAlice_accessDeniedNothingChanged() {
        CartEngine engine = engine(10, 100);
        Cart customer = customer(engine, "C", 1);
        CreatedCart guest = guest(engine, "DE", "C", 2);
        Cart guestBefore = world.repository.find(guest.cart().id()).orElseThrow();
        Actor mallory = Actor.customer(new CustomerId("mallory"));

        assertThatThrownBy(() -> engine.merge(mallory,
                new MergeRequest(guest.cart().id(), guest.token(), alice, MergePolicy.SUM)))
                .isInstanceOfSatisfying(CartException.class,
                        e -> assertThat(e.code()).isEqualTo(CartErrorCode.ACCESS_DENIED));
        assertThat(world.repository.find(customer.id())).contains(customer);
        assertThat(world.repository.find(guest.cart().id())).contains(guestBefore);
    }

    @Test
    void merge_customerNamesOwnCustomerCartAsGuest_accessDenied() {
        CartEngine engine = engine(10, 100);
        Cart own = customer(engine, "C", 1);

        assertThatThrownBy(() -> engine.merge(aliceActor, new MergeRequest(own.id(), null, alice, MergePolicy.SUM)))
                .isInstanceOfSatisfying(CartException.class,
                        e -> assertThat(e.code()).isEqualTo(CartErrorCode.ACCESS_DENIED));
    }

    @Test
    void merge_exactlyAtUnitLimit_nothingDropped() {
        CartEngine engine = engine(10, 10);
        customer(engine, "C", 4);
        CreatedCart guest = guest(engine, "DE", "B", 6);

        MergeResult result = merge(engine, guest, MergePolicy.SUM);

        assertThat(result.dropped()).isEmpty();
        assertThat(lines(result.cart())).containsExactly("C:4", "B:6");
    }

    @Test
    void merge_copiedLineOverUnitLimit_droppedForCartLimit() {
        CartEngine engine = engine(10, 10);
        customer(engine, "C", 5);
        CreatedCart guest = guest(engine, "DE", "A", 2, "B", 4);

        MergeResult result = merge(engine, guest, MergePolicy.SUM);

        assertThat(result.lines()).extracting(CartMergeRulesTest::describe)
                .containsExactly("A 2+0=2 ADDED", "B 4+0=0 DROPPED CART_LIMIT", "C 0+5=5 KEPT");
    }

    @Test
    void merge_combinedOverUnitLimit_trimmedToWholeStepsNotBelowCustomerQuantity() {
        CartEngine engine = engine(10, 11);
        customer(engine, "C", 1, "B", 4);
        CreatedCart guest = guest(engine, "DE", "B", 8);

        MergeResult result = merge(engine, guest, MergePolicy.SUM);

        // 1 + 12 units is 2 over the limit: B gives back 2 (one step), leaving 10, within 11.
        assertThat(result.lines()).extracting(CartMergeRulesTest::describe)
                .containsExactly("B 8+4=10 CLAMPED CART_LIMIT", "C 0+1=1 KEPT");
    }

    @Test
    void merge_combinedLineInStepsOverUnitLimit_trimmedWithinLimit() {
        CartEngine engine = engine(10, 10);
        customer(engine, "C", 1, "B", 4);
        CreatedCart guest = guest(engine, "DE", "B", 8);

        MergeResult result = merge(engine, guest, MergePolicy.SUM);

        // 13 units, 3 over: B gives back whole steps only, so two of them (12 -> 8), not one (which left 11).
        assertThat(lines(result.cart())).containsExactly("C:1", "B:8");
        assertThat(result.lines()).extracting(CartMergeRulesTest::describe)
                .containsExactly("B 8+4=8 CLAMPED CART_LIMIT", "C 0+1=1 KEPT");
    }

    @Test
    void merge_combinedLinesOverUnitLimit_lastCombinedGivesBackFirstNeverBelowCustomerQuantity() {
        CartEngine engine = engine(10, 10);
        customer(engine, "C", 3, "A", 2);
        CreatedCart guest = guest(engine, "DE", "C", 4, "A", 2);

        MergeResult result = merge(engine, guest, MergePolicy.SUM);

        // C 7 + A 4 = 11, one over: A (last combined) gives back one unit.
        assertThat(result.lines()).extracting(CartMergeRulesTest::describe)
                .containsExactly("C 4+3=7 COMBINED", "A 2+2=3 CLAMPED CART_LIMIT");
    }

    @Test
    void merge_lastCombinedAtCustomerQuantity_earlierCombinedGivesBack() {
        CartEngine engine = engine(10, 10);
        customer(engine, "C", 3, "A", 2);
        CreatedCart guest = guest(engine, "DE", "C", 6, "A", 1);

        MergeResult result = merge(engine, guest, MergePolicy.SUM);

        // C 9 + A 3 = 12, two over: A gives back one (down to the customer's 2), then C one.
        assertThat(result.lines()).extracting(CartMergeRulesTest::describe)
                .containsExactly("C 6+3=8 CLAMPED CART_LIMIT", "A 1+2=2 CLAMPED CART_LIMIT");
        assertThat(lines(result.cart())).containsExactly("C:8", "A:2");
    }

    @Test
    void merge_lastCombinedNotGrown_skippedAndEarlierGivesBack() {
        CartEngine engine = engine(10, 10);
        customer(engine, "A", 1, "C", 5, "B", 2);
        CreatedCart guest = guest(engine, "DE", "A", 4, "C", 3);

        MergeResult result = merge(engine, guest, MergePolicy.MAX);

        // A 4 + C 5 + B 2 = 11, one over: C kept the customer's 5, so A gives back one.
        assertThat(result.lines()).extracting(CartMergeRulesTest::describe)
                .containsExactly("A 4+1=3 CLAMPED CART_LIMIT", "C 3+5=5 COMBINED", "B 0+2=2 KEPT");
    }

    @Test
    void merge_codesDifferingInCase_unitedOnceAndCustomerShippingWins() {
        CartEngine engine = engine(10, 100);
        Cart customer = customer(engine, "C", 1);
        engine.applyCode(aliceActor, customer.id(), "SAVE10");
        world.shipping.put(new dev.cartflow.model.ShippingMethod("EXP", TestWorld.money("9.90"), null, List.of(),
                5_000, Set.of("DE")));
        engine.selectShipping(aliceActor, customer.id(), "EXP");
        CreatedCart guest = guest(engine, "DE", "C", 1);
        engine.applyCode(guest.actor(), guest.cart().id(), "save10");
        engine.selectShipping(guest.actor(), guest.cart().id(), "STD");

        MergeResult result = merge(engine, guest, MergePolicy.SUM);

        assertThat(result.cart().codes()).containsExactly("SAVE10");
        assertThat(result.codes()).containsExactly("SAVE10");
        assertThat(result.cart().shippingMethod()).isEqualTo("EXP");
    }

    @Test
    void merge_customerWithoutShipping_takesGuestShipping() {
        CartEngine engine = engine(10, 100);
        customer(engine, "C", 1);
        CreatedCart guest = guest(engine, "DE", "C", 1);
        engine.selectShipping(guest.actor(), guest.cart().id(), "STD");

        MergeResult result = merge(engine, guest, MergePolicy.SUM);

        assertThat(result.cart().shippingMethod()).isEqualTo("STD");
    }

    @Test
    void merge_noCustomerCart_everyGuestLineReportedAdded() {
        CartEngine engine = engine(10, 100);
        CreatedCart guest = guest(engine, "DE", "C", 2, "B", 4);
        engine.applyCode(guest.actor(), guest.cart().id(), "SAVE10");

        MergeResult result = merge(engine, guest, MergePolicy.SUM);

        assertThat(result.lines()).extracting(CartMergeRulesTest::describe)
                .containsExactly("C 2+0=2 ADDED", "B 4+0=4 ADDED");
        assertThat(result.codes()).containsExactly("SAVE10");
        assertThat(result.guestCart()).isEqualTo(result.cart());
    }

    @Test
    void merge_intoCustomerCart_eventsNameBothCartsPolicyAndDropped() {
        CartEngine engine = engine(10, 100);
        Cart customer = customer(engine, "C", 1);
        CreatedCart guest = guest(engine, "DE", "C", 1, "B", 2);
        world.catalog.remove(new Sku("B"));
        world.published.clear();

        merge(engine, guest, MergePolicy.MAX);

        List<CartEvent> merged = world.published.stream().filter(e -> e.type() == CartEvent.Type.MERGED).toList();
        assertThat(merged).extracting(CartEvent::cartId).containsExactly(guest.cart().id(), customer.id());
        assertThat(merged.get(0).data()).containsEntry("into", customer.id().toString())
                .containsEntry("policy", "MAX");
        assertThat(merged.get(1).data()).containsEntry("from", guest.cart().id().toString())
                .containsEntry("policy", "MAX").containsEntry("dropped", "1");
    }

    @Test
    void merge_noCustomerCart_adoptionEventNamesTheGuestCart() {
        CartEngine engine = engine(10, 100);
        CreatedCart guest = guest(engine, "DE", "C", 1);
        world.published.clear();

        merge(engine, guest, MergePolicy.GUEST_WINS);

        assertThat(world.published).filteredOn(e -> e.type() == CartEvent.Type.MERGED).singleElement()
                .satisfies(e -> assertThat(e.data()).containsEntry("from", guest.cart().id().toString())
                        .containsEntry("into", guest.cart().id().toString()).containsEntry("policy", "GUEST_WINS"));
    }

    @Test
    void previewMerge_afterMerge_returnsFirstResultMarkedPreview() {
        CartEngine engine = engine(10, 100);
        customer(engine, "C", 1);
        CreatedCart guest = guest(engine, "DE", "C", 2);
        MergeResult merged = merge(engine, guest, MergePolicy.SUM);

        MergeResult preview = engine.previewMerge(aliceActor,
                new MergeRequest(guest.cart().id(), guest.token(), alice, MergePolicy.SUM));

        assertThat(preview.preview()).isTrue();
        assertThat(preview.cart()).isEqualTo(merged.cart());
        assertThat(preview.lines()).isEqualTo(merged.lines());
    }

    @Test
    void previewMerge_noCustomerCart_changesNothing() {
        CartEngine engine = engine(10, 100);
        CreatedCart guest = guest(engine, "DE", "C", 2);
        Cart before = world.repository.find(guest.cart().id()).orElseThrow();

        MergeResult preview = engine.previewMerge(aliceActor,
                new MergeRequest(guest.cart().id(), guest.token(), alice, MergePolicy.SUM));

        assertThat(preview.preview()).isTrue();
        assertThat(preview.cart().customerId()).contains(alice);
        assertThat(world.repository.find(guest.cart().id())).contains(before);
        assertThat(engine.activeCart(aliceActor, alice)).isEmpty();
    }

    @Test
    void merge_concurrentMergeFinishedBeforeGuestLoad_returnsThatMergeResult() {
        java.util.concurrent.atomic.AtomicBoolean hideRecordOnce = new java.util.concurrent.atomic.AtomicBoolean();
        DelegatingRepository racing = new DelegatingRepository(world.repository) {
            @Override
            public java.util.Optional<dev.cartflow.spi.IdempotencyRecord> findIdempotency(String key,
                                                                                     java.time.Instant now) {
                return hideRecordOnce.getAndSet(false) ? java.util.Optional.empty()
                        : super.findIdempotency(key, now);
            }
        };
        CartEngine engine = engine(10, 100);
        CartEngine late = world.builder().repository(racing).limits(new CartLimits(10, 100, null)).build();
        customer(engine, "C", 1);
        CreatedCart guest = guest(engine, "DE", "C", 2);
        MergeResult first = merge(engine, guest, MergePolicy.SUM);
        hideRecordOnce.set(true);

        MergeResult again = merge(late, guest, MergePolicy.SUM);
        hideRecordOnce.set(true);
        MergeResult preview = late.previewMerge(aliceActor,
                new MergeRequest(guest.cart().id(), guest.token(), alice, MergePolicy.SUM));

        assertThat(again).isEqualTo(first);
        assertThat(preview.preview()).isTrue();
        assertThat(preview.lines()).isEqualTo(first.lines());
    }

    @Test
    void merge_targetIsTheGuestCart_invalidInputNothingChanged() {
        CartEngine engine = engine(10, 100);
        CreatedCart guest = guest(engine, "DE", "C", 2);
        Cart before = world.repository.find(guest.cart().id()).orElseThrow();

        assertThatThrownBy(() -> engine.merge(aliceActor,
                new MergeRequest(guest.cart().id(), guest.token(), alice, MergePolicy.SUM, guest.cart().id())))
                .isInstanceOfSatisfying(CartException.class,
                        e -> assertThat(e.code()).isEqualTo(CartErrorCode.INVALID_INPUT));
        assertThat(world.repository.find(guest.cart().id())).contains(before);
    }

    @Test
    void merge_supportWithCustomerCartAsGuest_invalidInput() {
        CartEngine engine = engine(10, 100);
        Cart customer = customer(engine, "C", 1);
        Actor support = Actor.support("staff-1", "ticket-1");

        assertThatThrownBy(() -> engine.merge(support, new MergeRequest(customer.id(), null, alice, MergePolicy.SUM)))
                .isInstanceOfSatisfying(CartException.class,
                        e -> assertThat(e.code()).isEqualTo(CartErrorCode.INVALID_INPUT));
    }

    @Test
    void merge_supportWithoutGuestToken_mergesGuestCart() {
        CartEngine engine = engine(10, 100);
        customer(engine, "C", 1);
        CreatedCart guest = guest(engine, "DE", "C", 2);

        MergeResult result = engine.merge(Actor.support("staff-1", "ticket-1"),
                new MergeRequest(guest.cart().id(), null, alice, MergePolicy.SUM));

        assertThat(lines(result.cart())).containsExactly("C:3");
        assertThat(result.guestCart().state()).isEqualTo(CartState.MERGED);
    }

    @Test
    void merge_expiredGuestCart_cartNotActive() {
        CartEngine engine = engine(10, 100);
        CreatedCart guest = guest(engine, "DE", "C", 2);
        world.clock.advance(java.time.Duration.ofDays(91));
        customer(engine, "C", 1);

        assertThatThrownBy(() -> merge(engine, guest, MergePolicy.SUM))
                .isInstanceOfSatisfying(CartException.class,
                        e -> assertThat(e.code()).isEqualTo(CartErrorCode.CART_NOT_ACTIVE));
    }

    @Test
    void merge_customerActiveCartExpired_guestCartAdopted() {
        CartEngine engine = engine(10, 100);
        Cart old = customer(engine, "B", 2);
        world.clock.advance(java.time.Duration.ofDays(91));
        CreatedCart guest = guest(engine, "DE", "C", 2);

        MergeResult result = merge(engine, guest, MergePolicy.SUM);

        assertThat(result.cart().id()).isEqualTo(guest.cart().id());
        assertThat(result.cart().id()).isNotEqualTo(old.id());
        assertThat(lines(result.cart())).containsExactly("C:2");
    }
}
