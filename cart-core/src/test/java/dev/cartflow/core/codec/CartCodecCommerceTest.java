package dev.cartflow.core.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartKind;
import dev.cartflow.model.CartOwner;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.PricedCart;
import dev.cartflow.tck.CommerceCarts;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 11's cart content through the cart codec and the priced-cart codec. */
class CartCodecCommerceTest {
    private static final long BASE_SEED = new Random().nextLong();

    @RepeatedTest(200)
    void write_seededRandomCart_readsBackEqualInBothKeySets(RepetitionInfo repetition) {
        long seed = BASE_SEED + repetition.getCurrentRepetition();
        Cart cart = new CommerceCarts(seed).next();

        for (CartCodec.Keys keys : CartCodec.Keys.values()) {
            assertThat(CartCodec.read(CartCodec.write(cart, keys))).as("seed %d, %s", seed, keys).isEqualTo(cart);
        }
    }

    @ParameterizedTest
    @EnumSource(CartKind.class)
    void write_everyNewField_readsBackEqualAndWrittenAgainIdentically(CartKind kind) {
        Cart cart = new CommerceCarts(7).full(new CartOwner.Customer(new CustomerId("c-1")), kind);

        for (CartCodec.Keys keys : CartCodec.Keys.values()) {
            String json = CartCodec.write(cart, keys);
            Cart read = CartCodec.read(json);
            assertThat(read).isEqualTo(cart);
            assertThat(CartCodec.write(read, keys)).isEqualTo(json);
        }
    }

    @Test
    void write_shoppingCartWithoutNewFields_writesNoNewKey() {
        Cart cart = new CommerceCarts(3).full(new CartOwner.Guest("a".repeat(64)), CartKind.SHOPPING).toBuilder()
                .name(null).shippingAddress(null).billingCountry(null).participants(List.of()).recovery(null)
                .freeze(null).build();

        assertThat(CartCodec.write(cart, CartCodec.Keys.COMPACT))
                .doesNotContain("\"kd\"", "\"nm\"", "\"ad\"", "\"bc\"", "\"pt\"", "\"rc\"", "\"fz\"");
        assertThat(CartCodec.write(cart, CartCodec.Keys.VERBOSE)).doesNotContain("\"kind\"", "\"name\"",
                "\"shippingAddress\"", "\"billingCountry\"", "\"participants\"", "\"recovery\"", "\"freeze\"");
    }

    @Test
    void write_frozenCartVerbose_figuresCartInVerboseKeys() {
        Cart cart = new CommerceCarts(5).full(new CartOwner.Customer(new CustomerId("c-2")), CartKind.SHOPPING);

        String json = CartCodec.write(cart, CartCodec.Keys.VERBOSE);

        assertThat(json).contains("\"figures\":{\"fv\":1,\"cart\":{\"formatVersion\":1,");
    }

    @RepeatedTest(50)
    void pricedCartCodec_seededRandomFigures_readBackEqual(RepetitionInfo repetition) {
        long seed = BASE_SEED - repetition.getCurrentRepetition();
        PricedCart figures = new CommerceCarts(seed).full(new CartOwner.Guest("c".repeat(64)), CartKind.SHOPPING)
                .freeze().figures();

        assertThat(PricedCartCodec.read(PricedCartCodec.write(figures))).as("seed %d", seed).isEqualTo(figures);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"kd\":\"GIFT_BOX\"}", "{\"kd\":3}", "{\"ad\":[]}", "{\"ad\":{\"sl\":[1]}}", "{\"ad\":{\"po\":5}}",
        "{\"ad\":{\"sl\":[\"1\",\"2\",\"3\",\"4\",\"5\"]}}", "{\"bc\":\"germany\"}", "{\"pt\":{}}", "{\"pt\":[1]}",
        "{\"pt\":[{\"i\":\"p\",\"th\":\"h\",\"r\":\"OWNER\",\"mc\":false,\"ia\":\"2026-01-01T00:00:00Z\","
            + "\"ea\":\"2026-01-02T00:00:00Z\"}]}",
        "{\"pt\":[{\"i\":\"p\",\"th\":\"h\",\"r\":\"VIEW\",\"mc\":true,\"ia\":\"2026-01-01T00:00:00Z\","
            + "\"ea\":\"2026-01-02T00:00:00Z\"}]}",
        "{\"pt\":[{\"i\":\"p\",\"th\":\"h\",\"r\":\"VIEW\",\"mc\":\"no\",\"ia\":\"2026-01-01T00:00:00Z\","
            + "\"ea\":\"2026-01-02T00:00:00Z\"}]}",
        "{\"rc\":{\"th\":\"h\",\"ia\":\"yesterday\",\"ea\":\"2026-01-02T00:00:00Z\"}}", "{\"rc\":\"token\"}",
        "{\"fz\":{\"fa\":\"2026-01-01T00:00:00Z\",\"fu\":\"2026-01-02T00:00:00Z\"}}",
        "{\"fz\":{\"fa\":\"2026-01-01T00:00:00Z\",\"fu\":\"2026-01-02T00:00:00Z\",\"pr\":{\"fv\":9}}}",
        "{\"fz\":{\"fa\":\"2026-01-01T00:00:00Z\",\"fu\":\"2026-01-02T00:00:00Z\",\"pr\":{\"lines\":{}}}}",
        "{\"nm\":\"\"}"})
    void read_malformedNewContent_isInvalidInput(String extra) {
        String plain = CartCodec.write(new CommerceCarts(1).full(new CartOwner.Guest("d".repeat(64)),
                CartKind.SHOPPING).toBuilder().name(null).shippingAddress(null).billingCountry(null)
                .participants(List.of()).recovery(null).freeze(null).build(), CartCodec.Keys.COMPACT);
        String json = plain.substring(0, plain.length() - 1) + "," + extra.substring(1);

        assertThatThrownBy(() -> CartCodec.read(json)).isInstanceOfSatisfying(CartException.class,
                e -> assertThat(e.code()).as(e.getMessage()).isEqualTo(CartErrorCode.INVALID_INPUT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[]", "{", "{\"fv\":2}", "{\"cart\":1}", "{\"fv\":1,\"cart\":{}}"})
    void pricedCartCodec_readMalformed_isInvalidInput(String json) {
        assertThatThrownBy(() -> PricedCartCodec.read(json)).isInstanceOfSatisfying(CartException.class,
                e -> assertThat(e.code()).isEqualTo(CartErrorCode.INVALID_INPUT));
    }

    @Test
    void read_malformedStreetLine_messageNamesTheKeyNotTheValue() {
        String plain = CartCodec.write(new CommerceCarts(2).full(new CartOwner.Guest("e".repeat(64)),
                CartKind.SHOPPING).toBuilder().shippingAddress(null).build(), CartCodec.Keys.VERBOSE);
        String json = plain.substring(0, plain.length() - 1)
                + ",\"shippingAddress\":{\"city\":\"Secret\\u0001town\",\"streetLines\":[]}}";

        assertThatThrownBy(() -> CartCodec.read(json)).isInstanceOfSatisfying(CartException.class,
                e -> assertThat(e.getMessage()).contains("city").doesNotContain("Secret"));
    }
}
