package dev.cartflow.core.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Cart;
import dev.cartflow.tck.CartFixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CartCodecRegionTest {
    @ParameterizedTest
    @EnumSource(CartCodec.Keys.class)
    void write_cartWithRegion_readsBackWithIt(CartCodec.Keys keys) {
        Cart cart = CartFixtures.guestCart().toBuilder().region("eu-west_1").build();

        assertThat(CartCodec.read(CartCodec.write(cart, keys))).isEqualTo(cart);
    }

    @ParameterizedTest
    @EnumSource(CartCodec.Keys.class)
    void read_documentOfAnEarlierReleaseWithoutRegion_cartWithoutRegion(CartCodec.Keys keys) {
        Cart cart = CartFixtures.guestCart();
        String written = CartCodec.write(cart, keys);
        String withoutKey = written.replace(",\"region\":null", "");

        assertThat(withoutKey).doesNotContain("region").doesNotContain("\"rg\"");
        assertThat(CartCodec.read(withoutKey).region()).isNull();
        assertThat(CartCodec.read(withoutKey)).isEqualTo(cart);
    }

    @ParameterizedTest
    @EnumSource(CartCodec.Keys.class)
    void read_malformedRegion_failsInvalidInput(CartCodec.Keys keys) {
        String written = CartCodec.write(CartFixtures.guestCart().toBuilder().region("eu").build(), keys);
        String bad = written.replace("\"eu\"", "\"e u\"");

        assertThatThrownBy(() -> CartCodec.read(bad))
                .isInstanceOfSatisfying(CartException.class, e -> assertThat(e.code()).isEqualTo(CartErrorCode.INVALID_INPUT));
    }
}
