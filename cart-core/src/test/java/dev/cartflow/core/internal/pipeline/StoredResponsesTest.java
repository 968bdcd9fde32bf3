package dev.cartflow.core.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.cartflow.core.codec.CartCodec;
import dev.cartflow.core.CheckoutResult;
import dev.cartflow.core.merge.MergeLine;
import dev.cartflow.core.merge.MergeResult;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CartOwner;
import dev.cartflow.model.CartState;
import dev.cartflow.model.CodeStatus;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.ExchangeRate;
import dev.cartflow.model.LineDiscount;
import dev.cartflow.model.LineId;
import dev.cartflow.model.LineItem;
import dev.cartflow.model.Money;
import dev.cartflow.model.PriceChange;
import dev.cartflow.model.PricedCart;
import dev.cartflow.model.PricedLine;
import dev.cartflow.model.PromotionExplanation;
import dev.cartflow.model.PromotionResult;
import dev.cartflow.model.Rate;
import dev.cartflow.model.Sku;
import dev.cartflow.model.TaxAmount;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoredResponsesTest {
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    /** The mapper of the reflective codec that engines before format 2 wrote merge and checkout results with. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
    @JsonSubTypes({@JsonSubTypes.Type(value = CartOwner.Guest.class, name = "guest"),
            @JsonSubTypes.Type(value = CartOwner.Customer.class, name = "customer")})
    private interface OwnerMixin {
    }

    private static final ObjectMapper FORMAT_1 = new ObjectMapper().registerModule(new JavaTimeModule())
            .addMixIn(CartOwner.class, OwnerMixin.class)
            .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false);

    private static Money eur(long minor) {
        return Money.ofMinor(minor, EUR);
    }

    private static final CartId ID = CartId.random();

    private static Cart cart(CartState state) {
        LineItem line = new LineItem(new LineId("l-1"), Sku.of("A"), 2, "default", eur(1000), NOW);
        return new Cart(ID, new CartOwner.Customer(new CustomerId("alice")), "vip", EUR, "DE", state, 4,
                List.of(line), List.of("SAVE10"), "STD", "{\"gift\":true}", NOW, NOW, NOW.plusSeconds(3600), null);
    }

    private static CheckoutResult checkout() {
        Cart frozen = cart(CartState.CHECKED_OUT);
        TaxAmount tax = new TaxAmount(Rate.parse("0.19"), eur(342));
        PricedLine line = new PricedLine(new LineId("l-1"), Sku.of("A"), 2, eur(1000), eur(2000), eur(200),
                eur(342), eur(2142), eur(1800), List.of(tax), List.of(new LineDiscount("P10", eur(200))));
        PricedCart priced = new PricedCart(frozen, EUR, List.of(line), eur(2000), eur(200), eur(490), eur(0),
                eur(93), eur(435), List.of(tax), eur(2725), eur(2290),
                List.of(new PromotionExplanation("P10", "SAVE10", PromotionResult.APPLIED, eur(200), null)),
                List.of(new CodeStatus("SAVE10", CodeStatus.State.APPLIED)),
                List.of(new PriceChange(new LineId("l-1"), Sku.of("A"), eur(900), eur(1000))),
                new ExchangeRate(Currency.getInstance("USD"), EUR, Rate.parse("0.9"), NOW), NOW);
        return new CheckoutResult(frozen, priced, "checkout-x-4", List.of("P10"));
    }

    private static MergeResult merge() {
        return new MergeResult(cart(CartState.ACTIVE), cart(CartState.MERGED),
                List.of(new MergeLine(Sku.of("A"), "default", 1, 1, 2, MergeLine.Outcome.COMBINED, "")),
                List.of("SAVE10"), false);
    }

    @Test
    void write_eachResponse_readBackEqualInFormat2() {
        Cart cart = cart(CartState.ACTIVE);
        assertThat(StoredResponses.readCart(StoredResponses.write(cart))).isEqualTo(cart);
        assertThat(StoredResponses.readMerge(StoredResponses.write(merge()))).isEqualTo(merge());
        assertThat(StoredResponses.readCheckout(StoredResponses.write(checkout()))).isEqualTo(checkout());
        assertThat(StoredResponses.write(checkout())).startsWith("{\"format\":2,\"kind\":\"checkout\"");
    }

    @Test
    void read_responsesStoredBeforeFormat2_stillRead() throws Exception {
        Cart cart = cart(CartState.ACTIVE);
        assertThat(StoredResponses.readCart(CartCodec.write(cart, CartCodec.Keys.COMPACT))).isEqualTo(cart);
        assertThat(StoredResponses.readMerge(FORMAT_1.writeValueAsString(merge()))).isEqualTo(merge());
        assertThat(StoredResponses.readCheckout(FORMAT_1.writeValueAsString(checkout()))).isEqualTo(checkout());
    }

    @Test
    void read_responseOfAnotherKind_internalNotInvalidInput() {
        String stored = StoredResponses.write(merge());
        try {
            StoredResponses.readCheckout(stored);
            throw new AssertionError("read a merge as a checkout");
        } catch (CartException e) {
            assertThat(e.code()).isEqualTo(CartErrorCode.INTERNAL);
        }
    }

    @Test
    void against_storedFingerprints_sameOtherRequestOtherKeyAndLegacy() {
        CartId id = CartId.random();
        Fingerprint keyed = Fingerprint.checkout(id, null, "order-1");
        assertThat(keyed.against(keyed.value())).isEqualTo(Fingerprint.Match.SAME);
        assertThat(keyed.against(Fingerprint.checkout(id, 3L, "order-1").value()))
                .isEqualTo(Fingerprint.Match.OTHER_REQUEST);
        assertThat(keyed.against(Fingerprint.checkout(id, null, "order-2").value()))
                .isEqualTo(Fingerprint.Match.OTHER_KEY);
        assertThat(keyed.against(Fingerprint.checkout(id, null, null).value())).isEqualTo(Fingerprint.Match.OTHER_KEY);
        assertThat(keyed.against("order-1")).isEqualTo(Fingerprint.Match.SAME);
        assertThat(keyed.against("-")).isEqualTo(Fingerprint.Match.OTHER_KEY);
        assertThat(keyed.value()).startsWith("v1:").doesNotContain("order-1");
    }
}
