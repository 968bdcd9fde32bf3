package dev.cartflow.core.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.core.CheckoutResult;
import dev.cartflow.core.codec.PricedCartCodec;
import dev.cartflow.model.CartKind;
import dev.cartflow.model.CartOwner;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.PricedCart;
import dev.cartflow.tck.CommerceCarts;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A stored checkout's priced cart goes through the one priced-cart codec, and older ones still read. */
class StoredResponsesPricedTest {
    private static CheckoutResult checkout(long seed) {
        PricedCart priced = new CommerceCarts(seed).full(new CartOwner.Customer(new CustomerId("c-1")),
                CartKind.SHOPPING).freeze().figures();
        return new CheckoutResult(priced.cart(), priced, "checkout-x-1", List.of("P1"));
    }

    @Test
    void write_checkout_pricedPartIsThePricedCartCodecDocument() {
        CheckoutResult result = checkout(1);

        assertThat(StoredResponses.write(result)).contains("\"priced\":" + PricedCartCodec.write(result.priced()));
    }

    @Test
    void readCheckout_format2StoredBeforeThePricedCodecHadAVersion_readsEqual() {
        CheckoutResult result = checkout(2);
        String stored = StoredResponses.write(result).replace("\"priced\":{\"fv\":1,", "\"priced\":{");

        assertThat(stored).doesNotContain("\"priced\":{\"fv\"");
        assertThat(StoredResponses.readCheckout(stored)).isEqualTo(result);
    }

    @Test
    void readCheckout_figuresOfANewerPricedFormat_internal() {
        String stored = StoredResponses.write(checkout(3)).replace("\"priced\":{\"fv\":1,", "\"priced\":{\"fv\":2,");

        try {
            StoredResponses.readCheckout(stored);
            throw new AssertionError("read a newer priced format");
        } catch (dev.cartflow.error.CartException e) {
            assertThat(e.code()).isEqualTo(dev.cartflow.error.CartErrorCode.INTERNAL);
        }
    }
}
