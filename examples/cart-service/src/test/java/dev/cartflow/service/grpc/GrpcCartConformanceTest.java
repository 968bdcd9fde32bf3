package dev.cartflow.service.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.model.Actor;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.PricedCart;
import dev.cartflow.service.grpc.v1.AddLineRequest;
import dev.cartflow.service.grpc.v1.ApplyCodeRequest;
import dev.cartflow.service.grpc.v1.Cart;
import dev.cartflow.service.grpc.v1.CartServiceGrpc.CartServiceBlockingStub;
import dev.cartflow.service.grpc.v1.ChangeCountryRequest;
import dev.cartflow.service.grpc.v1.CheckoutRequest;
import dev.cartflow.service.grpc.v1.ClearLinesRequest;
import dev.cartflow.service.grpc.v1.CreateCartRequest;
import dev.cartflow.service.grpc.v1.CreateCartResponse;
import dev.cartflow.service.grpc.v1.GetCartRequest;
import dev.cartflow.service.grpc.v1.GetCustomerCartRequest;
import dev.cartflow.service.grpc.v1.ListEventsRequest;
import dev.cartflow.service.grpc.v1.ListEventsResponse;
import dev.cartflow.service.grpc.v1.ListLinesRequest;
import dev.cartflow.service.grpc.v1.ListLinesResponse;
import dev.cartflow.service.grpc.v1.MergeRequest;
import dev.cartflow.service.grpc.v1.PreviewMergeRequest;
import dev.cartflow.service.grpc.v1.RemoveCodeRequest;
import dev.cartflow.service.grpc.v1.RemoveLineRequest;
import dev.cartflow.service.grpc.v1.SelectShippingRequest;
import dev.cartflow.service.grpc.v1.SetMetadataRequest;
import dev.cartflow.service.grpc.v1.SetQuantityRequest;
import dev.cartflow.service.PromotionDescriptions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Each rpc's success against the running service, its figures checked against the engine's own. */
class GrpcCartConformanceTest extends GrpcTestSupport {
    @Autowired
    PromotionDescriptions descriptions;

    @Test
    void createCart_withoutCredentials_answersGuestCartAndItsToken() {
        CreateCartResponse created = newGuestCart();

        assertThat(created.getToken()).isNotBlank();
        Cart cart = created.getCart();
        assertThat(cart.getOwner()).isEqualTo("GUEST");
        assertThat(cart.getState()).isEqualTo("ACTIVE");
        assertThat(cart.getCurrency()).isEqualTo("EUR");
        assertThat(cart.getCountry()).isEqualTo("DE");
        assertThat(cart.getVersion())
                .isEqualTo(engine.get(Actor.guest(created.getToken()), CartId.parse(cart.getId())).version());
    }

    @Test
    void createCart_withCustomerToken_answersCustomerCartWithoutToken() {
        String customerId = newCustomerId();
        CreateCartResponse created = customer(customerId).createCart(CreateCartRequest.newBuilder()
                .setCurrency("EUR").setCountry("DE").setMetadataJson("{\"channel\":\"grpc\"}").build());

        assertThat(created.getToken()).isEmpty();
        assertThat(created.getCart().getOwner()).isEqualTo("CUSTOMER");
        assertThat(created.getCart().getMetadataJson()).isEqualTo("{\"channel\":\"grpc\"}");
        Actor actor = Actor.customer(new CustomerId(customerId));
        assertThat(engine.activeCart(actor, new CustomerId(customerId)).orElseThrow().id().toString())
                .isEqualTo(created.getCart().getId());
    }

    @Test
    void getCart_afterAdd_carriesTheEnginesFiguresExactly() {
        CreateCartResponse created = newGuestCart();
        CartServiceBlockingStub guest = guest(created.getToken());
        guest.addLine(add(created, SKU, 3));

        Cart cart = guest.getCart(GetCartRequest.newBuilder().setCartId(created.getCart().getId()).build());

        PricedCart priced = engine.price(Actor.guest(created.getToken()), CartId.parse(cart.getId()));
        assertThat(cart.getVersion()).isEqualTo(priced.cart().version());
        assertThat(cart.getTotals().getSubtotal()).isEqualTo(CartMessages.money(priced.subtotal()));
        assertThat(cart.getTotals().getTax()).isEqualTo(CartMessages.money(priced.tax()));
        assertThat(cart.getTotals().getTotal()).isEqualTo(CartMessages.money(priced.total()));
        assertThat(cart.getLinesList()).singleElement().satisfies(line -> {
            assertThat(line.getSku()).isEqualTo(SKU);
            assertThat(line.getQuantity()).isEqualTo(3);
            assertThat(line.getUnitPrice()).isEqualTo(CartMessages.money(priced.lines().get(0).unitPrice()));
        });
        // money exactness: units and nanos say the engine's minor units, nothing rounded
        com.google.type.Money subtotal = cart.getTotals().getSubtotal();
        assertThat(subtotal.getCurrencyCode()).isEqualTo("EUR");
        assertThat(subtotal.getUnits() * 100 + subtotal.getNanos() / 10_000_000).isEqualTo(priced.subtotal().minor());
        assertThat(subtotal.getNanos() % 10_000_000).isZero();
    }

    @Test
    void listLines_pageOfOne_saysWhetherMoreFollow() {
        CreateCartResponse created = newGuestCart();
        CartServiceBlockingStub guest = guest(created.getToken());
        guest.addLine(add(created, SKU, 1));
        guest.addLine(add(created, OTHER_SKU, 2));
        String id = created.getCart().getId();

        ListLinesResponse first = guest.listLines(ListLinesRequest.newBuilder().setCartId(id).setLimit(1).build());
        ListLinesResponse second = guest.listLines(ListLinesRequest.newBuilder().setCartId(id).setOffset(1)
                .setLimit(1).build());

        assertThat(first.getLinesList()).hasSize(1);
        assertThat(first.getPage().getTotal()).isEqualTo(2);
        assertThat(first.getPage().getHasMore()).isTrue();
        assertThat(second.getLinesList()).hasSize(1);
        assertThat(second.getPage().getHasMore()).isFalse();
        assertThat(first.getLines(0).getLineId()).isNotEqualTo(second.getLines(0).getLineId());
    }

    @Test
    void setQuantityRemoveLineAndClearLines_onLines_changeTheCart() {
        CreateCartResponse created = newGuestCart();
        CartServiceBlockingStub guest = guest(created.getToken());
        String id = created.getCart().getId();
        Cart added = guest.addLine(add(created, SKU, 1));
        guest.addLine(add(created, OTHER_SKU, 1));
        String lineId = added.getLines(0).getLineId();

        Cart changed = guest.setQuantity(SetQuantityRequest.newBuilder().setCartId(id).setLineId(lineId)
                .setQuantity(4).build());
        assertThat(changed.getLinesList()).filteredOn(l -> l.getLineId().equals(lineId))
                .singleElement().extracting(l -> l.getQuantity()).isEqualTo(4);

        Cart removed = guest.removeLine(RemoveLineRequest.newBuilder().setCartId(id).setLineId(lineId).build());
        assertThat(removed.getLinesList()).extracting(l -> l.getSku()).containsExactly(OTHER_SKU);

        Cart cleared = guest.clearLines(ClearLinesRequest.newBuilder().setCartId(id).build());
        assertThat(cleared.getLinesList()).isEmpty();
        assertThat(cleared.getVersion()).isGreaterThan(removed.getVersion());
    }

    @Test
    void applyCodeAndRemoveCode_demoCode_explainsThePromotionInTheShopsWords() {
        CreateCartResponse created = newGuestCart();
        CartServiceBlockingStub guest = guest(created.getToken());
        String id = created.getCart().getId();
        guest.addLine(add(created, SKU, 2));

        Cart applied = guest.applyCode(ApplyCodeRequest.newBuilder().setCartId(id).setCode(CODE).build());

        assertThat(applied.getCodesList()).extracting(c -> c.getCode()).contains(CODE);
        PricedCart priced = engine.price(Actor.guest(created.getToken()), CartId.parse(id));
        assertThat(applied.getTotals().getDiscount()).isEqualTo(CartMessages.money(priced.discount()));
        assertThat(applied.getPromotionsList()).isNotEmpty().allSatisfy(p -> {
            String expected = descriptions.describe(p.getPromotionId());
            assertThat(p.hasDescription()).isEqualTo(expected != null);
            if (expected != null) {
                assertThat(p.getDescription()).isEqualTo(expected);
            }
        });

        Cart removed = guest.removeCode(RemoveCodeRequest.newBuilder().setCartId(id).setCode(CODE).build());
        assertThat(removed.getCodesList()).extracting(c -> c.getCode()).doesNotContain(CODE);
    }

    @Test
    void selectShippingChangeCountryAndSetMetadata_onCart_areAnswered() {
        CreateCartResponse created = newGuestCart();
        CartServiceBlockingStub guest = guest(created.getToken());
        String id = created.getCart().getId();
        guest.addLine(add(created, SKU, 1));

        Cart shipped = guest.selectShipping(SelectShippingRequest.newBuilder().setCartId(id).setMethodId(SHIPPING)
                .build());
        assertThat(shipped.getShippingMethod()).isEqualTo(SHIPPING);
        PricedCart priced = engine.price(Actor.guest(created.getToken()), CartId.parse(id));
        assertThat(shipped.getTotals().getShipping()).isEqualTo(CartMessages.money(priced.shipping()));

        Cart moved = guest.changeCountry(ChangeCountryRequest.newBuilder().setCartId(id).setCountry("AT").build());
        assertThat(moved.getCountry()).isEqualTo("AT");

        Cart tagged = guest.setMetadata(SetMetadataRequest.newBuilder().setCartId(id)
                .setMetadataJson("{\"giftWrap\":true,\"amount\":1.50}").build());
        assertThat(tagged.getMetadataJson()).isEqualTo("{\"giftWrap\":true,\"amount\":1.50}");
    }

    @Test
    void previewMergeAndMerge_guestCartAtSignIn_moveItsLinesIntoTheCustomersCart() {
        CreateCartResponse guestCart = newGuestCart();
        guest(guestCart.getToken()).addLine(add(guestCart, SKU, 2));
        String customerId = newCustomerId();
        CartServiceBlockingStub both = with(Map.of("Cart-Token", guestCart.getToken(),
                "Authorization", "Bearer " + customerToken(customerId)));
        String id = guestCart.getCart().getId();

        Cart preview = both.previewMerge(PreviewMergeRequest.newBuilder().setCartId(id).build());
        assertThat(preview.getMerge().getPreview()).isTrue();
        assertThat(preview.getMerge().getGuestCartId()).isEqualTo(id);

        Cart merged = both.merge(MergeRequest.newBuilder().setCartId(id).setPolicy("SUM").build());
        assertThat(merged.getMerge().getPreview()).isFalse();
        assertThat(merged.getOwner()).isEqualTo("CUSTOMER");
        assertThat(merged.getLinesList()).extracting(l -> l.getSku()).contains(SKU);
        Cart customerCart = with(Map.of("X-Api-Key", API_KEY)).getCustomerCart(GetCustomerCartRequest.newBuilder()
                .setCustomerId(customerId).build());
        assertThat(customerCart.getId()).isEqualTo(merged.getId());
    }

    @Test
    void checkout_readyCart_answersTheHandOff() {
        CreateCartResponse created = newGuestCart();
        CartServiceBlockingStub guest = guest(created.getToken());
        String id = created.getCart().getId();
        guest.addLine(add(created, SKU, 1));
        guest.selectShipping(SelectShippingRequest.newBuilder().setCartId(id).setMethodId(SHIPPING).build());

        Cart checkedOut = guest.checkout(CheckoutRequest.newBuilder().setCartId(id).build());

        assertThat(checkedOut.getState()).isEqualTo("CHECKED_OUT");
        assertThat(checkedOut.getCheckout().getReservationId()).isNotBlank();
    }

    @Test
    void listEvents_afterChanges_answersThemInVersionOrder() {
        CreateCartResponse created = newGuestCart();
        CartServiceBlockingStub guest = guest(created.getToken());
        String id = created.getCart().getId();
        guest.addLine(add(created, SKU, 1));
        Cart last = guest.addLine(add(created, OTHER_SKU, 1));

        ListEventsResponse events = guest.listEvents(ListEventsRequest.newBuilder().setCartId(id).build());

        int expected = engine.changesSince(Actor.guest(created.getToken()), CartId.parse(id), 0).size();
        assertThat(events.getEventsList()).hasSize(expected).isNotEmpty();
        assertThat(events.getEventsList()).extracting(e -> e.getVersion()).isSorted();
        assertThat(events.getEvents(events.getEventsCount() - 1).getVersion()).isEqualTo(last.getVersion());
        ListEventsResponse later = guest.listEvents(ListEventsRequest.newBuilder().setCartId(id)
                .setAfter(last.getVersion()).build());
        assertThat(later.getEventsList()).isEmpty();
    }

    static AddLineRequest add(CreateCartResponse cart, String sku, int quantity) {
        return AddLineRequest.newBuilder().setCartId(cart.getCart().getId()).setSku(sku).setQuantity(quantity).build();
    }
}
